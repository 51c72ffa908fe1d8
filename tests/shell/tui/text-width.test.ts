import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fullStringWidth from 'string-width';
import stringWidth, { NARROW_RANGES } from '../../../shell/tui/text-width.js';

const narrow: string[] = [];
for (const [first, last] of NARROW_RANGES) for (let c = first; c <= last; c++) narrow.push(String.fromCharCode(c));

describe("the console's string-width", () => {
  test('every character it counts itself is one column to string-width, alone and beside others', () => {
    const wrong = narrow.filter((c) => fullStringWidth(c) !== 1 || fullStringWidth(c + c) !== 2 || fullStringWidth(`a${c}\u00e9`) !== 3);
    expect(wrong.map((c) => c.charCodeAt(0).toString(16))).toEqual([]);
  });

  test('gives what string-width gives for any text: narrow characters, SGR and everything else', () => {
    const piece = fc.oneof(
      fc.constantFrom(...narrow),
      fc.constantFrom('\x1b[31m', '\x1b[1;32m', '\x1b[m', '\x1b[0m', '\x1b[38;5;200m', '\x1b[12345m', '\x1b[;1m', '\x1b[1;;2m', '\x1b[31', '\x1b[?25l', '\x1b]8;;x\x07', '\x1b'),
      fc.constantFrom('\u0301', '\ufe0f', '\u200d', '\u00ad', '\u25fd', '\u25b6\ufe0f', '\u4e2d', '\ud83d\ude00', '\t', '\n', '\x07', '\x9b', '\u1100\u1161', '\u0e01'),
    );
    const options = fc.constantFrom(undefined, { ambiguousIsNarrow: false }, { countAnsiEscapeCodes: true });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), options, (pieces, opts) => {
        const text = pieces.join('');
        expect(stringWidth(text, opts)).toBe(fullStringWidth(text, opts));
      }),
      { numRuns: 5000 },
    );
  });

  test("every symbol in the console's sources is counted without string-width", () => {
    const symbols = new Set<string>();
    const root = new URL('../../../shell/', import.meta.url).pathname;
    for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      if (!/\.tsx?$/.test(file)) continue;
      for (const c of readFileSync(join(root, file), 'utf8')) if (c > '\x7f') symbols.add(c);
    }
    expect(symbols.size).toBeGreaterThan(10);
    expect([...symbols].filter((c) => !narrow.includes(c))).toEqual([]);
  });
});
