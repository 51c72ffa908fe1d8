import { describe, expect, test } from '@jest/globals';
import { textRows } from '../../../shell/tui/row-diff.js';

describe('textRows', () => {
  const size = { columns: 10, rows: 6 };

  test('lines that fit beside the frame count their rows, wrapped lines included', () => {
    expect(textRows('a\nb\n', size, 2)).toBe(2);
    expect(textRows(`${'x'.repeat(15)}\nb\n\x1b[0m`, size, 2)).toBe(3);
    expect(textRows('1\n2\n3\n4\n', size, 2)).toBe(4);
  });

  test('one line more than fits, or a flood of them, is null', () => {
    expect(textRows('1\n2\n3\n4\n5\n', size, 2)).toBeNull();
    expect(textRows('line\n'.repeat(5000), size, 2)).toBeNull();
    expect(textRows(`${'x'.repeat(35)}\nb\n`, size, 2)).toBeNull();
  });
});
