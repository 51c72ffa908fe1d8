import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
