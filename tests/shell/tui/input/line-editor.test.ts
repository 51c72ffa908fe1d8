import { describe, expect, test } from '@jest/globals';
import { feedText, editorWith, EMPTY_EDITOR } from '../../../../shell/tui/input/line-editor.js';
import { ctrl, drive, K, makeInput, marked, type Step } from './fixtures.js';

/** [name, start (| is the cursor), keys, expected (| is the cursor)] */
const CASES: ReadonlyArray<readonly [string, string, Step[], string]> = [
  ['typing inserts at the end', '|', ['h', 'e', 'l', 'p'], 'help|'],
  ['typing inserts at the cursor', 'hp|', [K.left, 'el'], 'hel|p'],
  ['left stops at the start', 'ab|', [K.left, K.left, K.left], '|ab'],
  ['right stops at the end', '|ab', [K.right, K.right, K.right], 'ab|'],
  ['Home', 'stresstest mem|ory', [K.home], '|stresstest memory'],
  ['End', 'stresstest| memory', [K.end], 'stresstest memory|'],
  ['Ctrl-A', 'abc|', [ctrl('a')], '|abc'],
  ['Ctrl-E', '|abc', [ctrl('e')], 'abc|'],
  ['Ctrl-B and Ctrl-F', 'abc|', [ctrl('b'), ctrl('b'), ctrl('f')], 'ab|c'],
  ['Ctrl-U kills to the start', 'stresstest |memory', [ctrl('u')], '|memory'],
  ['Ctrl-K kills to the end', 'stresstest |memory', [ctrl('k')], 'stresstest |'],
  ['Ctrl-W kills the previous word', 'stresstest memory --duration|', [ctrl('w')], 'stresstest memory |'],
  ['Ctrl-W takes the spaces before the word too', 'stresstest memory  |', [ctrl('w')], 'stresstest |'],
  ['Ctrl-W in mid-word kills back to the space', 'stresstest mem|ory', [ctrl('w')], 'stresstest |ory'],
  ['Ctrl-W at the start does nothing', '|abc', [ctrl('w')], '|abc'],
  ['Ctrl-Y yanks the last kill', 'stresstest |memory', [ctrl('k'), K.home, ctrl('y')], 'memory|stresstest '],
  ['BSpace (key.delete from 0x7f) erases backwards', 'help|', [K.bspace], 'hel|'],
  ['BSpace in mid-line', 'he|lp', [K.bspace], 'h|lp'],
  ['BSpace at the start does nothing', '|help', [K.bspace], '|help'],
  ['Ctrl-H (key.backspace) erases backwards', 'help|', [K.ctrlH], 'hel|'],
  ['the Delete key (ESC [3~) deletes forward', 'he|lp', [K.del], 'he|p'],
  ['Delete at the end does nothing', 'help|', [K.del], 'help|'],
  ['key.delete without the raw sequence is a backspace', 'he|lp', [['', { delete: true }]], 'h|lp'],
  ['Ctrl-D on a non-empty line deletes forward', 'he|lp', [ctrl('d')], 'he|p'],
  ['Alt-B moves to the start of the word', 'stresstest memory --duration 5|', [K.altB, K.altB], 'stresstest memory --|duration 5'],
  ['Alt-F moves to the end of the word', '|stresstest memory --duration', [K.altF, K.altF, K.altF], 'stresstest memory --duration|'],
  ['Ctrl-Left and Ctrl-Right move by words', 'ab cd|', [K.ctrlLeft, K.ctrlLeft, K.ctrlRight], 'ab| cd'],
  ['Alt-D kills the next word', 'stresstest |memory --quiet', [K.altD], 'stresstest | --quiet'],
  ['Alt-BSpace kills the previous alphanumeric word', 'stresstest --dura|', [K.altBspace], 'stresstest --|'],
  ['control keys inside a burst act as typed: Ctrl-A', '|', ['ab\x01c'], 'c|ab'],
  ['control keys inside a burst act as typed: Tab completes', '|', ['stresstest me\tx'], 'stresstest memory x|'],
  ['control keys inside a burst act as typed: DEL and BS erase', '|', ['abc\x7f\x7fd\be'], 'ae|'],
  ['unbound control characters inside a burst are dropped', '|', ['a\x00\x1c\x1bb'], 'ab|'],
  ['a surrogate pair is one character to move over', 'a😀|', [K.left, K.bspace, K.end], '😀|'],
  ['a surrogate pair is one character to erase', 'a😀|b', [K.bspace, K.del], 'a|'],
  ['Escape leaves the line alone', 'ab|c', [K.esc], 'ab|c'],
  ['Page Up/Down leave the line alone', 'ab|', [['', { pageUp: true }], ['', { pageDown: true }]], 'ab|'],
];

