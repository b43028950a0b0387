import { describe, expect, it } from 'vitest';
import { planSetup } from '../../../scripts/setup/plan';
import { findTool, TOOLS, type Probe } from '../../../scripts/setup/tools';

/** A file system holding exactly `files`. */
function probeOf(files: string[]): Probe {
  return {
    exists: (path) => files.includes(path),
    list: (dir) => [...new Set(files.filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1).split('/')[0]!))],
  };
}

const ALL = ['/usr/bin/chromium', '/usr/bin/firefox-esr', '/usr/lib/postgresql/15/bin/pg_ctl'];
const root = { isRoot: true, canApt: true };
const user = { isRoot: false, canApt: true };

describe('findTool', () => {
  it.each([
    ['the first usual place', TOOLS.chromium, {}, ['/usr/bin/chromium'], '/usr/bin/chromium'],
    ['a later usual place', TOOLS.firefox, {}, ['/usr/bin/firefox'], '/usr/bin/firefox'],
    ['the environment variable over the usual places', TOOLS.chromium, { CHROME_PATH: '/opt/c/chrome' }, ['/usr/bin/chromium', '/opt/c/chrome'], '/opt/c/chrome'],
    ['the newest PostgreSQL version folder', TOOLS.postgres, {}, ['/usr/lib/postgresql/9/bin/pg_ctl', '/usr/lib/postgresql/15/bin/pg_ctl'], '/usr/lib/postgresql/15/bin/pg_ctl'],
    ['PG_BIN as the folder of pg_ctl', TOOLS.postgres, { PG_BIN: '/opt/pg/bin/' }, ['/opt/pg/bin/pg_ctl'], '/opt/pg/bin/pg_ctl'],
  ])('finds %s', (_, tool, env, files, expected) => {
    expect(findTool(tool, env, probeOf(files))?.path).toBe(expected);
  });

  it('finds nothing on a machine without it', () => {
    expect(findTool(TOOLS.firefox, {}, probeOf(['/usr/bin/chromium']))).toBeNull();
  });
});

describe('planSetup', () => {
  it('is ready when everything is there', () => {
    expect(planSetup(['chromium', 'firefox', 'postgres'], {}, probeOf(ALL), user)).toEqual({ kind: 'ready' });
  });

  it('installs only the missing packages as root with apt-get', () => {
    expect(planSetup(['chromium', 'firefox', 'postgres'], {}, probeOf(['/usr/bin/chromium']), root))
      .toEqual({ kind: 'install', packages: ['firefox-esr', 'postgresql'] });
  });

  it('asks only for what the command needs', () => {
    expect(planSetup(['chromium'], {}, probeOf(['/usr/bin/chromium']), root)).toEqual({ kind: 'ready' });
  });

  it('stops with the command to run when it may not install', () => {
    const plan = planSetup(['chromium', 'firefox'], {}, probeOf([]), user);
    expect(plan).toEqual({
      kind: 'stop',
      line: 'Chromium, Firefox not found: run `sudo apt-get update && sudo apt-get install -y chromium firefox-esr`, or set CHROME_PATH/FIREFOX_PATH to where it is, then try again.',
    });
  });

  it('names the package manager in general terms off Debian', () => {
    const plan = planSetup(['firefox'], {}, probeOf([]), { isRoot: true, canApt: false });
    expect(plan.kind === 'stop' && plan.line).toMatch(/^Firefox not found: install Firefox with your system's package manager/);
  });

  it('stops on a variable that points nowhere, even as root (installing would not fix it)', () => {
    const plan = planSetup(['chromium'], { CHROME_PATH: '/nope/chrome' }, probeOf(ALL), root);
    expect(plan).toEqual({ kind: 'stop', line: 'CHROME_PATH is set to /nope/chrome, but /nope/chrome does not exist: point it at Chromium, or unset it.' });
  });

  it('is one line whatever is missing', () => {
    const plan = planSetup(['chromium', 'firefox', 'postgres'], {}, probeOf([]), user);
    expect(plan.kind === 'stop' && plan.line.includes('\n')).toBe(false);
  });
});
