import { describe, expect, test } from '@jest/globals';
import { createTerminalFilter } from '../../../shell/sanitize/terminal-filter.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('plain mode on a terminal: the device cannot drive the user terminal', () => {
  test('title, clipboard, alternate screen and queries become visible text; colours pass; styling reset at the end', () => {
    const filter = createTerminalFilter();
    const hostile = '\x1b]0;HACKED\x07\x1b]52;c;aGk=\x07\x1b[?1049h\x1b[6n\x1b[31mred\x1b[8m';
    let out = '';
    // Cut inside every sequence and inside a UTF-8 character.
    const all = bytes(`${hostile} Grüße\r\n`);
    for (let i = 0; i < all.length; i += 3) out += filter.push(all.subarray(i, i + 3));
    out += filter.end();
    expect(out).not.toMatch(/\x1b\]|\x1b\[\?1049h|\x1b\[6n/);
    expect(out).toContain('\x1b[31mred');
    expect(out).toContain('Grüße\r\n');
    expect(out).toContain('␛]0;HACKED');
    expect(out.endsWith('\x1b[0m')).toBe(true);
  });
});
