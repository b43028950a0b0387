/** What the command line reads must be a regular file (a symbolic link is followed to one):
 *  a FIFO would block the read until someone writes to it, a device like /dev/zero never ends,
 *  and a socket cannot be read at all, so each is refused with a line saying what it is. */
import type { Stats } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';

/** What a non-regular file is, in words ("a FIFO (named pipe)"), or null for a regular file. */
export function nonRegularKind(info: Stats): string | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The stats of the regular file at `path` (links followed), or one line saying why it cannot
 *  be read: missing, a link to nothing, or not a regular file. `what` names the file's role. */
export async function regularFile(path: string, what = 'file'): Promise<{ ok: true; info: Stats } | { ok: false; error: string }> {
  const info = await stat(path).catch(() => null);
  if (!info) {
    const link = await lstat(path).catch(() => null);
    return { ok: false, error: link?.isSymbolicLink() ? `${path} is a symbolic link to nothing: fix or remove it` : `no such ${what}: ${path}` };
  }
  const kind = nonRegularKind(info);
  if (kind) return { ok: false, error: `${path} is ${kind}, not a regular file: give a ${what} saved on disk` };
  return { ok: true, info };
}
