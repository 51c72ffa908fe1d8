import { describe, expect, test } from '@jest/globals';
import { keyToAction, splitBurst } from '../../../../shell/tui/input/key-map.js';

describe('keyToAction', () => {
  test('key.delete is a backspace unless the raw sequence is the Delete key', () => {
    expect(keyToAction('', { delete: true })).toEqual({ type: 'backspace' });
    expect(keyToAction('', { delete: true }, '\x7f')).toEqual({ type: 'backspace' });
    expect(keyToAction('', { delete: true }, '\x1b[3~')).toEqual({ type: 'delete' });
    expect(keyToAction('', { delete: true, ctrl: true }, '\x1b[3;5~')).toEqual({ type: 'delete' });
    expect(keyToAction('', { delete: true }, '\x1b[3$')).toEqual({ type: 'delete' });
    expect(keyToAction('', { delete: true, meta: true }, '\x1b\x7f')).toEqual({ type: 'kill-alnum-word-back' });
  });

  test('Shift-Tab and Page Up/Down are left to the app', () => {
    expect(keyToAction('', { tab: true, shift: true })).toEqual({ type: 'none' });
    expect(keyToAction('', { pageUp: true })).toEqual({ type: 'none' });
  });

  test('typed text passes through; an empty input with no key is nothing', () => {
    expect(keyToAction('A', { shift: true })).toEqual({ type: 'text', text: 'A' });
    expect(keyToAction('', {})).toEqual({ type: 'none' });
  });
});

describe('splitBurst', () => {
  test('cuts a burst at control characters, keeping CR and LF in the text', () => {
    expect(splitBurst('ab\x12cd\tx\ry\x7f\b\x03')).toEqual([
      { type: 'text', text: 'ab' },
      { type: 'search' },
      { type: 'text', text: 'cd' },
      { type: 'complete' },
      { type: 'text', text: 'x\ry' },
      { type: 'backspace' },
      { type: 'backspace' },
      { type: 'interrupt' },
    ]);
  });

  test('unbound control characters are dropped', () => {
    expect(splitBurst('a\x00\x0c\x1bb')).toEqual([{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }]);
  });
});
