/** Until the extension's screens exist: the xref report of one seed article (TRT World, 000)
 *  against the other seeds, as `npm run xref -- seeds/000_195ccdb3a235dd3d.txt` prints it. */
import { fileURLToPath } from 'node:url';
import { runXref } from '../lib/cli/run';

const page = fileURLToPath(new URL('../seeds/000_195ccdb3a235dd3d.txt', import.meta.url));
void runXref([page, ...process.argv.slice(2)], {
  stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env,
}).then((code) => {
  process.exitCode = code;
});
