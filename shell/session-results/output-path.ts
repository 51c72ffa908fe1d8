import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type OutputPathCheck = { ok: true } | { ok: false; code: string; message: string };

const REASONS: Record<string, string> = {
  ENOENT: 'the directory does not exist',
  ENOTDIR: 'a path component is not a directory',
  EACCES: 'permission denied',
  EROFS: 'read-only file system',
  EISDIR: 'the target is a directory',
};

function fail(path: string, code: string): OutputPathCheck {
  return { ok: false, code, message: `cannot write '${path}': ${REASONS[code] ?? code} (${code})` };
}

/**
 * Checks, before a session starts, that a results file could be written: its directory exists,
 * is a directory and is writable, and the path itself is not a directory. Worded like
 * writeFileAtomic's errors.
 */
export function checkOutputPath(path: string): OutputPathCheck {
  if (path === '') return { ok: false, code: 'ENOENT', message: 'an output path is empty' };
  const full = resolve(path);
  try {
    if (statSync(full).isDirectory()) return fail(path, 'EISDIR');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (code !== 'ENOENT') return fail(path, code);
  }
  const dir = dirname(full);
  try {
    if (!statSync(dir).isDirectory()) return fail(path, 'ENOTDIR');
    accessSync(dir, constants.W_OK);
  } catch (error) {
    return fail(path, (error as NodeJS.ErrnoException).code ?? 'EIO');
  }
  return { ok: true };
}
