import type { CliIo } from '../../../lib/cli/run';

/** In-memory stdin/stdout/stderr for runXref. */
export function fakeIo(opts: { stdin?: string | Uint8Array; isTTY?: boolean; stdinIsTTY?: boolean; env?: Record<string, string> } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const input = opts.stdin ?? '';
  const io: CliIo = {
    stdin: Object.assign((async function* () { yield typeof input === 'string' ? Buffer.from(input) : input; })(), { isTTY: opts.stdinIsTTY }),
    stdout: { write: (text: string) => out.push(text), isTTY: opts.isTTY },
    stderr: { write: (text: string) => err.push(text) },
    env: opts.env ?? {},
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
