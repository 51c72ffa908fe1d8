import { describe, expect, test } from '@jest/globals';
import { splitAtClears } from '../../../shell/sanitize/index.js';
import { Scrollback } from '../../../shell/tui/scrollback.js';
import { createManualClock } from '../../../uart/index.js';
import { screenText } from './screen-text.js';

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
const BLANK = '\n'.repeat(5);

/** A scrollback on a 5-row terminal that writes on flush() only, into `written`. */
function scrollback() {
  const written: string[] = [];
  const sb = new Scrollback({ clock: createManualClock(), rows: () => 5 });
  sb.setWriter((text) => written.push(screenText(text)));
  return { sb, out: () => written.join('') };
}

describe('a clear-screen from the target clears the console view', () => {
  test("the SIS kernel's clear: the screen scrolls away, nothing is printed or obeyed, the prompt follows", () => {
    const { sb, out } = scrollback();
    sb.push(bytes('sis> clear\r\n\x1b[2J\x1b[Hsis> '));
    sb.flush();
    expect(out()).toBe(`sis> clear\n${BLANK}`);
    expect(sb.tail).toBe('sis> ');
    expect(out()).not.toContain('\x1b');
  });

  test('the forms clear, tput clear and ncurses send, and text around them', () => {
    for (const clear of ['\x1b[H\x1b[2J\x1b[3J', '\x1b[2J', '\x1b[3J', '\x1bc', '\x1b[H\x1b[J', '\x1b[1;1H\x1b[0J', '\x1b[;H\x1b[2J']) {
      const { sb, out } = scrollback();
      sb.push(bytes(`one\nhalf${clear}two\n`));
      sb.flush();
      expect([clear, out()]).toEqual([clear, `one\nhalf\n${BLANK}two\n`]);
    }
  });

  test('split across reads, the home after a clear in the next read included', () => {
    const { sb, out } = scrollback();
    sb.push(bytes('a\n\x1b['));
    sb.push(bytes('2'));
    sb.push(bytes('J'));
    sb.push(bytes('\x1b['));
    sb.push(bytes('Hb\n'));
    sb.flush();
    expect(out()).toBe(`a\n${BLANK}b\n`);
  });

  test('other cursor moves and erases are still shown, not obeyed', () => {
    const { sb, out } = scrollback();
    sb.push(bytes('x\x1b[Hy\x1b[Kz\x1b[5;5H\x1b[2Kw\n'));
    sb.flush();
    expect(out()).toBe('x\x1b[2m␛[H\x1b[22my\x1b[2m␛[K\x1b[22mz\x1b[2m␛[5;5H\x1b[22m\x1b[2m␛[2K\x1b[22mw\n\x1b[0m');
  });

  test('splitAtClears: one more part than clears', () => {
    expect(splitAtClears('a\x1b[2J\x1b[Hb\x1bcc')).toEqual(['a', 'b', 'c']);
    expect(splitAtClears('plain')).toEqual(['plain']);
  });

  test('clearView: the console clears its own view the same way', () => {
    const { sb, out } = scrollback();
    sb.push(bytes('line\nsis> '));
    sb.clearView();
    expect(out()).toBe(`line\nsis> \n${BLANK}`);
    expect(sb.tail).toBe('');
  });
});
