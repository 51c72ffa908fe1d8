import { describe, expect, test } from '@jest/globals';
import { closeStyling, SgrState } from '../../../shell/sanitize/index.js';
import { Scrollback } from '../../../shell/tui/scrollback.js';
import { createManualClock } from '../../../uart/index.js';
import { screenText } from './screen-text.js';

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

/** A scrollback that writes on flush() only, into `written`. */
function scrollback() {
  const written: string[] = [];
  const sb = new Scrollback({ clock: createManualClock() });
  sb.setWriter((text) => written.push(screenText(text)));
  return { sb, written };
}

describe('device styling never reaches the console’s own lines', () => {
  test('an unterminated SGR is closed at the end of each write and opened again for the next device text', () => {
    const { sb, written } = scrollback();
    sb.push(bytes('visible \x1b[8m\x1b[5mhidden\n'));
    sb.flush();
    expect(written).toEqual(['visible \x1b[8m\x1b[5mhidden\n\x1b[0m']);
    sb.push(bytes('still hidden\n'));
    sb.flush();
    expect(written[1]).toBe('\x1b[8m\x1b[5mstill hidden\n\x1b[0m');
  });

  test('a result card between device lines is written without the device styling', () => {
    const { sb, written } = scrollback();
    sb.push(bytes('\x1b[31mred\n'));
    sb.writeBlock('╭ card ╮');
    sb.push(bytes('red again\n'));
    sb.flush();
    expect(written.join('')).toBe('\x1b[31mred\n\x1b[0m╭ card ╮\n\x1b[31mred again\n\x1b[0m');
  });

  test('after the device resets its styling nothing is added', () => {
    const { sb, written } = scrollback();
    sb.push(bytes('\x1b[1mbold\x1b[0m plain\n'));
    sb.flush();
    sb.push(bytes('plain\n'));
    sb.flush();
    expect(written).toEqual(['\x1b[1mbold\x1b[0m plain\n', 'plain\n']);
  });

  test('a prompt line that switches styling on is closed before the input line is drawn after it', () => {
    const { sb } = scrollback();
    sb.push(bytes('sis> \x1b[8m'));
    expect(sb.tail).toBe('sis> \x1b[8m\x1b[0m');
    sb.push(bytes('\x1b[0m\nsis> '));
    expect(sb.tail).toBe('sis> ');
  });
});

describe('SgrState', () => {
  test('a reset anywhere in a sequence drops what came before it', () => {
    const state = new SgrState();
    state.observe('\x1b[1m\x1b[31m');
    expect(state.restore).toBe('\x1b[1m\x1b[31m');
    state.observe('\x1b[0;4m');
    expect(state.restore).toBe('\x1b[4m');
    state.observe('\x1b[m');
    expect(state.open).toBe(false);
    expect(closeStyling('a\x1b[7mb')).toBe('a\x1b[7mb\x1b[0m');
    expect(closeStyling('plain')).toBe('plain');
  });
});
