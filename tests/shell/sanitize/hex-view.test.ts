import { describe, expect, test } from '@jest/globals';
import { createHexDumper, formatHexLine, formatHexLines } from '../../../shell/sanitize/index.js';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('hex lines', () => {
  test('match hexdump -C', () => {
    expect(formatHexLines(bytes('sis> stresstest\nA'))).toEqual([
      '00000000  73 69 73 3e 20 73 74 72  65 73 73 74 65 73 74 0a  |sis> stresstest.|',
      '00000010  41                                                |A|',
    ]);
  });

  test('non-printable bytes show as dots; the offset is hex', () => {
    expect(formatHexLine(0x1a2b0, bytes('\x1b[2J\x00\x7f\x80\xff ~'))).toBe(
      '0001a2b0  1b 5b 32 4a 00 7f 80 ff  20 7e                    |.[2J.... ~|',
    );
  });

  test('a line of exactly eight bytes, and nothing', () => {
    expect(formatHexLines(bytes('12345678'), 16)).toEqual([
      '00000010  31 32 33 34 35 36 37 38                           |12345678|',
    ]);
    expect(formatHexLines(new Uint8Array(0))).toEqual([]);
  });
});

describe('streaming hex dumper', () => {
  test('completes lines across chunks and keeps the partial one as the tail', () => {
    const d = createHexDumper();
    expect(d.push(bytes('sis> '))).toEqual([]);
    expect(d.tail()).toBe('00000000  73 69 73 3e 20                                    |sis> |');
    expect(d.push(bytes('stresstest\nAB'))).toEqual([
      '00000000  73 69 73 3e 20 73 74 72  65 73 73 74 65 73 74 0a  |sis> stresstest.|',
    ]);
    expect(d.offset).toBe(18);
    expect(d.tail()).toBe('00000010  41 42                                             |AB|');
    expect(d.flush()).toEqual(['00000010  41 42                                             |AB|']);
    expect(d.tail()).toBeNull();
    expect(d.push(bytes('C'))).toEqual([]);
    expect(d.tail()).toBe('00000012  43                                                |C|');
  });

  test('any chunking gives the same lines as the whole', () => {
    const data = bytes(Array.from({ length: 77 }, (_, i) => String.fromCharCode((i * 37) % 256)).join(''));
    const whole = formatHexLines(data, 5);
    for (const size of [1, 3, 15, 16, 17, 40]) {
      const d = createHexDumper({ offset: 5 });
      const lines: string[] = [];
      for (let i = 0; i < data.length; i += size) lines.push(...d.push(data.subarray(i, i + size)));
      lines.push(...d.flush());
      expect(lines).toEqual(whole);
    }
  });
});
