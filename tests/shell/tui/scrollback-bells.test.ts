import { describe, expect, test } from '@jest/globals';
import { Scrollback } from '../../../shell/tui/scrollback.js';
import { createManualClock } from '../../../uart/index.js';
import { screenText } from './screen-text.js';

/** A scrollback on a manual clock: timers fire only when the test advances time. */
function rig() {
  const clock = createManualClock();
  const written: string[] = [];
  const sb = new Scrollback({ clock });
  sb.setWriter((text) => written.push(screenText(text)));
  return { sb, written, advance: (ms: number) => clock.advance(ms) };
}

const bells = (n: number): Uint8Array => new Uint8Array(n).fill(0x07);
const count = (text: string, ch: string): number => text.split(ch).length - 1;

describe('a bell storm from the device', () => {
  test('3 s of BEL bytes (5 000 every 10 ms) ring the terminal 12 times, then one line counts the rest', () => {
    const { sb, written, advance } = rig();
    for (let ms = 0; ms < 3000; ms += 10) {
      sb.push(bells(5000));
      advance(10);
    }
    advance(2000);
    const out = written.join('');
    expect(count(out, '\x07')).toBe(12);
    expect(out).not.toContain('␇');
    expect(out.replace(/\x07/g, '')).toBe('\x1b[2msis: 1499988 bells from the target not rung (at most 4 a second)\x1b[22m\n');
    expect(sb.tail).toBe('');
  });

  test('a bell in an unfinished line rings with the next write and is not drawn in the prompt', () => {
    const { sb, written, advance } = rig();
    sb.push(new Uint8Array(Buffer.from('sis> hel\x07', 'latin1')));
    expect(sb.tail).toBe('sis> hel');
    advance(20);
    expect(written).toEqual(['\x07']);
    advance(5000);
    expect(written).toEqual(['\x07']);
  });

  test('a BEL ending an OSC title is part of the neutralised sequence, not a bell', () => {
    const { sb, written, advance } = rig();
    sb.push(new Uint8Array(Buffer.from('\x1b]0;title\x07x\n', 'latin1')));
    advance(20);
    expect(written).toEqual(['\x1b[2m␛]0;title␇\x1b[22mx\n\x1b[0m']);
  });
});
