/** `npm run xref -- <page> [--corpus PATH]... [--kinds LIST] [--json]`: wiring only; see run.ts. */
import { runXref } from './run';

void runXref(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
