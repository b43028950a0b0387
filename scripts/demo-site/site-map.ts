import type { DemoArticle } from './articles';
import { liveContent, renderFormPage, renderIndexPage, renderLivePage } from './extra-pages';
import { longPageParagraphs, renderLongPage } from './long-page';
import { displayTitle, renderOutletPage } from './outlet-page';
import { listRealPages, readExpectedHtml, readRealPage, REAL_PAGE_CSP, spliceEchoes } from './real-pages';
import { allBodySentences, distinctShared, verbatimSharedSentences } from './shared-sentences';
import { themeFor } from './themes';

/** One outlet's article page on the demo site. */
export interface DemoOutletPage {
  slug: string;
  articleId: string;
  outlet: string;
  title: string;
  /** Loopback address this outlet is served from. */
  host: string;
  url: string;
  /** The theme's name ("night" is the dark one). */
  theme: string;
  /** Body sentences another seed also has word for word (a naive split; demo material). */
  sharedSentences: string[];
}

/** What the demo site serves, with absolute URLs (also served as /pages.json). */
export interface DemoSiteMap {
  indexUrl: string;
  outlets: DemoOutletPage[];
  /** Article arrives 1 s after load, a late paragraph (#late-paragraph) 2 s later. */
  live: { url: string };
  /** input, textarea and contenteditable holding `fieldSentences` (in that order). */
  form: { url: string; fieldSentences: string[] };
  long: { url: string; words: number };
  /** ../shared's saved real pages, [] when ../shared is absent: `url` as saved, `echoUrl` with
   *  `inserted` (seed sentences other outlets ran) put into some of its article paragraphs. */
  realPages: { site: string; url: string; echoUrl: string; inserted: string[] }[];
}

/** A route: its canonical host (other hosts are redirected there; null = any host). */
export interface SitePage { host: string | null; url: string; type: string; csp?: string; body: () => string }

const HTML = 'text/html; charset=utf-8';

/** Every page of the demo site, rendered from the seed articles. */
export function buildSite(
  articles: DemoArticle[],
  urlOf: (host: string, path: string) => string,
  indexHost: string,
  outletHost: (index: number) => string,
): { map: DemoSiteMap; routes: Map<string, SitePage> } {
  const routes = new Map<string, SitePage>();
  const add = (path: string, host: string | null, type: string, body: () => string, csp?: string) => {
    const url = urlOf(host ?? indexHost, path);
    routes.set(path, { host, url, type, body, csp });
    return url;
  };
  const shared = verbatimSharedSentences(articles);
  const outlets = articles.map((article, i): DemoOutletPage => ({
    slug: article.slug, articleId: article.articleId, outlet: article.outlet, title: displayTitle(article),
    host: outletHost(i), url: urlOf(outletHost(i), `/news/${article.slug}/`), theme: themeFor(i).name,
    sharedSentences: shared.get(article.articleId) ?? [],
  }));
  articles.forEach((article, i) => {
    const related = outlets.filter((o) => o.articleId !== article.articleId)
      .map((o) => ({ title: o.title, url: o.url, outlet: o.outlet }));
    const page = renderOutletPage(article, themeFor(i), related, urlOf(indexHost, '/'));
    add(`/news/${article.slug}/`, outletHost(i), HTML, () => page);
  });

  const allShared = distinctShared(shared);
  const first = articles[0];
  const live = first ? liveContent(first, shared.get(first.articleId) ?? []) : { title: 'Nothing yet', paragraphs: [], late: '' };
  const liveUrl = add('/live/', indexHost, HTML, renderLivePage);
  add('/live/content.json', indexHost, 'application/json; charset=utf-8', () => JSON.stringify(live));

  const fieldSentences = allShared.slice(0, 3);
  const formParagraphs = (first?.blocks ?? [])
    .filter((b) => b.kind === 'body' && allShared.some((s) => b.text.includes(s)))
    .map((b) => b.text);
  const formUrl = add('/form/', indexHost, HTML, () => renderFormPage(formParagraphs, fieldSentences));

  const longParagraphs = longPageParagraphs(allBodySentences(articles));
  const longWords = longParagraphs.reduce((n, p) => n + p.split(/\s+/).length, 0);
  const longUrl = add('/long/', indexHost, HTML, () => renderLongPage(longParagraphs));

  const realPages = listRealPages().map((site, i) => {
    const spliced = spliceEchoes(readRealPage(site) ?? '', readExpectedHtml(site), rotate(allShared, i * 3).slice(0, 3));
    return {
      site,
      url: add(`/real/${site}/`, indexHost, HTML, () => readRealPage(site) ?? '', REAL_PAGE_CSP),
      echoUrl: add(`/real/${site}/seeded/`, indexHost, HTML, () => spliced.html, REAL_PAGE_CSP),
      inserted: spliced.inserted,
    };
  });

  const map: DemoSiteMap = {
    indexUrl: urlOf(indexHost, '/'),
    outlets,
    live: { url: liveUrl },
    form: { url: formUrl, fieldSentences },
    long: { url: longUrl, words: longWords },
    realPages,
  };
  add('/pages.json', null, 'application/json; charset=utf-8', () => JSON.stringify(map, null, 2));
  add('/', indexHost, HTML, () => renderIndexPage([
    { heading: 'Outlets', entries: outlets.map((o) => ({ url: o.url, label: o.outlet, note: `${o.title} (${o.theme} theme)` })) },
    { heading: 'Edge cases', entries: [
      { url: liveUrl, label: 'Live desk', note: 'article loads after 1 s, a paragraph is added later' },
      { url: formUrl, label: 'Reader desk', note: 'echoed sentences inside an input, a textarea and a contenteditable' },
      { url: longUrl, label: 'The long read', note: `${longWords} words, for timing` },
    ] },
    ...(realPages.length ? [{ heading: 'Real pages (saved, scripts off)', entries: realPages.map((r) => ({ url: r.url, label: r.site, note: 'saved page' })) },
      { heading: 'Real pages with seed sentences put in', entries: realPages.map((r) => ({ url: r.echoUrl, label: r.site, note: `${r.inserted.length} seed sentences inserted` })) }] : []),
  ]));
  return { map, routes };
}


function rotate<T>(items: readonly T[], by: number): T[] {
  if (items.length === 0) return [];
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}
