import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type WriteResult = { ok: true; path: string } | { ok: false; error: WriteError };

export interface WriteError {
  /** The Node error code (`EACCES`, `ENOENT`, …) or `EIO` when none was given. */
  code: string;
  message: string;
}

const REASONS: Record<string, string> = {
  ENOENT: 'the directory does not exist',
  ENOTDIR: 'a path component is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'the target is a directory',
};

function describe(path: string, error: unknown): WriteError {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? 'EIO';
  const reason = REASONS[code] ?? (error instanceof Error ? error.message : String(error));
  return { code, message: `cannot write '${path}': ${reason} (${code})` };
}

/**
 * Writes `text` (UTF-8) so that `path` holds either its old content or all of the new: a temp
 * file in the same directory is written, fsynced and renamed over `path`. On failure the temp
 * file is removed and the error is returned, never thrown.
 */
export async function writeFileAtomic(path: string, text: string): Promise<WriteResult> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await open(temp, 'wx', 0o644);
    created = true;
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    created = false;
    await syncDirectory(dirname(path));
    return { ok: true, path };
  } catch (error) {
    if (created) await unlink(temp).catch(() => undefined);
    return { ok: false, error: describe(path, error) };
  }
}

/** Makes the rename durable; some platforms cannot open a directory, which is not an error here. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Directory fsync is best effort.
  }
}
