/** What an import did: articles added, duplicates skipped, files refused (each with its own
 *  message), or why nothing was added. Everything from the files is shown as text. */
import type { FileReport, ImportOutcome, JobOutcome } from '../../ext/imports/import-runner';
import type { CorpusArticleInfo } from '../../ext/messaging/messages';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The one-line summary of an outcome (files are counted when given). */
export function outcomeSummary(outcome: JobOutcome, files: readonly FileReport[] = []): string {
  if (outcome.state === 'cancelled') return 'Import cancelled: nothing was added, your corpus is as it was.';
  if (outcome.state === 'failed') return `Nothing was added: ${outcome.error}`;
  const refused = files.filter((f) => f.error !== null).length;
  const parts = [`Added ${plural(outcome.added.length, 'article')}`];
  if (outcome.skipped.length > 0) parts.push(`skipped ${plural(outcome.skipped.length, 'duplicate')}`);
  if (refused > 0) parts.push(`${plural(refused, 'file')} refused`);
  return `${parts.join('; ')}.`;
}

/** Props: the outcome of a file import (with per-file results) or of one article. */
export interface ImportResultProps { outcome: ImportOutcome | JobOutcome }

/** The summary, then the refused files, per-file counts and the skipped duplicates. */
export function ImportResult({ outcome }: ImportResultProps) {
  const files = 'files' in outcome ? outcome.files : [];
  const bad = outcome.state !== 'done';
  return (
    <div class="import-result" role={bad ? 'alert' : 'status'}>
      <p class={bad ? 'error' : 'import-summary'}>{outcomeSummary(outcome, files)}</p>
      {files.some((f) => f.error !== null) && (
        <ul class="import-errors" aria-label="Files refused">
          {files.flatMap((f) => (f.error === null ? [] : [<li key={f.name}>{f.error}</li>]))}
        </ul>
      )}
      {outcome.state === 'done' && files.length > 1 && (
        <ul class="import-files" aria-label="Per file">
          {files.filter((f) => f.error === null).map((f) => (
            <li key={f.name}>
              <span class="file-name">{f.name}</span>: {plural(f.added, 'article')} added
              {f.skipped > 0 && `, ${plural(f.skipped, 'duplicate')} skipped`}
            </li>
          ))}
        </ul>
      )}
      {outcome.state === 'done' && outcome.skipped.length > 0 && (
        <details class="import-skipped" open={outcome.skipped.length <= 10}>
          <summary>{plural(outcome.skipped.length, 'article')} not added</summary>
          <ul>{outcome.skipped.map((s, i) => <li key={`${s.label}-${i}`}><span class="file-name">{s.label}</span>: {s.reason}</li>)}</ul>
        </details>
      )}
    </div>
  );
}

/** One added article: outlet, title, date and address, as text. */
export function AddedArticle({ article }: { article: CorpusArticleInfo }) {
  return (
    <dl class="added-article">
      <dt>Outlet</dt><dd>{article.outlet}</dd>
      <dt>Title</dt><dd>{article.title ?? 'untitled'}</dd>
      <dt>Date</dt><dd>{article.published ?? 'undated'}</dd>
      <dt>URL</dt><dd class="added-url">{article.url ?? 'none'}</dd>
    </dl>
  );
}
