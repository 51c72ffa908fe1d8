import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  applyBackspaces,
  cleanControls,
  decodeLatin1,
  lineStartsWithPrompt,
  tailPromptDecision,
} from '../../../shell/parser/text.js';

describe('decodeLatin1', () => {
  test('maps every byte to one char, including bytes >= 0x80', () => {
    expect(decodeLatin1(new Uint8Array([0x73, 0x69, 0x73, 0x3e, 0x20, 0xe9, 0xff]))).toBe('sis> \u00e9\u00ff');
  });

  test('respects the view of a larger buffer', () => {
    const buf = new Uint8Array([0x41, 0x42, 0x43, 0x44]);
    expect(decodeLatin1(buf.subarray(1, 3))).toBe('BC');
  });
});

describe('cleanControls', () => {
  test('removes CSI, OSC and two-byte escapes, \\r and other controls, keeping \\b and tab', () => {
    expect(cleanControls('\x1b[2J\x1b[Hsis> ')).toBe('sis> ');
    expect(cleanControls('\x1b[1;32mPASS\x1b[0m\r')).toBe('PASS');
    expect(cleanControls('\x1b]0;title\x07x\x1b]2;t\x1b\\y')).toBe('xy');
    expect(cleanControls('a\x1b7b\x1b(Bc')).toBe('abc');
    expect(cleanControls('a\x00\x07\x7fb\tc\bd')).toBe('ab\tc\bd');
  });

  test('drops a stray escape byte but keeps what follows it', () => {
    expect(cleanControls('x\x1b[12')).toBe('x[12');
  });

  test('a line\'s closing CR goes as any other control there would, whatever came before it', () => {
    const piece = fc.constantFrom('a', 'sis> ', '\x1b', '[', '1;32', 'm', ']0;t', '\x07', '\\', '\r', '\n', '\x00', '\b', '\t', '\x7f');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const line = pieces.join('');
        expect(cleanControls(`${line}\r`)).toBe(cleanControls(`${line}\x01`));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('applyBackspaces', () => {
  test('applies `\\b \\b` and lone backspaces as deletions', () => {
    expect(applyBackspaces('stresstest memori\b \by')).toBe('stresstest memory');
    expect(applyBackspaces('ab\b\bcd')).toBe('cd');
    expect(applyBackspaces('\b \bx')).toBe('x');
    expect(applyBackspaces('plain')).toBe('plain');
  });
});

describe('prompt decisions', () => {
  test('a clean tail is decided at five characters', () => {
    expect(tailPromptDecision('sis>')).toBeNull();
    expect(tailPromptDecision('sis> ')).toBe(true);
    expect(tailPromptDecision('sis> stre')).toBe(true);
    expect(tailPromptDecision('[TIME')).toBe(false);
  });

  test('escapes before the prompt are skipped, incomplete ones wait', () => {
    expect(tailPromptDecision('\x1b[2J\x1b[Hsis> ')).toBe(true);
    expect(tailPromptDecision('\x1b[2')).toBeNull();
    expect(tailPromptDecision('sis>\x1b ')).toBeNull();
  });

  test('a complete line is a prompt line when it starts with `sis> ` or is exactly `sis>`', () => {
    expect(lineStartsWithPrompt('sis> x', 'sis> x')).toBe(true);
    expect(lineStartsWithPrompt('sis>', 'sis>')).toBe(true);
    expect(lineStartsWithPrompt('sis>\r', 'sis>')).toBe(true);
    expect(lineStartsWithPrompt(' sis> x', ' sis> x')).toBe(false);
    expect(lineStartsWithPrompt('sis>x', 'sis>x')).toBe(false);
  });

  const alphabet = ['s', 'i', '>', ' ', '\x1b', '\x1b ', '\x1b[', '[', ']', '1', ';', 'H', 'A', '\r', '\b', '\t', '\x07', '\\', '('];
  const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }).map((a) => a.join(''));
  const promptish = fc
    .tuple(text, fc.constantFrom('', 'sis> ', 'sis>', '\x1b[Hsis> '), text)
    .map(([a, b, c]) => (a.length % 3 === 0 ? b + c : a + b + c));

  test('every decision on a prefix agrees with the complete line', () => {
    fc.assert(
      fc.property(promptish, (line) => {
        const final = lineStartsWithPrompt(line, cleanControls(line));
        for (let i = 1; i <= line.length; i++) {
          const d = tailPromptDecision(line.slice(0, i));
          if (d !== null) expect(d).toBe(final);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('a tail without escape bytes that cleans to `sis> …` is decided true', () => {
    fc.assert(
      fc.property(promptish, (line) => {
        if (line.includes('\x1b') || !cleanControls(line).startsWith('sis> ')) return;
        expect(tailPromptDecision(line)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
