import { lstatSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * What a results path names, and so how it may be written:
 * - `file`: a regular file (through any symlinks): replaced atomically at `path`, keeping `stats`' mode;
 * - `new`: nothing yet; created atomically at `path` (a dangling symlink's final target);
 * - `stream`: a character device or a FIFO: opened and written straight through;
 * - `descriptor`: an open descriptor of this process (`/dev/stdout`, `/dev/fd/3`): written to it, whatever it is;
 * - `refused`: anything else (a directory, a block device, a socket, a symlink loop).
 */
export type WriteTarget =
  | { kind: 'file'; path: string; stats: Stats }
  | { kind: 'new'; path: string }
  | { kind: 'stream' }
  | { kind: 'descriptor'; fd: number }
  | { kind: 'refused'; code: string; reason: string };

const MAX_LINKS = 40;

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? 'EIO';
}

const STANDARD: Record<string, number> = { '/dev/stdin': 0, '/dev/stdout': 1, '/dev/stderr': 2 };

/** The descriptor a path names (`/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`, or a link to one), as a shell reads it. */
function namedDescriptor(path: string): number | null {
  const own = new RegExp(`^/(?:dev/fd|proc/(?:self|${process.pid})/fd)/(\\d+)$`);
  let current = resolve(path);
  for (let i = 0; i < MAX_LINKS; i += 1) {
    const standard = STANDARD[current];
    if (standard !== undefined) return standard;
    const match = own.exec(current);
    if (match !== null) return Number(match[1]);
    try {
      if (!lstatSync(current).isSymbolicLink()) return null;
      current = resolve(dirname(current), readlinkSync(current));
    } catch {
      return null;
    }
  }
  return null;
}

/** The path a chain of symlinks ends at, followed by hand because its last target does not exist. */
function danglingTarget(path: string): WriteTarget {
  let current = resolve(path);
  for (let i = 0; i < MAX_LINKS; i += 1) {
    let link: Stats;
    try {
      link = lstatSync(current);
    } catch (error) {
      return errorCode(error) === 'ENOENT' ? { kind: 'new', path: current } : refused(errorCode(error));
    }
    if (!link.isSymbolicLink()) return { kind: 'new', path: current };
    current = resolve(dirname(current), readlinkSync(current));
  }
  return refused('ELOOP');
}

function refused(code: string, reason?: string): WriteTarget {
  return { kind: 'refused', code, reason: reason ?? code };
}

/** Looks at `path` (following symlinks) and says how a results file may be written there. */
export function inspectWriteTarget(path: string): WriteTarget {
  const fd = namedDescriptor(path);
  if (fd !== null) return { kind: 'descriptor', fd };
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = errorCode(error);
    return code === 'ENOENT' ? danglingTarget(path) : refused(code);
  }
  if (stats.isCharacterDevice() || stats.isFIFO()) return { kind: 'stream' };
  if (stats.isDirectory()) return refused('EISDIR');
  if (stats.isFile()) return { kind: 'file', path: realpathSync(path), stats };
  const what = stats.isBlockDevice() ? 'a block device' : stats.isSocket() ? 'a socket' : 'not a regular file';
  return refused('EINVAL', `it is ${what} (only a regular file, a character device or a FIFO is written)`);
}
