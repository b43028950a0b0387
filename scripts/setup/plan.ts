/** What to do before a command runs, given which of its tools are found: nothing, install
 *  Debian packages, or stop with one line. Pure, so each case is a row of a test table. */
import { findTool, TOOLS, type Probe, type ToolName } from './tools';

/** The decision: ready, install these packages (then look again), or stop with `line`. */
export type SetupPlan =
  | { kind: 'ready' }
  | { kind: 'install'; packages: string[] }
  | { kind: 'stop'; line: string };

/** Whether this process may install: root with apt-get (Debian/Ubuntu). */
export interface InstallRights {
  isRoot: boolean;
  canApt: boolean;
}

/** The plan for `needs`. A tool pointed at by its environment variable but absent stops the run
 *  (installing a package would not fix a wrong setting); missing tools are installed when this
 *  process is root with apt-get, and otherwise named in one line with the command to run. */
export function planSetup(needs: readonly ToolName[], env: NodeJS.ProcessEnv, probe: Probe, rights: InstallRights): SetupPlan {
  const missing: ToolName[] = [];
  for (const name of needs) {
    const tool = TOOLS[name];
    const found = findTool(tool, env, probe);
    if (found?.fromEnv && !probe.exists(found.path)) {
      return { kind: 'stop', line: `${tool.env} is set to ${env[tool.env!]}, but ${found.path} does not exist: point it at ${tool.name}, or unset it.` };
    }
    if (!found) missing.push(name);
  }
  if (missing.length === 0) return { kind: 'ready' };
  const packages = missing.map((name) => TOOLS[name].aptPackage);
  if (rights.isRoot && rights.canApt) return { kind: 'install', packages };
  const names = missing.map((name) => TOOLS[name].name).join(', ');
  const vars = missing.map((name) => TOOLS[name].env).filter(Boolean).join('/');
  const how = rights.canApt
    ? `run \`sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}\``
    : `install ${names} with your system's package manager`;
  return { kind: 'stop', line: `${names} not found: ${how}, or set ${vars} to where it is, then try again.` };
}
