import { describe, expect, test } from '@jest/globals';
import { parseAll } from './parse-helpers.js';

describe('line endings', () => {
  test('CR LF, CR CR LF and LF lines give the same events, escapes and controls next to the CR included', () => {
    const lines = [
      '=== Chaos Engineering Stress Test (Enhanced) ===',
      'Seed: 9',
      '',
      '[CHAOS] Network partition (120ms)',
      '  -> FAILED after 120000us (partition outlived the retry budget of 3 attempts)',
      '\x1b[32mgreen\x1b[0m',
      'tail escape \x1b[0m',
      'unterminated osc \x1b]0;title',
      'a lone esc \x1b',
      'back\bspace and\x07bell',
      'sis> help',
      'plain text',
    ];
    const lf = parseAll(`${lines.join('\n')}\n`);
    expect(lf.some((e) => e.type === 'chaos-event')).toBe(true);
    expect(parseAll(`${lines.join('\r\n')}\r\n`)).toEqual(lf);
    expect(parseAll(`${lines.join('\r\r\n')}\r\r\n`)).toEqual(lf);
  });
});
