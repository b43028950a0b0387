/** What the newsroom server added to a page's report, or why it was not used: shown in the
 *  popup under the state, as text. */
import type { Report } from '../../report/types';

/** Nothing when no server is configured; else its outlets or its note. */
export function NewsroomNote({ report }: { report: Report }) {
  const part = report.newsroom;
  if (!part) return null;
  if (part.note) return <p class="newsroom-note" role="status">{part.note}</p>;
  return (
    <p class="newsroom-note">
      {part.outlets.length === 0
        ? 'Your newsroom server has nothing more on this page.'
        : `From your newsroom server: ${part.outlets.join(', ')}.`}
    </p>
  );
}
