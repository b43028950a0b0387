// A fresh service worker pays one-time costs on its first report: Intl.Segmenter loading its
// sentence rules (~25 ms), Unicode regexes compiling, and every engine function being compiled
// and run cold. Running the engine once over a tiny built-in corpus lets the worker pay them
// while it waits anyway (for the index fetch), instead of while a page waits for its answer.
import type { Article } from '../corpus/article';
import { createCorpusIndex } from '../match/index/corpus-index';
import { buildReport } from './build-report';

const CORPUS = [
  'The CSTO mission of more than 2,000 troops was despatched at the peak of the crisis, Mr. Tokayev said.\n\n'
    + '"Our mission is complete!" the commander told reporters in Almaty on Jan. 13.',
  'The CSTO mission of more than 2,000 troops was dispatched at the height of the crisis, Mr. Toqaev said.\n\n'
    + 'Café owners in the U.S. reopened after the unrest.',
];

const PAGE = 'The CSTO mission of more than 2,000 troops was despatched at the peak of the crisis last week, Mr. Tokayev said.\n\n'
  + '"Our mission is complete!" the commander told reporters. Café owners in the U.S. reopened on Tuesday.';

function article(text: string, n: number): Article {
  return {
    id: `warm-up-${n}`, outlet: `Warm-up ${n}`, site: null, url: null, published: null, title: null, credit: null,
    text, blocks: [{ kind: 'body', start: 0, end: text.length }],
  };
}

/** Runs split, tokenize, index, verification, diff and report once over a built-in pair of
 *  articles (its own tiny index; nothing shared is touched). Returns the milliseconds it took.
 *  Call it once early in a fresh worker, e.g. between starting the index fetch and awaiting it. */
export function warmUpEngine(now: () => number = () => performance.now()): number {
  const started = now();
  const index = createCorpusIndex(CORPUS.map(article));
  for (const kinds of [undefined, ['verbatim', 'reworded', 'paraphrase'] as const]) {
    buildReport({ source: 'warm-up', text: PAGE, title: null, outlet: null, url: null }, index, { kinds });
  }
  return now() - started;
}
