import { describe, expect, test } from '@jest/globals';
import { formatHex, parseHexBytes } from '../../../shell/tui/hex-bytes.js';
import { editPromptText } from '../../../shell/tui/prompt-edit.js';

const bytes = (text: string): number[] => {
  const parsed = parseHexBytes(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return [...parsed.bytes];
};

describe('hex send (Ctrl-T y)', () => {
  test('pairs of hex digits, separated or not, with or without 0x; caret control bytes', () => {
    expect(bytes('03')).toEqual([0x03]);
    expect(bytes('1b 5b 41')).toEqual([0x1b, 0x5b, 0x41]);
    expect(bytes('1b5b41')).toEqual([0x1b, 0x5b, 0x41]);
    expect(bytes(' 0x1B,0x5b , FF ')).toEqual([0x1b, 0x5b, 0xff]);
    expect(bytes('0xdeadBEEF')).toEqual([0xde, 0xad, 0xbe, 0xef]);
    expect(bytes('^C ^[ ^@ ^? ^_ ^c')).toEqual([0x03, 0x1b, 0x00, 0x7f, 0x1f, 0x03]);
    expect(bytes('^X 0d0a')).toEqual([0x18, 0x0d, 0x0a]);
  });

  test('bad input gets one line naming the token', () => {
    expect(parseHexBytes('')).toEqual({ ok: false, message: 'hex send: no bytes given (e.g. 03, 1b 5b 41, 0x1b5b41 or ^C)' });
    expect(parseHexBytes('  , ')).toEqual({ ok: false, message: 'hex send: no bytes given (e.g. 03, 1b 5b 41, 0x1b5b41 or ^C)' });
    expect(parseHexBytes('1b zz')).toEqual({ ok: false, message: "hex send: 'zz' is not hex (e.g. 03, 1b 5b 41, 0x1b5b41 or ^C)" });
    expect(parseHexBytes('0x')).toEqual({ ok: false, message: "hex send: '0x' is not hex (e.g. 03, 1b 5b 41, 0x1b5b41 or ^C)" });
    expect(parseHexBytes('1b5')).toEqual({ ok: false, message: "hex send: '1b5' has an odd number of hex digits (two per byte, e.g. 05)" });
    expect(parseHexBytes('3')).toEqual({ ok: false, message: "hex send: '3' has an odd number of hex digits (two per byte, e.g. 03)" });
    expect(parseHexBytes('^1')).toEqual({ ok: false, message: "hex send: '^1' is not a control byte (^@ to ^_, or ^?)" });
    expect(parseHexBytes('^CC')).toEqual({ ok: false, message: "hex send: '^CC' is not a control byte (^@ to ^_, or ^?)" });
  });

  test('shown back as spaced pairs', () => {
    expect(formatHex(Uint8Array.of(0x1b, 0x5b, 0x41, 0x00, 0xff))).toBe('1b 5b 41 00 ff');
  });
});

describe('the one-line prompt', () => {
  const none = { escape: false, return: false, backspace: false, delete: false, ctrl: false };
  test('typing, pasting, rubbing out, submitting and cancelling', () => {
    expect(editPromptText('1b', ' 5b', none)).toEqual({ kind: 'edit', text: '1b 5b' });
    expect(editPromptText('1b', '', { ...none, delete: true })).toEqual({ kind: 'edit', text: '1' });
    expect(editPromptText('1b', '', { ...none, backspace: true })).toEqual({ kind: 'edit', text: '1' });
    expect(editPromptText('1b 5b', 'u', { ...none, ctrl: true })).toEqual({ kind: 'edit', text: '' });
    expect(editPromptText('1b', '\r', { ...none, return: true })).toEqual({ kind: 'submit', text: '1b' });
    expect(editPromptText('/tmp/', 'fw.bin\rjunk', none)).toEqual({ kind: 'submit', text: '/tmp/fw.bin' });
    expect(editPromptText('a', '\tb\x1bc', none)).toEqual({ kind: 'edit', text: 'abc' });
    expect(editPromptText('1b', '', { ...none, escape: true })).toEqual({ kind: 'cancel' });
    expect(editPromptText('1b', 'c', { ...none, ctrl: true })).toEqual({ kind: 'cancel' });
  });
});
