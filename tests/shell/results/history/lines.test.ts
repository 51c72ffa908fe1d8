import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forEachLine, forEachLineBackward } from '../../../../shell/results/history/lines.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sis-lines-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const CONTENTS = [
  '',
  'one',
  'one\n',
  '\n\n',
  'first\n\nthird\n',
  'no end\nat the end',
  `${'long '.repeat(40)}\nél😀\n${'x'.repeat(100)}\n`,
];

describe('reading a file line by line', () => {
  test.each(CONTENTS.map((text) => [JSON.stringify(text).slice(0, 40), text]))(
    '%s: backward, with any block size, gives the forward lines in reverse',
    async (_, text) => {
      const path = join(dir, 'f');
      writeFileSync(path, text);
      const forward: string[] = [];
      await forEachLine(path, (line) => void forward.push(line));
      const expected = text === '' ? [] : (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
      expect(forward.filter((l) => l !== '')).toEqual(expected.filter((l) => l !== ''));
      for (const block of [1, 2, 3, 7, 64, 65_536]) {
        const backward: string[] = [];
        forEachLineBackward(path, (line) => backward.push(line) > 0, block);
        expect(backward.reverse().filter((l) => l !== '')).toEqual(expected.filter((l) => l !== ''));
      }
    },
  );

  test('backward stops as soon as the callback says so, reading only the end of the file', () => {
    const path = join(dir, 'big');
    writeFileSync(path, Array.from({ length: 10_000 }, (_, i) => `line ${i}`).join('\n'));
    const seen: string[] = [];
    forEachLineBackward(path, (line) => seen.push(line) < 3, 16);
    expect(seen).toEqual(['line 9999', 'line 9998', 'line 9997']);
  });
});
