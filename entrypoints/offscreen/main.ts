import { onOffscreenCall } from '@/lib/ext/messaging/messaging';
import { extractFromHtml } from '@/lib/page/find/article-extract';

// Wiring only: Chrome's hidden DOM_PARSER page (lib/ext/extract/offscreen-document.ts opens it).
onOffscreenCall({
  extractInDocument: ({ html }) => ({ ok: true, value: extractFromHtml(html, (text) => new DOMParser().parseFromString(text, 'text/html')) }),
});
