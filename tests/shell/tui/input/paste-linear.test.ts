import { describe, expect, test } from '@jest/globals';
import { ConsoleInput } from '../../../../shell/tui/input/console-input.js';
import { GRAMMAR } from './fixtures.js';

/** A terminal hands a paste over in reads of at most 4 KiB (a pty's line buffer). */
const READ = 4096;

function paste(size: number, where: 'end' | 'middle'): { copied: number; text: string; cursor: number } {
  let copied = 0;
  const input = new ConsoleInput({ grammar: GRAMMAR, onCopy: (chars) => (copied += chars) });
  input.dispatch({ type: 'text', text: 'say ' });
  input.dispatch({ type: 'text', text: '!' });
  if (where === 'middle') input.dispatch({ type: 'left' });
  const body = '0123456789abcdef'.repeat(size / 16);
  for (let at = 0; at < body.length; at += READ) input.dispatch({ type: 'text', text: body.slice(at, at + READ) });
  const { text, cursor } = input.view;
  return { copied, text, cursor };
}

describe('a long paste costs work in proportion to its length', () => {
  for (const where of ['end', 'middle'] as const) {
    test(`at the ${where} of the line: twice the paste, at most 2.5 times the characters copied`, () => {
      const small = paste(256 * 1024, where);
      const large = paste(512 * 1024, where);
      const body = '0123456789abcdef'.repeat((512 * 1024) / 16);
      expect(large.text).toBe(where === 'end' ? `say !${body}` : `say ${body}!`);
      expect(large.cursor).toBe(4 + body.length + (where === 'end' ? 1 : 0));
      expect(large.copied).toBeLessThanOrEqual(2.5 * small.copied);
      // Each pasted character is copied a small, fixed number of times, not once per read.
      expect(large.copied).toBeLessThanOrEqual(3 * large.text.length);
    });
  }

  test('the line is built when it is read, and editing keys see every pasted character', () => {
    const input = new ConsoleInput({ grammar: GRAMMAR });
    input.dispatch({ type: 'text', text: 'ab' });
    input.dispatch({ type: 'text', text: 'cd' });
    expect(input.length).toBe(4);
    input.dispatch({ type: 'backspace' });
    input.dispatch({ type: 'home' });
    input.dispatch({ type: 'text', text: 'X' });
    expect(input.view).toMatchObject({ text: 'Xabc', cursor: 1 });
    expect(input.dispatch({ type: 'text', text: 'Y\r' })).toEqual([{ type: 'submit', line: 'XYabc' }]);
    expect(input.view).toMatchObject({ text: '', cursor: 0 });
  });
});
