import { describe, expect, test } from '@jest/globals';
import { bootMarker } from '../../../shell/engine/boot-markers.js';
import { LineTail } from '../../../shell/engine/line-tail.js';
import { anchoredPrefix, createPromptPattern } from '../../../shell/engine/prompt-pattern.js';

describe('boot markers', () => {
  test('each boot line is found, after leading blanks too; lines starting with the same characters are not', () => {
    const boots = [
      'U-Boot SPL 2023.04 (Jan 01 2024)',
      'resetting ...',
      '[    0.000000] Linux version 6.1.0',
      '[0.000000] Booting Linux on physical CPU 0x0',
      'SeaBIOS (version 1.16.2)',
      'OpenSBI v1.3',
      'NOTICE:  BL2: v2.9',
      'Starting kernel ...',
    ];
    for (const line of boots) {
      expect(bootMarker(line)).toBe(line);
      expect(bootMarker(`  \t${line}`)).toBe(line);
    }
    const others = ['U-Boot 2023.04', 'resetting now', '[CHAOS] Network partition (120ms)', '[    1.000000] Linux version 6', 'Seed: 9', 'OK', 'NOTICE: hello', '  -> FAILED after 1us', '', '   '];
    for (const line of others) expect(bootMarker(line)).toBeNull();
  });
});

describe('line tail, a piece at a time', () => {
  test('pushPiece ends the same lines as push, for pieces cut at line ends and inside lines', () => {
    const stream = ['sis> he', 'lp\r\n', 'Available commands:\r\n', '\x1b[1mbold\x1b[0m\r\n', 'ab\bc\r\n', 'partial', ' line\n', 'x'.repeat(9000), '\n', 'sis> '];
    const whole = new LineTail();
    const pieces = new LineTail();
    for (const piece of stream) {
      expect(pieces.pushPiece(piece)).toBe(whole.push(piece)[0]);
      expect(pieces.cleaned).toBe(whole.cleaned);
    }
    expect(pieces.cleaned).toBe('sis> ');
  });
});

describe('prompt pattern', () => {
  test('match answers bare and glued in one scan, as the two questions do', () => {
    for (const source of ['^sis> ', '[$#] ', '^login: ']) {
      const parsed = createPromptPattern(source);
      if (!parsed.ok) throw new Error(parsed.message);
      const p = parsed.pattern;
      for (const line of ['sis> ', 'sis>   ', 'sis> [TIMER] tick', 'root@board:~# ', 'a $ b $ ', 'login: ', 'login: root', 'plain text', '']) {
        const expected = p.bare(line) ? 'bare' : p.glued(line) ? 'glued' : null;
        expect(p.match(line)).toBe(expected);
      }
    }
  });

  test('a pattern anchored by ^ answers as the regular expression does, with or without a literal start', () => {
    expect(['^sis> ', '^sis>?', '^ab*c', '^a{0,2}b', '^(sis)> ', '^\\w+# ', '^a|b# ', '[$#] ', '^sis+> '].map(anchoredPrefix)).toEqual([
      'sis> ',
      'sis',
      'a',
      '',
      '',
      '',
      '',
      '',
      'sis',
    ]);
    const lines = ['sis> ', 'sis>', 'sis', 'si ', 'ssis> ', 'sisss> x', 'ac', 'abbbc ', 'b', 'aab', 'x b# ', 'root# ', 'b# ', ''];
    for (const source of ['^sis> ', '^sis>?', '^ab*c', '^a{0,2}b', '^a|b# ', '^sis+> ', '^\\w+# ']) {
      const parsed = createPromptPattern(source);
      if (!parsed.ok) throw new Error(parsed.message);
      for (const line of lines) {
        const matches = [...line.matchAll(new RegExp(source, 'g'))].filter((m) => m[0].length > 0);
        const expected = matches.length === 0 ? null : matches.some((m) => m.index + m[0].length >= line.trimEnd().length) ? 'bare' : 'glued';
        expect([source, line, parsed.pattern.match(line)]).toEqual([source, line, expected]);
      }
    }
  });
});
