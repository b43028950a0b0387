/** The background's side of a newsroom server: the page's word-pair hashes out, candidates
 *  back, turned into a report index that lib/match verifies here. Never fails a page: a server
 *  that cannot be reached gives a note, and the local corpus answers alone. */
import type { MatchKind } from '../../match/types';
import type { ReportIndex } from '../../report/build-report';
import { askNewsroom } from '../../report/newsroom-client';
import { matchRequestFor } from '../../report/newsroom-protocol';
import { remoteIndex } from '../../report/remote-index';
import type { PageInput, Report } from '../../report/types';
import { mayReach, readNewsroomServer } from './newsroom-setting';

/** The server's part of a page's matching: its index and article ids, or a note saying why
 *  there is none; null when no server is set. */
export type NewsroomPart = { index: ReportIndex; articleIds: Set<string> } | { note: string } | null;

/** A page has this long for the server's answer before local results are shown alone. */
export const PAGE_WAIT_MS = 4_000;

/** Asks the configured server about the page (its hashes only); `kinds`: the kinds the page is
 *  matched for (the server sends fewer candidates when paraphrases are not among them). */
export async function newsroomPartFor(
  page: Pick<PageInput, 'text' | 'blockStarts'>, kinds?: readonly MatchKind[], fetchFn: typeof fetch = fetch,
): Promise<NewsroomPart> {
  const server = await readNewsroomServer();
  if (!server) return null;
  const host = new URL(server.url).host;
  if (!(await mayReach(server))) return { note: `Echoes may no longer reach your newsroom server (${host}): add it again on the options page.` };
  const answer = await askNewsroom(server, matchRequestFor(page, kinds), fetchFn, PAGE_WAIT_MS);
  if (!answer.ok) return { note: `Newsroom server not used for this page: ${answer.error}. Local results only.` };
  const index = remoteIndex(answer.value);
  return { index, articleIds: new Set(index.articleIds()) };
}

/** The report with what the server contributed: the outlets of matches whose article the
 *  server sent (in the summary's order), and the note, if any. */
export function withNewsroom(report: Report, part: NewsroomPart): Report {
  if (part === null) return report;
  if ('note' in part) return { ...report, newsroom: { outlets: [], note: part.note } };
  const fromServer = new Set<string>();
  for (const s of report.sentences) {
    for (const m of s.matches) if (part.articleIds.has(m.articleId) && part.index.getArticle(m.articleId)?.outlet === m.outlet) fromServer.add(m.outlet);
  }
  return { ...report, newsroom: { outlets: report.summary.outlets.filter((o) => fromServer.has(o)), note: null } };
}
