import type { DemoArticle } from './articles';
import { esc, htmlDocument } from './html';
import { displayTitle } from './outlet-page';

const PLAIN_CSS = `
body{margin:0;font:17px/1.6 "DejaVu Sans",Arial,sans-serif;color:#1f2328;background:#f6f8fa}
header{background:#24292f;color:#fff;padding:14px 24px;font-weight:700}
main{max-width:760px;margin:24px auto;padding:0 24px;background:#fff;border:1px solid #d0d7de;border-radius:6px}
h1{font-size:30px;line-height:1.2}
input,textarea,[contenteditable]{display:block;width:100%;font:inherit;margin:8px 0 16px;padding:8px;border:1px solid #8c959f;border-radius:4px}
textarea{height:120px}
li{margin:6px 0}
`;

/** An entry on the index page. */
export interface IndexEntry { url: string; label: string; note: string }

/** The demo site's home: links to every outlet page, the special pages and the real pages. */
export function renderIndexPage(groups: { heading: string; entries: IndexEntry[] }[]): string {
  const body = `<header>Echoes demo newsstand</header>
<main>
<h1>Echoes demo newsstand</h1>
<p>Five outlets' versions of one story, each served from its own loopback address, plus pages that test the edges.</p>
${groups.map((g) => `<h2>${esc(g.heading)}</h2>
<ul>${g.entries.map((e) => `<li><a href="${esc(e.url)}">${esc(e.label)}</a> — ${esc(e.note)}</li>`).join('\n')}</ul>`).join('\n')}
</main>`;
  return htmlDocument({ title: 'Echoes demo newsstand', style: PLAIN_CSS, body });
}

/** JSON the live page fetches: its article arrives after 1 s, a late paragraph 2 s after that. */
export interface LiveContent { title: string; paragraphs: string[]; late: string }

/** Live content from one article: its first body blocks, then (late) a later block that holds a
 *  sentence another outlet also ran, so the late paragraph has something to highlight. */
export function liveContent(article: DemoArticle, shared: readonly string[]): LiveContent {
  const bodies = article.blocks.filter((b) => b.kind === 'body').map((b) => b.text);
  const half = Math.max(1, Math.ceil(bodies.length / 2));
  const later = bodies.slice(half);
  const late = later.find((text) => shared.some((s) => text.includes(s))) ?? later[0] ?? bodies[0] ?? '';
  return { title: displayTitle(article), paragraphs: bodies.slice(0, half), late };
}

/** A single-page-app style article: empty at first, filled by script from /live/content.json. */
export function renderLivePage(): string {
  const script = `
setTimeout(async () => {
  const content = await (await fetch('/live/content.json')).json();
  const article = document.getElementById('live-article');
  const h1 = document.createElement('h1');
  h1.textContent = content.title;
  article.append(h1);
  for (const text of content.paragraphs) {
    const p = document.createElement('p');
    p.textContent = text;
    article.append(p);
  }
  document.body.dataset.liveState = 'article';
  setTimeout(() => {
    const p = document.createElement('p');
    p.id = 'late-paragraph';
    p.textContent = content.late;
    article.append(p);
    document.body.dataset.liveState = 'late';
  }, 2000);
}, 1000);`;
  const body = `<header>Live desk</header>
<main><p class="loading">Loading the latest story…</p><article id="live-article"></article></main>
<script>${script}</script>`;
  return htmlDocument({ title: 'Live desk', style: PLAIN_CSS, body });
}

/** An article whose echoed sentences also sit in an input, a textarea and a contenteditable
 *  block: the highlighter must mark the paragraphs and leave the three fields alone. */
export function renderFormPage(paragraphs: readonly string[], fieldSentences: readonly string[]): string {
  const [inInput = '', inTextarea = '', inEditable = ''] = fieldSentences;
  const body = `<header>Reader desk</header>
<main>
<article>
<h1>Readers discuss the withdrawal</h1>
${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
<form onsubmit="return false">
<label for="summary-input">One-line summary</label>
<input id="summary-input" name="summary" value="${esc(inInput)}">
<label for="notes-area">Your notes</label>
<textarea id="notes-area" name="notes">${esc(inTextarea)}</textarea>
<label>Draft (editable)</label>
<div id="draft-editable" contenteditable="true">${esc(inEditable)}</div>
</form>
</article>
</main>`;
  return htmlDocument({ title: 'Readers discuss the withdrawal', style: PLAIN_CSS, body });
}
