import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import {
  chmodSync, closeSync, constants, createReadStream, linkSync, lstatSync, openSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../../shell/results/index.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sis-atomic-'));
});

afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  test('writes a new file and leaves no temp file', async () => {
    const path = join(dir, 'results.json');
    expect(await writeFileAtomic(path, '{"a":1}\n')).toEqual({ ok: true, path });
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}\n');
    expect(readdirSync(dir)).toEqual(['results.json']);
  });

  test('replaces an existing file whole', async () => {
    const path = join(dir, 'r.xml');
    writeFileSync(path, 'old content that is longer');
    expect((await writeFileAtomic(path, 'new')).ok).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['r.xml']);
  });

  test('a missing directory is an error value naming the path', async () => {
    const path = join(dir, 'nope', 'r.json');
    expect(await writeFileAtomic(path, 'x')).toEqual({
      ok: false,
      error: { code: 'ENOENT', message: `cannot write '${path}': the directory does not exist (ENOENT)` },
    });
  });

  test('a parent that is a file is an error value', async () => {
    writeFileSync(join(dir, 'file'), '');
    const path = join(dir, 'file', 'r.json');
    expect(await writeFileAtomic(path, 'x')).toEqual({
      ok: false,
      error: { code: 'ENOTDIR', message: `cannot write '${path}': a path component is not a directory (ENOTDIR)` },
    });
  });

  test('when the rename fails the temp file is removed', async () => {
    const path = join(dir, 'target');
    mkdirSync(path);
    writeFileSync(join(path, 'keep'), '');
    const result = await writeFileAtomic(path, 'x');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.message).toMatch(new RegExp(`^cannot write '${path}': `));
    expect(readdirSync(dir)).toEqual(['target']);
  });

  test('an unwritable directory is an error value, not an exception', async () => {
    // Root ignores directory modes, so as root a read-only system directory stands in.
    const root = process.getuid?.() === 0;
    const target = root ? '/sys' : join(dir, 'ro');
    if (!root) {
      mkdirSync(target);
      chmodSync(target, 0o555);
    }
    const path = join(target, 'r.json');
    const result = await writeFileAtomic(path, 'x');
    if (!root) chmodSync(target, 0o755);
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.code).toMatch(/^(EACCES|EPERM|EROFS)$/);
    expect(result.ok ? '' : result.error.message).toMatch(
      new RegExp(`^cannot write '${path}': (permission denied|operation not permitted|read-only file system) \\(E[A-Z]+\\)$`),
    );
  });
});

describe('writeFileAtomic never replaces what is not a regular file', () => {
  test('a symlink to a file: the target gets the new content, the link stays a link', async () => {
    const target = join(dir, 'real.json');
    const link = join(dir, 'link.json');
    writeFileSync(target, 'old');
    symlinkSync('real.json', link);
    expect(await writeFileAtomic(link, 'new')).toEqual({ ok: true, path: link });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['link.json', 'real.json']);
  });

  test('a dangling symlink: its target is created', async () => {
    mkdirSync(join(dir, 'out'));
    const link = join(dir, 'r.json');
    symlinkSync(join(dir, 'out', 'r.json'), link);
    expect((await writeFileAtomic(link, 'x')).ok).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'out', 'r.json'), 'utf8')).toBe('x');
  });

  test('a 0600 file keeps its mode', async () => {
    const path = join(dir, 'secret.json');
    writeFileSync(path, 'old', { mode: 0o600 });
    chmodSync(path, 0o600);
    expect((await writeFileAtomic(path, 'new')).ok).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toBe('new');
  });

  test('a character device is written straight through and stays a device', async () => {
    // As root a wrong rename would replace the system's device nodes: use copies made here.
    const root = process.getuid?.() === 0;
    const devNull = root ? join(dir, 'null') : '/dev/null';
    const devFull = root ? join(dir, 'full') : '/dev/full';
    if (root) {
      execFileSync('mknod', ['-m', '666', devNull, 'c', '1', '3']);
      execFileSync('mknod', ['-m', '666', devFull, 'c', '1', '7']);
    }
    expect(await writeFileAtomic(devNull, 'x')).toEqual({ ok: true, path: devNull });
    expect(statSync(devNull).isCharacterDevice()).toBe(true);
    expect(await writeFileAtomic(devFull, 'x')).toEqual({
      ok: false,
      error: { code: 'ENOSPC', message: `cannot write '${devFull}': no space left on device (ENOSPC)` },
    });
    expect(statSync(devFull).isCharacterDevice()).toBe(true);
  });

  test('a FIFO is written straight through to its reader', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // A second name for the FIFO: if it were replaced, the reader could still be released through it.
    linkSync(fifo, join(dir, 'pipe-link'));
    const chunks: Buffer[] = [];
    const reader = createReadStream(fifo);
    reader.on('data', (chunk) => chunks.push(chunk as Buffer));
    const ended = new Promise<void>((resolve) => reader.on('close', () => resolve()));
    const result = await writeFileAtomic(fifo, '<xml/>\n');
    try {
      closeSync(openSync(join(dir, 'pipe-link'), constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // the reader has already seen the end
    }
    await ended;
    expect(result.ok).toBe(true);
    expect(Buffer.concat(chunks).toString()).toBe('<xml/>\n');
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['pipe', 'pipe-link']);
  });

  test('a socket is refused with a message saying what it is', async () => {
    const path = join(dir, 'sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      expect(await writeFileAtomic(path, 'x')).toEqual({
        ok: false,
        error: {
          code: 'EINVAL',
          message: `cannot write '${path}': it is a socket (only a regular file, a character device or a FIFO is written) (EINVAL)`,
        },
      });
      expect(statSync(path).isSocket()).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
