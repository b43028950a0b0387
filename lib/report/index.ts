/** The page report shared by the CLI and the extension. */
export { buildReport, type ReportIndex } from './build-report';
export { hostOf, isSameSource, isSameText, SAME_ARTICLE_SHARE } from './own-article';
export type { PageInput, Report, ReportMatch, ReportSentence } from './types';
export { warmUpEngine } from './warm-up';
