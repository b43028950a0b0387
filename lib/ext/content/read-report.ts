/** The content script's half of "remember what I read": after a scan found and matched the
 *  page's article, tell the background the page was read, once per address, and only when
 *  the reading memory is on for this site (so other pages send nothing at all). The
 *  background checks the setting again and decides; this side only avoids asking needlessly. */

/** Most pages one content script reports: a page that keeps changing its address (pushState)
 *  and its text cannot fill the corpus, since rescans come at most every 2 s anyway. */
export const MAX_READS_PER_PAGE = 20;

/** What the reporter needs: the page's address now, whether a page read at an address is to
 *  be remembered (the settings as stored), and the message to the background. */
export interface ReadReportDeps {
  url: () => string;
  remembered: (url: string) => Promise<boolean>;
  send: () => Promise<unknown>;
}

/** Reports pages read; `afterScan` is given each scan's outcome state. */
export interface ReadReporter {
  /** Sends pageRead when `state` says the article was highlighted (matched, even with no
   *  echo) and this address was not reported before. Resolves once decided (and sent). */
  afterScan(state: string): Promise<boolean>;
}

/** Creates the reporter of one page (one content script run). */
export function createReadReporter(deps: ReadReportDeps): ReadReporter {
  const reported = new Set<string>();
  return {
    async afterScan(state) {
      if (state !== 'highlighted') return false;
      // The address without its #fragment: the same article scrolled to a heading is one read.
      const url = deps.url().split('#')[0]!;
      if (reported.has(url) || reported.size >= MAX_READS_PER_PAGE || !(await deps.remembered(url))) return false;
      // Another scan got here first while the settings were read.
      if (reported.has(url) || reported.size >= MAX_READS_PER_PAGE) return false;
      reported.add(url);
      await deps.send();
      return true;
    },
  };
}
