import type { MatchKind } from '../match/types';

/** Every match kind, in the order they are listed in help and errors. */
export const ALL_KINDS: readonly MatchKind[] = ['verbatim', 'reworded', 'paraphrase'];
/** Kinds reported when --kinds is not given. */
export const DEFAULT_KINDS: readonly MatchKind[] = ['verbatim', 'reworded'];

/** What the command line asked for. `page` is a path or "-" (standard input);
 *  `corpus` is empty when the embedded seeds are meant. */
export interface CliOptions {
  page: string;
  corpus: string[];
  kinds: MatchKind[];
  json: boolean;
  /** A newsroom server's address (--server) and token (--token; else $ECHOES_TOKEN): the
   *  page is matched against its corpus instead of the seeds. */
  server: string | null;
  token: string | null;
}

/** Parsed arguments, --help, or one line saying what is wrong. */
export type ParsedArgs =
  | { ok: true; help: true }
  | { ok: true; help: false; options: CliOptions }
  | { ok: false; error: string };

/** Usage text for --help and after argument errors. */
export const USAGE = `Usage: npm run xref -- <page> [--corpus PATH]... [--kinds LIST] [--json]

Lists the sentences of a news article that other outlets also ran, verbatim or reworded.

  <page>           a .txt or .html article, or - to read it from standard input
  --corpus PATH    a folder of .txt/.html/.json/.jsonl articles, or one such file;
                   repeat to add more (default: the embedded seed articles)
  --kinds LIST     comma-separated: ${ALL_KINDS.join(', ')} (default: ${DEFAULT_KINDS.join(',')})
  --server URL     match against a newsroom server's corpus (npm run server) instead
                   of the seeds; only the page's word-pair hashes are sent
  --token T        the server's access token (default: $ECHOES_TOKEN)
  --json           print the report as JSON
  -h, --help       show this help
`;

/** Parses argv (without node and script). Accepts `--opt value` and `--opt=value`;
 *  `--` ends options. Never throws. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const corpus: string[] = [];
  const pages: string[] = [];
  let kinds: MatchKind[] = [...DEFAULT_KINDS];
  let json = false;
  const remote: { server: string | null; token: string | null } = { server: null, token: null };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--') { pages.push(...argv.slice(i + 1)); break; }
    if (arg === '-h' || arg === '--help') return { ok: true, help: true };
    if (arg === '-' || !arg.startsWith('-')) { pages.push(arg); continue; }
    const [name, inline] = splitOption(arg);
    if (name === '--json' && inline === undefined) { json = true; continue; }
    if (name !== '--corpus' && name !== '--kinds' && name !== '--server' && name !== '--token') return { ok: false, error: `unknown option ${name} (see --help)` };
    const value = inline ?? argv[i + 1];
    if (inline === undefined) i += 1;
    if (value === undefined || value === '') return { ok: false, error: `${name} needs a value (see --help)` };
    if (name === '--corpus') { corpus.push(value); continue; }
    if (name === '--server' || name === '--token') { remote[name === '--server' ? 'server' : 'token'] = value; continue; }
    const parsed = parseKinds(value);
    if (!parsed.ok) return parsed;
    kinds = parsed.kinds;
  }
  if (pages.length === 0) return { ok: false, error: 'no page given: pass a .txt or .html file, or - for standard input (see --help)' };
  if (pages.length > 1) return { ok: false, error: `one page at a time, got ${pages.length}: ${pages.join(' ')}` };
  return { ok: true, help: false, options: { page: pages[0] ?? '-', corpus, kinds, json, ...remote } };
}

function splitOption(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

/** "verbatim,reworded" -> kinds, or an error naming the unknown kind. Duplicates collapse. */
export function parseKinds(list: string): { ok: true; kinds: MatchKind[] } | { ok: false; error: string } {
  const kinds: MatchKind[] = [];
  for (const raw of list.split(',')) {
    const name = raw.trim().toLowerCase();
    if (name === '') continue;
    const kind = ALL_KINDS.find((k) => k === name);
    if (!kind) return { ok: false, error: `unknown kind "${raw.trim()}": use ${ALL_KINDS.join(', ')}` };
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  if (kinds.length === 0) return { ok: false, error: `--kinds is empty: use ${ALL_KINDS.join(', ')}` };
  return { ok: true, kinds };
}
