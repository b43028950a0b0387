/** `tsx scripts/setup/preflight.ts <command>` runs first in `npm test` and `npm start`: it finds
 *  the programs that command needs (scripts/setup/tools.ts) and, when some are missing, installs
 *  them with apt-get if it can (root on Debian/Ubuntu), or else stops at once with one line that
 *  says exactly what to run. So a fresh machine gets either a working run or one clear line,
 *  never a wall of failing suites. */
import { spawnSync } from 'node:child_process';
import { planSetup } from './plan';
import { localProbe as probe, NEEDS, type ToolName } from './tools';

function run(argv: string[]): void {
  const command = argv[0] ?? '';
  const needs: readonly ToolName[] | undefined = NEEDS[command];
  if (!needs) {
    console.error(`preflight: unknown command "${command}"; use one of ${Object.keys(NEEDS).join(', ')}.`);
    process.exit(2);
  }
  const canApt = probe.exists('/usr/bin/apt-get');
  const plan = planSetup(needs, process.env, probe, { isRoot: process.getuid?.() === 0, canApt });
  if (plan.kind === 'ready') return;
  if (plan.kind === 'stop') {
    console.error(plan.line);
    process.exit(1);
  }
  console.log(`Installing what \`npm ${command}\` needs: ${plan.packages.join(', ')} (apt-get, as root)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const steps = [['update'], ['install', '-y', ...plan.packages]];
  for (const step of steps) {
    const result = spawnSync('apt-get', step, { stdio: 'inherit', env });
    if (result.status !== 0) {
      console.error(`apt-get ${step[0]} failed (exit ${result.status ?? result.signal}); run \`apt-get update && apt-get install -y ${plan.packages.join(' ')}\` yourself and try again.`);
      process.exit(1);
    }
  }
  const after = planSetup(needs, process.env, probe, { isRoot: false, canApt: false });
  if (after.kind !== 'ready') {
    console.error(after.kind === 'stop' ? after.line : 'the install finished but the programs are still missing');
    process.exit(1);
  }
}

run(process.argv.slice(2));
