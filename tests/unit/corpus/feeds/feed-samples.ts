/** Feeds written for tests (unit, ext and e2e): RSS 2.0 with full content, Atom with
 *  summaries only, JSON Feed, from plain stories. Each paragraph is a <p>; text is escaped. */

/** A story to put in a feed. */
export interface SampleStory { id: string; url: string; title: string; published: string; author?: string; paragraphs: string[] }

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const html = (story: SampleStory) => story.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('\n');

/** RSS 2.0 whose items carry the whole article in content:encoded (as CDATA). */
export function rssFeed(title: string, site: string, stories: SampleStory[], opts: { ttl?: number } = {}): string {
  const items = stories.map((s) => `<item>
  <title>${escapeXml(s.title)}</title><link>${escapeXml(s.url)}</link><guid isPermaLink="false">${escapeXml(s.id)}</guid>
  <pubDate>${new Date(s.published).toUTCString()}</pubDate>${s.author ? `<dc:creator>${escapeXml(s.author)}</dc:creator>` : ''}
  <description>${escapeXml(s.paragraphs[0] ?? '')}</description>
  <content:encoded><![CDATA[${html(s)}]]></content:encoded>
</item>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${escapeXml(title)}</title><link>${escapeXml(site)}</link>${opts.ttl ? `<ttl>${opts.ttl}</ttl>` : ''}
${items}
</channel></rss>`;
}

/** Atom whose entries carry only a one-paragraph summary: the pages must be fetched. */
export function atomFeed(title: string, site: string, stories: SampleStory[]): string {
  const entries = stories.map((s) => `<entry>
  <id>${escapeXml(s.id)}</id><title type="html">${escapeXml(escapeXml(s.title))}</title>
  <link rel="alternate" type="text/html" href="${escapeXml(s.url)}"/>
  <published>${s.published}</published><updated>${s.published}</updated>
  ${s.author ? `<author><name>${escapeXml(s.author)}</name></author>` : ''}
  <summary type="text">${escapeXml(s.paragraphs[0] ?? '')}</summary>
</entry>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${escapeXml(title)}</title>
<link rel="self" href="${escapeXml(site)}feed.atom"/><link rel="alternate" href="${escapeXml(site)}"/>
<id>${escapeXml(site)}</id><updated>2026-12-01T00:00:00Z</updated>
${entries}
</feed>`;
}

/** JSON Feed 1.1 with content_html. */
export function jsonFeed(title: string, site: string, stories: SampleStory[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1', title, home_page_url: site,
    items: stories.map((s) => ({
      id: s.id, url: s.url, title: s.title, date_published: s.published, content_html: html(s),
      ...(s.author ? { authors: [{ name: s.author }] } : {}),
    })),
  });
}

/** An article page for a story: a plain news page Readability finds the article of. */
export function articlePage(outlet: string, story: SampleStory): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeXml(story.title)} | ${escapeXml(outlet)}</title>
<meta property="og:site_name" content="${escapeXml(outlet)}"><meta property="og:title" content="${escapeXml(story.title)}">
<meta property="article:published_time" content="${story.published}"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>${escapeXml(story.title)}</h1>${html(story)}</article></main>
<footer>© ${escapeXml(outlet)}</footer></body></html>`;
}

/** Sentences to build stories from; `n` makes each story's wording its own. */
export function storyParagraphs(topic: string, n: number, count = 6): string[] {
  return Array.from({ length: count }, (_, i) =>
    `Officials in ${topic} said on day ${i + 1} that the ${n}th review of the regional budget would continue through the winter months. ` +
    `The council met for ${i + 2} hours and heard evidence from residents, engineers and the finance committee about the costs of the ${topic} project. ` +
    `Several members asked for a clearer account of how the money had been spent since the plan was first approved ${i + 3} years ago.`);
}
