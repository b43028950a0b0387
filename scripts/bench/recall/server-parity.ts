/** `npm run bench -- --server-parity`: does `xref --server` give the report `xref --corpus`
 *  gives, sentence for sentence, at a scale the parity tests cannot reach? The recall bench's
 *  corpus (planted copies beside 10,000 articles of real news text, where many sentences have
 *  more candidates than are verified) goes into a throw-away PostgreSQL and into an in-memory
 *  index; pages of the planted originals and of three distractor articles are matched both ways.
 *  Prints how many sentences got the same matches, and the answers' size as JSON (of it the list
 *  lengths rarity ranking needs). Skips with a message without ../shared or PostgreSQL. */
import pg from 'pg';
import type { Article } from '../../../lib/corpus/article';
import { createCorpusIndex } from '../../../lib/match/index/corpus-index';
import type { MatchKind } from '../../../lib/match/types';
import { buildReport } from '../../../lib/report/build-report';
import { matchRequestFor } from '../../../lib/report/newsroom-protocol';
import { remoteIndex } from '../../../lib/report/remote-index';
import type { PageInput } from '../../../lib/report/types';
import { findCandidates } from '../../../lib/server/candidates';
import { migrate } from '../../../lib/server/schema';
import { storeArticles } from '../../../lib/server/store-articles';
import { postgresBin, startThrowawayPostgres } from '../../setup/throwaway-postgres';
import { article, MSRP_ABSENT, realTextCorpus } from './recall-bench';

const DISTRACTORS = 10_000;
const PAGE_SENTENCES = 300;
const KINDS: ReadonlyArray<readonly MatchKind[]> = [['verbatim', 'reworded'], ['verbatim', 'reworded', 'paraphrase']];

const pageOf = (a: Article): PageInput => ({ source: a.id, text: a.text, blockStarts: a.blocks.map((b) => b.start), title: null, outlet: null, url: null });

/** Runs the comparison and prints its figures. */
export async function runServerParity(log: (line: string) => void): Promise<void> {
  const corpus = realTextCorpus(DISTRACTORS);
  if (!corpus) return console.log(`\nServer parity on real text: skipped, ${MSRP_ABSENT}.`);
  const bin = postgresBin();
  if (!('bin' in bin)) return console.log(`\nServer parity on real text: skipped, ${bin.missing}`);
  const articles = [...corpus.plantedArticles, ...corpus.distractors];
  const originals = corpus.planted.map((p) => p.original);
  const pages = [
    ...Array.from({ length: Math.ceil(originals.length / PAGE_SENTENCES) }, (_, k) => pageOf(article(`page-${k}`, originals.slice(k * PAGE_SENTENCES, (k + 1) * PAGE_SENTENCES)))),
    ...[5, 500, 5_000].map((n) => pageOf(corpus.distractors[n] as Article)),
  ];
  const cluster = await startThrowawayPostgres(bin.bin, { shared_buffers: '512MB' });
  const pool = new pg.Pool({ connectionString: cluster.url, max: 4 });
  try {
    await migrate(pool);
    log(`server parity: storing ${articles.length.toLocaleString('en-US')} articles…`);
    for (let i = 0; i < articles.length; i += 2_000) await storeArticles(pool, articles.slice(i, i + 2_000));
    const local = createCorpusIndex(articles);
    console.log(`\n--server against --corpus on ${articles.length.toLocaleString('en-US')} articles of real text, ${pages.length} pages:`);
    for (const kinds of KINDS) {
      let same = 0, sentences = 0, bytes = 0, lengthBytes = 0;
      for (const page of pages) {
        const expected = buildReport(page, local, { kinds: [...kinds] });
        const answer = await findCandidates(pool, matchRequestFor(page, kinds));
        bytes += JSON.stringify(answer).length;
        lengthBytes += JSON.stringify(answer.listLengths).length;
        const got = buildReport(page, remoteIndex(answer), { kinds: [...kinds] });
        expected.sentences.forEach((s, i) => {
          sentences++;
          if (JSON.stringify(got.sentences[i]?.matches) === JSON.stringify(s.matches)) same++;
        });
      }
      console.log(`  ${kinds.join(',')}: ${same}/${sentences} sentences with the same matches;` +
        ` answers ${(bytes / 1024).toFixed(0)} kB as JSON, of it list lengths ${(lengthBytes / 1024).toFixed(0)} kB`);
    }
  } finally {
    await pool.end();
    cluster.stop();
  }
}
