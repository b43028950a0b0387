/** The page's provenance lines under the popup's summary ("7 sentences trace to AFP; this page
 *  credits AFP"); nothing when no sentence is traced or dated. */
import type { Report } from '../../report/types';
import { pageProvenanceLines } from '../provenance-view';

/** Props: the page's report. */
export function ProvenanceSummary({ report }: { report: Report }) {
  const lines = pageProvenanceLines(report);
  if (lines.length === 0) return null;
  return (
    <ul class="provenance-summary" aria-label="Where the echoed sentences come from">
      {lines.map((line) => <li key={line}>{line}</li>)}
    </ul>
  );
}
