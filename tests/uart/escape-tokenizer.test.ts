import { describe, expect, test } from '@jest/globals';
import { EscapeTokenizer, NONE, SEQUENCE } from '../../uart/index.js';
import { tokens } from './escape-tokens.js';

const csi = (seq: string, final: string) => ({ kind: 'csi', seq, final: final.charCodeAt(0) });
const esc = (seq: string, final: string) => ({ kind: 'esc', seq, final: final.charCodeAt(0) });
const invalid = (seq: string, final = -1) => ({ kind: 'invalid', seq, final });
const str = (seq: string, ends: string, preview: string, length = preview.length) => ({ kind: 'string', seq, final: -1, ends, preview, length });

describe('token kinds', () => {
  test('printable text runs, latin1 and UTF-16 alike', () => {
    expect(tokens(['abc caf\xe9 \u2713'])).toEqual([{ text: 'abc caf\xe9 \u2713' }]);
  });

  test('C0 controls and DEL, each on its own', () => {
    expect(tokens(['a\r\nb\x00\x07\x7f'])).toEqual([{ text: 'a' }, { control: 0x0d }, { control: 0x0a }, { text: 'b' }, { control: 0 }, { control: 7 }, { control: 0x7f }]);
  });

  test('two-byte and nF escapes', () => {
    expect(tokens(['\x1b7\x1bc\x1b(B\x1b#8\x1b\\'])).toEqual([esc('', '7'), esc('', 'c'), esc('(', 'B'), esc('#', '8'), esc('', '\\')]);
  });

  test('CSI: parameters and intermediates, then the final byte', () => {
    expect(tokens(['\x1b[1;32m\x1b[?1049h\x1b[2 q\x1b[m'])).toEqual([csi('[1;32', 'm'), csi('[?1049', 'h'), csi('[2 ', 'q'), csi('[', 'm')]);
  });

  test('OSC, DCS, SOS, PM and APC strings end at BEL or ST, and say which', () => {
    expect(tokens(['\x1b]0;title\x07\x1bPq#0\x1b\\\x1bXs\x1b\\\x1b^p\x07\x1b_G\x1b\\'])).toEqual([
      str(']', 'bel', '0;title'),
      str('P', 'st', 'q#0'),
      str('X', 'st', 's'),
      str('^', 'bel', 'p'),
      str('_', 'st', 'G'),
    ]);
  });

  test('a string also ends at CAN, SUB, another ESC, the end of the stream, and (chosen) a newline', () => {
    expect(tokens(['\x1b]a\x18\x1b]b\x1a\x1b]c\x1b[m\x1b]d'])).toEqual([
      str(']', 'can', 'a'),
      str(']', 'sub', 'b'),
      str(']', 'esc', 'c'),
      csi('[', 'm'),
      str(']', 'eof', 'd'),
    ]);
    expect(tokens(['\x1b]0;t\nx'], { newlineEndsString: true })).toEqual([str(']', 'newline', '0;t'), { control: 0x0a }, { text: 'x' }]);
    expect(tokens(['\x1b]0;t\nx\x07'])).toEqual([str(']', 'bel', '0;tx')]);
  });

  test('8-bit C1 only when asked: each on its own, U+009C ends a string', () => {
    expect(tokens(['a\x9b2J'])).toEqual([{ text: 'a\x9b2J' }]);
    expect(tokens(['a\x9b2J\x1b]t\x9cz'], { c1: true })).toEqual([{ text: 'a' }, { control: 0x9b }, { text: '2J' }, str(']', 'c1-st', 't'), { text: 'z' }]);
  });

  test('controls inside a sequence: abort (the control follows on its own) or execute (the sequence goes on)', () => {
    expect(tokens(['\x1b[12\nm'])).toEqual([invalid('[12'), { control: 0x0a }, { text: 'm' }]);
    expect(tokens(['\x1b[12\nm'], { controls: 'execute' })).toEqual([{ control: 0x0a }, csi('[12', 'm')]);
  });

  test('CAN and SUB cancel a sequence and belong to it; ESC starts a new one', () => {
    expect(tokens(['\x1b[12\x18x\x1b(\x1ay\x1b[1\x1b[2J'])).toEqual([
      invalid('[12', 0x18),
      { text: 'x' },
      invalid('(', 0x1a),
      { text: 'y' },
      invalid('[1'),
      csi('[2', 'J'),
    ]);
  });

  test('a char that cannot continue a sequence ends it and is handled on its own', () => {
    expect(tokens(['\x1b\x7f\x1b[1\xe9'])).toEqual([invalid(''), { control: 0x7f }, invalid('[1'), { text: '\xe9' }]);
  });

  test('the end of the stream yields a sequence in progress as invalid', () => {
    expect(tokens(['ok\x1b[3'])).toEqual([{ text: 'ok' }, invalid('[3')]);
    expect(tokens(['\x1b'])).toEqual([invalid('')]);
  });

  test('a CSI past the cap: overflow (what was collected, the char past the cap included), the rest up to its final byte dropped', () => {
    expect(tokens([`\x1b[${'1;'.repeat(10)}mtext`], { maxSequenceLength: 6 })).toEqual([{ kind: 'overflow', seq: '[1;1;1;', final: -1 }, { text: 'text' }]);
  });

  test('an nF sequence past the cap: overflow, the rest is text', () => {
    expect(tokens(['\x1b     x'], { maxSequenceLength: 3 })).toEqual([{ kind: 'overflow', seq: '    ', final: -1 }, { text: ' x' }]);
  });

  test('a string past the cap: the rest discarded up to its end, or (afterLongString text) kept as text', () => {
    const long = `\x1b]0;${'x'.repeat(20)}\x07after`;
    expect(tokens([long], { maxStringLength: 10, previewLength: 4 })).toEqual([str(']', 'cap', '0;xx', 11), { text: 'after' }]);
    expect(tokens([long], { maxStringLength: 10, previewLength: 4, afterLongString: 'text' })).toEqual([
      str(']', 'cap', '0;xx', 11),
      { text: 'x'.repeat(11) },
      { control: 7 },
      { text: 'after' },
    ]);
  });

  test('controlsInText: outside sequences only ESC ends a run', () => {
    expect(tokens(['a\r\n\x07b\x1b[mc'], { controlsInText: true })).toEqual([{ text: 'a\r\n\x07b' }, csi('[', 'm'), { text: 'c' }]);
  });
});