describe('line editor keys', () => {
  test.each(CASES)('%s', (_name, start, keys, expected) => {
    const input = makeInput({ hints: false });
    const at = start.indexOf('|');
    input.setText(start.replace('|', ''), at);
    expect(drive(input, ...keys)).toEqual([]);
    expect(marked(input)).toBe(expected);
  });

  test('Enter submits the whole line wherever the cursor is and empties the editor', () => {
    const input = makeInput();
    input.setText('metricsctl status', 3);
    expect(drive(input, K.enter)).toEqual([{ type: 'submit', line: 'metricsctl status' }]);
    expect(marked(input)).toBe('|');
  });

  test('Enter on an empty line submits an empty line', () => {
    expect(drive(makeInput(), K.enter)).toEqual([{ type: 'submit', line: '' }]);
  });

  test('Ctrl-C reports an interrupt and leaves the line until clear() is called', () => {
    const input = makeInput();
    expect(drive(input, 'autoctl', ctrl('c'))).toEqual([{ type: 'interrupt' }]);
    expect(marked(input)).toBe('autoctl|');
    input.clear();
    expect(marked(input)).toBe('|');
  });

  test('Ctrl-D on an empty line is end of input', () => {
    expect(drive(makeInput(), ctrl('d'))).toEqual([{ type: 'eof' }]);
  });

  test('Ctrl-T is the console escape, whatever the line holds', () => {
    const input = makeInput();
    expect(drive(input, 'ab', ctrl('t'))).toEqual([{ type: 'console-escape' }]);
    expect(marked(input)).toBe('ab|');
  });

  test('Ctrl-T and its key in one read: the key goes to the menu, not into the line', () => {
    const input = makeInput();
    expect(drive(input, 'ab', 'c\x14v')).toEqual([{ type: 'console-escape', next: 'v' }]);
    expect(marked(input)).toBe('abc|');
    expect(drive(input, '\x14\x14')).toEqual([{ type: 'console-escape', next: '\x14' }]);
    expect(drive(input, 'd\x14')).toEqual([{ type: 'console-escape' }]);
    expect(marked(input)).toBe('abcd|');
  });

  test('unbound control keys do nothing', () => {
    const input = makeInput();
    expect(drive(input, 'ab', ctrl('l'), ctrl('z'), ['x', { meta: true }])).toEqual([]);
    expect(marked(input)).toBe('ab|');
  });
});

describe('pasted text', () => {
  test('splits on CR, LF and CRLF into lines to submit, in order, and a remainder', () => {
    expect(feedText(EMPTY_EDITOR, 'help\rmetricsctl on\nautoctl status\r\nstress')).toEqual({
      lines: ['help', 'metricsctl on', 'autoctl status'],
      state: { text: 'stress', cursor: 6, killed: '' },
    });
  });

  test('the first pasted line completes the text already typed, as Enter would (text after the cursor included)', () => {
    expect(feedText(editorWith('stresstest  --quiet', 11), 'memory\rhelp')).toEqual({
      lines: ['stresstest memory --quiet'],
      state: { text: 'help', cursor: 4, killed: '' },
    });
  });

  test('blank lines in a paste are submitted as empty lines', () => {
    expect(feedText(EMPTY_EDITOR, 'a\r\n\r\nb\n').lines).toEqual(['a', '', 'b']);
    expect(feedText(EMPTY_EDITOR, 'a\r\n\r\nb\n').state.text).toBe('');
  });

  test('a paste through the console input submits each line and keeps the remainder', () => {
    const input = makeInput();
    expect(drive(input, 'metricsctl off\rmetricsctl status\rhel')).toEqual([
      { type: 'submit', line: 'metricsctl off' },
      { type: 'submit', line: 'metricsctl status' },
    ]);
    expect(marked(input)).toBe('hel|');
    expect(input.history.entries).toEqual(['metricsctl off', 'metricsctl status']);
  });

  test('a lone LF (Ctrl-J) submits the line', () => {
    expect(drive(makeInput(), 'help', '\n')).toEqual([{ type: 'submit', line: 'help' }]);
  });
});

describe('feedText', () => {
  test('used on its own, it turns a tab into a space and drops other control characters', () => {
    expect(feedText(EMPTY_EDITOR, 'a\tb\x01\x1bc\x7fd').state).toEqual({ text: 'a bd', cursor: 4, killed: '' });
  });
});
