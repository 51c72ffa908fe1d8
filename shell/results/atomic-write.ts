import { writeSync, type Stats } from 'node:fs';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { inspectWriteTarget } from './write-target.js';

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
  ELOOP: 'too many symbolic links',
};

function describe(path: string, error: unknown): WriteError {
  const failure = error as { code?: string; message?: string } | null;
  const code = failure?.code ?? 'EIO';
  const reason = REASONS[code] ?? failure?.message ?? String(error);
  return { code, message: `cannot write '${path}': ${reason} (${code})` };
}

/**
 * Writes `text` (UTF-8) to `path` without ever replacing what is there by something else:
 * - a regular file (or a symlink to one: the target is written, the link stays) or a new file:
 *   a temp file beside it is written, given the old file's mode and owner, fsynced and renamed
 *   over it, so a reader sees the old content or all of the new;
 * - a character device, a FIFO or a descriptor (`/dev/null`, `/dev/stdout`): written straight through;
 * - anything else (a directory, a block device, a socket) is refused.
 * Failures are returned, never thrown; a temp file is removed.
 */
export async function writeFileAtomic(path: string, text: string): Promise<WriteResult> {
  const target = inspectWriteTarget(path);
  switch (target.kind) {
    case 'refused':
      return { ok: false, error: describe(path, { code: target.code, message: target.reason }) };
    case 'stream':
      return writeThrough(path, text);
    case 'descriptor':
      return writeDescriptor(path, target.fd, text);
    case 'file':
      return replace(path, target.path, text, target.stats);
    case 'new':
      return replace(path, target.path, text, null);
  }
}

async function writeThrough(path: string, text: string): Promise<WriteResult> {
  try {
    const handle = await open(path, 'w');
    try {
      await handle.writeFile(text, 'utf8');
    } finally {
      await handle.close();
    }
    return { ok: true, path };
  } catch (error) {
    return { ok: false, error: describe(path, error) };
  }
}

/** stdout and stderr go through their streams, so the text lands after what was written to them before. */
async function writeDescriptor(path: string, fd: number, text: string): Promise<WriteResult> {
  const stream = fd === 1 ? process.stdout : fd === 2 ? process.stderr : null;
  try {
    if (stream !== null) {
      await new Promise<void>((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
    } else {
      const bytes = Buffer.from(text, 'utf8');
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
    }
    return { ok: true, path };
  } catch (error) {
    return { ok: false, error: describe(path, error) };
  }
}

async function replace(path: string, real: string, text: string, old: Stats | null): Promise<WriteResult> {
  // Loaded on the first write, not at start-up: node:crypto is among Node's slowest modules to load.
  const { randomBytes } = await import('node:crypto');
  const temp = join(dirname(real), `.${basename(real)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await open(temp, 'wx', 0o666);
    created = true;
    try {
      if (old !== null) await keepOwnership(handle, old);
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, real);
    created = false;
    await syncDirectory(dirname(real));
    return { ok: true, path };
  } catch (error) {
    if (created) await unlink(temp).catch(() => undefined);
    return { ok: false, error: describe(path, error) };
  }
}

/** The replacement gets the old file's permission bits, and its owner where we may set it (as root). */
async function keepOwnership(handle: FileHandle, old: Stats): Promise<void> {
  await handle.chmod(old.mode & 0o7777);
  if (old.uid !== process.getuid?.() || old.gid !== process.getgid?.()) {
    await handle.chown(old.uid, old.gid).catch(() => undefined);
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
