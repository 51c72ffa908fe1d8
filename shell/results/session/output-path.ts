import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { inspectWriteTarget } from '../index.js';

export type OutputPathCheck = { ok: true } | { ok: false; code: string; message: string };

const REASONS: Record<string, string> = {
  ENOENT: 'the directory does not exist',
  ENOTDIR: 'a path component is not a directory',
  EACCES: 'permission denied',
  EROFS: 'read-only file system',
  EISDIR: 'the target is a directory',
  ELOOP: 'too many symbolic links',
};

function fail(path: string, code: string, reason?: string): OutputPathCheck {
  return { ok: false, code, message: `cannot write '${path}': ${REASONS[code] ?? reason ?? code} (${code})` };
}

/**
 * Checks, before a session starts, that a results file could be written: a regular file or a new
 * one needs a writable directory (a symlink's target directory), a device or FIFO is written as it
 * is, and anything else is refused. Worded like writeFileAtomic's errors.
 */
export function checkOutputPath(path: string): OutputPathCheck {
  if (path === '') return { ok: false, code: 'ENOENT', message: 'an output path is empty' };
  const target = inspectWriteTarget(path);
  if (target.kind === 'refused') return fail(path, target.code, target.reason);
  if (target.kind === 'stream' || target.kind === 'descriptor') return { ok: true };
  const dir = dirname(target.path);
  try {
    if (!statSync(dir).isDirectory()) return fail(path, 'ENOTDIR');
    accessSync(dir, constants.W_OK);
  } catch (error) {
    return fail(path, (error as NodeJS.ErrnoException).code ?? 'EIO');
  }
  return { ok: true };
}
