import { describe, expect, test } from '@jest/globals';
import { nextTimestamps, Scrollback } from '../../../shell/tui/scrollback.js';
import { createManualClock } from '../../../uart/index.js';
import { screenText } from './screen-text.js';

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

/** A scrollback on a manual clock; `at(ms)` moves it to `ms` after the console started. */
function scrollback() {
  const written: string[] = [];
  const clock = createManualClock({ wallStartMs: Date.UTC(2026, 11, 7, 11, 30, 0, 0) });
  const sb = new Scrollback({ clock });
  sb.setWriter((text) => written.push(screenText(text)));
  return {
    sb,
    at: (ms: number) => clock.advance(ms - clock.now()),
    text: () => {
      sb.flush();
      return written.splice(0).join('');
    },
  };
}

describe('on-screen timestamps (Ctrl-T t)', () => {
  test('cycle off, iso, relative, delta, off', () => {
    expect(['off', 'iso', 'relative', 'delta'].map((mode) => nextTimestamps(mode as 'off'))).toEqual(['iso', 'relative', 'delta', 'off']);
  });

  test('each format as the log writes it, stamped when the line started', () => {
    const { sb, at, text } = scrollback();
    sb.update({ timestamps: 'iso' });
    at(1500);
    sb.push(bytes('first '));
    at(1600);
    sb.push(bytes('line\nsecond\n'));
    expect(text()).toBe('[2026-12-07T11:30:01.500Z] first line\n[2026-12-07T11:30:01.600Z] second\n');

    sb.update({ timestamps: 'relative' });
    at(2250);
    sb.push(bytes('third\r\n'));
    expect(text()).toBe('[+2.250s] third\n');

    sb.update({ timestamps: 'delta' });
    at(2300);
    sb.push(bytes('fourth\n'));
    at(3300);
    sb.push(bytes('METRIC hidden=1\n'));
    at(4300);
    sb.push(bytes('fifth\n'));
    at(4312);
    sb.push(bytes('sixth\n'));
    // As in the log, delta counts from the line before, a hidden METRIC line included.
    expect(text()).toBe('[+0.050s] fourth\n[+1.000s] fifth\n[+0.012s] sixth\n');

    sb.update({ timestamps: 'off' });
    sb.push(bytes('plain\n'));
    expect(text()).toBe('plain\n');
  });

  test('a line begun while timestamps were off is stamped when they are switched on', () => {
    const { sb, at, text } = scrollback();
    sb.push(bytes('begun '));
    at(700);
    sb.update({ timestamps: 'relative' });
    at(900);
    sb.push(bytes('ended\n'));
    expect(text()).toBe('[+0.900s] begun ended\n');
  });
});
