import type { DemoArticle } from './articles';
import { esc, htmlDocument, longDate } from './html';
import { outletCss, type OutletTheme } from './themes';

/** A link to another demo page, for the related-links aside. */
export interface RelatedLink { title: string; url: string; outlet: string }

const SECTIONS = ['World', 'Politics', 'Business', 'Opinion', 'Sport', 'Culture', 'Video'];

/** Made-up reader comments; the first one quotes the article (readers do), so a test can check
 *  that text outside the article is never highlighted. */
function comments(quoted: string | null): { name: string; text: string }[] {
  return [
    ...(quoted ? [{ name: 'Aigerim K.', text: `“${quoted}” So who is actually in charge now?` }] : []),
    { name: 'Dmitri_74', text: 'I read this on three different sites this morning, word for word. Does anyone write their own copy any more?' },
    { name: 'northern_lights', text: 'Good overview. Would like to see more about what happens to the people who were detained.' },
  ];
}

function blockHtml(block: DemoArticle['blocks'][number]): string {
  const text = esc(block.text);
  if (block.kind === 'heading') return `<h2>${text}</h2>`;
  if (block.kind === 'caption') return `<figure><div class="photo" role="img" aria-label="Photo"></div><figcaption>${text}</figcaption></figure>`;
  if (block.kind === 'headline') return `<p class="standfirst"><strong>${text}</strong></p>`;
  return `<p>${text}</p>`;
}

/** The title shown on the page: the corpus title, else the first body block's opening words. */
export function displayTitle(article: DemoArticle): string {
  if (article.title) return article.title;
  const first = article.blocks.find((b) => b.kind === 'body')?.text ?? article.outlet;
  const words = first.split(/\s+/).slice(0, 9).join(' ');
  return words.replace(/[,.;:]$/, '') + '…';
}

/** A complete outlet article page: masthead, navigation, headline, byline and date, the body
 *  (captions as figure/figcaption), a related-links aside, comments and a footer. */
export function renderOutletPage(article: DemoArticle, theme: OutletTheme, related: RelatedLink[], homeUrl: string): string {
  const title = displayTitle(article);
  const firstBody = article.blocks.find((b) => b.kind === 'body')?.text ?? null;
  const quoted = firstBody ? firstBody.split(/(?<=[.!?]["”]?)\s/)[0] ?? null : null;
  const byline = article.credit ? `By ${esc(article.credit)}` : `${esc(article.outlet)} staff`;
  const body = `
<div class="topbar"><span>${esc(longDate(article.published) || 'Today')}</span><a href="#">Subscribe</a><a href="#">Sign in</a></div>
<header class="masthead">
  <a class="brand" href="${esc(homeUrl)}">${esc(article.outlet)}</a>
  <nav aria-label="Sections">${SECTIONS.map((s) => `<a href="#${s.toLowerCase()}">${s}</a>`).join('')}</nav>
</header>
<main class="layout">
  <article class="story">
    <p class="kicker">Central Asia</p>
    <h1>${esc(title)}</h1>
    <div class="meta"><span class="byline">${byline}</span> · <time datetime="${esc(article.published ?? '')}">${esc(longDate(article.published))}</time></div>
    <div class="story-body">
      ${article.blocks.map(blockHtml).join('\n      ')}
    </div>
  </article>
  <aside class="related" aria-label="Related stories">
    <h2>More on this story</h2>
    <ul>${related.map((r) => `<li><a href="${esc(r.url)}">${esc(r.title)}</a> <small>${esc(r.outlet)}</small></li>`).join('')}</ul>
    <div class="ad">Advertisement</div>
  </aside>
</main>
<section class="comments" id="comments">
  <h2>Comments</h2>
  ${comments(quoted).map((c) => `<div class="comment"><b>${esc(c.name)}</b>${esc(c.text)}</div>`).join('\n  ')}
</section>
<footer><a href="#">About us</a><a href="#">Contact</a><a href="#">Privacy</a><a href="#">Terms</a><p>© 2022 ${esc(article.outlet)}. Demo page made for Echoes from seed text.</p></footer>`;
  return htmlDocument({
    title: `${title} | ${article.outlet}`,
    head: [
      `<meta property="og:site_name" content="${esc(article.outlet)}">`,
      `<meta property="og:type" content="article">`,
      `<meta property="og:title" content="${esc(title)}">`,
      article.published ? `<meta property="article:published_time" content="${esc(article.published)}">` : '',
      article.credit ? `<meta name="author" content="${esc(article.credit)}">` : '',
    ].filter(Boolean).join('\n'),
    style: outletCss(theme),
    bodyClass: `theme-${theme.name}`,
    body,
  });
}