describe('positions and holding', () => {
  test('start and stop locate a sequence in its chunk; -1 when it began in an earlier one', () => {
    const t = new EscapeTokenizer();
    t.push('ab\x1b[2Jc\x1b[');
    expect(t.next()).not.toBe(SEQUENCE);
    expect(t.next()).toBe(SEQUENCE);
    expect([t.start, t.stop, t.seq]).toEqual([2, 6, '[2']);
    t.next();
    expect(t.next()).toBe(NONE);
    expect([t.idle, t.pending]).toEqual([false, '\x1b[']);
    t.push('1mz');
    expect(t.next()).toBe(SEQUENCE);
    expect([t.start, t.stop, t.seq, t.final]).toEqual([-1, 2, '[1', 0x6d]);
  });

  test('what is held across chunks is bounded by the caps', () => {
    const t = new EscapeTokenizer({ maxSequenceLength: 8 });
    t.push('\x1b[');
    while (t.next() !== NONE);
    for (let i = 0; i < 1000; i++) {
      t.push('1;1;1;1;');
      while (t.next() !== NONE);
    }
    expect(t.pending).toBe('');
    t.push('m');
    expect(t.next()).toBe(NONE);
    expect(t.idle).toBe(true);
  });

  test('reset forgets a sequence in progress', () => {
    const t = new EscapeTokenizer();
    t.push('\x1b]0;ti');
    expect(t.next()).toBe(NONE);
    t.reset();
    expect(t.end()).toBe(NONE);
  });
});
