import { describe, expect, test } from '@jest/globals';
import { fitLine } from '../../../shell/tui/fit-line.js';
import { FrameStdout } from '../../../shell/tui/frame-stdout.js';
import { LiveRegion } from '../../../shell/tui/live-region.js';
import { rowUpdate } from '../../../shell/tui/row-diff.js';
import { createManualClock } from '../../../uart/index.js';

const SYNC = (body: string) => `\x1b[?2026h${body}\x1b[?2026l`;
const NOWRAP = (body: string) => `\x1b[?7l${body}\x1b[?7h`;

function rig(size = { columns: 20, rows: 10 }) {
  const out: string[] = [];
  const clock = createManualClock();
  const region = new LiveRegion({
    write: (text) => out.push(text),
    size: () => ({ ...size }),
    frameMs: 16,
    clock,
  });
  return { region, out, size, advance: (ms: number) => clock.advance(ms) };
}

describe('LiveRegion', () => {
  test('draws a new frame below the cursor and returns to its top-left corner', () => {
    const r = rig();
    r.region.frame('one\ntwo\nthree');
    expect(r.out).toEqual([SYNC(NOWRAP('one\r\ntwo\r\nthree\r\x1b[2A'))]);
  });

  test('rewrites only the cells that changed, and only in changed rows', () => {
    const r = rig();
    r.region.frame('row a 10%\nstatic\nrow c');
    r.advance(16);
    r.region.frame('row a 20%\nstatic\nrow c');
    expect(r.out[1]).toBe(SYNC(NOWRAP('\x1b[7G\x1b[m2\r')));
    r.advance(16);
    r.region.frame('row a 20%\nstatic\nrow C!');
    expect(r.out[2]).toBe(SYNC(NOWRAP('\x1b[2B\x1b[5G\x1b[mC!\r\x1b[2A')));
  });

  test('a frame within the interval waits for it; an unchanged frame writes nothing', () => {
    const r = rig();
    r.region.frame('a');
    r.region.frame('b');
    r.region.frame('c');
    expect(r.out).toHaveLength(1);
    r.advance(16);
    expect(r.out[1]).toBe(SYNC(NOWRAP('\x1b[1G\x1b[mc\r')));
    r.advance(16);
    r.region.frame('c');
    expect(r.out).toHaveLength(2);
  });

  test('a shorter frame erases the rows below it; a taller one makes new rows with newlines', () => {
    const r = rig();
    r.region.frame('a\nb\nc');
    r.advance(16);
    r.region.frame('a');
    expect(r.out[1]).toBe(SYNC(NOWRAP('\x1b[1B\x1b[J\x1b[1A')));
    r.advance(16);
    r.region.frame('a\nb\nc');
    expect(r.out[2]).toBe(SYNC(NOWRAP('\nb\r\nc\r\x1b[2A')));
  });

  test('print moves the frame down by the rows the text fills and writes the text above it', () => {
    const r = rig();
    r.region.frame('panel\nstatus');
    // 25 columns at width 20 fill two rows; with the short line, three.
    r.region.print(`${'x'.repeat(25)}\nshort\n`);
    expect(r.out[1]).toBe(SYNC(`\x1b[1B${'\n'.repeat(3)}\x1b[4A\r\x1b[3L${'x'.repeat(25)}\nshort\n`));
  });

  test('print redraws the frame below the text when the text would not fit beside it', () => {
    const r = rig({ columns: 20, rows: 4 });
    r.region.frame('panel\nstatus');
    r.region.print('1\n2\n3\n');
    expect(r.out[1]).toBe(SYNC(`\r\x1b[J1\n2\n3\n${NOWRAP('panel\r\nstatus\r\x1b[1A')}`));
  });

  test("a flood's text in pieces: the same bytes as one print, the frame in a write of its own", () => {
    const lines = Array.from({ length: 800 }, (_, i) => `line ${i} ${'x'.repeat(10)}\n`).join('');
    const pieces = [lines.slice(0, 9000), lines.slice(9000)];
    const whole = rig({ columns: 20, rows: 4 });
    whole.region.frame('panel \u25cf\nstatus');
    whole.region.print(lines);
    const split = rig({ columns: 20, rows: 4 });
    split.region.frame('panel \u25cf\nstatus');
    split.region.print(pieces);
    const frame = NOWRAP('panel \u25cf\r\nstatus\r\x1b[1A');
    expect(split.out.slice(1)).toEqual(['\x1b[?2026h\r\x1b[J', ...pieces, `${frame}\x1b[?2026l`]);
    expect(whole.out.slice(1).join('')).toBe(split.out.slice(1).join(''));
    expect(whole.out.slice(1).at(-1)).toBe(`${frame}\x1b[?2026l`);
  });

  test('after a resize the old frame is erased from its top, whatever the terminal did to it', () => {
    const r = rig({ columns: 20, rows: 10 });
    r.region.frame(`${'x'.repeat(20)}\nstatus`);
    r.size.columns = 8;
    r.region.resized();
    expect(r.out[1]).toBe(SYNC(`\r\x1b[J${NOWRAP('xxxxxxxx\r\nstatus\r\x1b[1A')}`));
  });

  test('a size change seen before its signal is handled before the next draw', () => {
    const r = rig({ columns: 20, rows: 10 });
    r.region.frame('a');
    r.size.rows = 5;
    r.advance(16);
    r.region.frame('b');
    // Erased and drawn whole at the new size; nothing is left to diff.
    expect(r.out.slice(1)).toEqual([SYNC(`\r\x1b[J${NOWRAP('b\r')}`)]);
  });

  test('a frame taller than the screen keeps its newest rows, one row short of the screen', () => {
    const r = rig({ columns: 20, rows: 3 });
    r.region.frame('1\n2\n3\n4');
    expect(r.out[0]).toBe(SYNC(NOWRAP('3\r\n4\r\x1b[1A')));
  });

  test('clearScreen scrolls the visible lines into the history instead of erasing it', () => {
    const r = rig({ columns: 20, rows: 4 });
    r.region.frame('sis> ');
    r.region.clearScreen();
    expect(r.out[1]).toBe(SYNC(`\r\x1b[J\n\n\n\n\x1b[H${NOWRAP('sis> \r')}`));
    expect(r.out.join('')).not.toContain('\x1b[3J');
    expect(r.out.join('')).not.toContain('\x1b[2J');
  });

  test('close leaves the cursor below the last frame', () => {
    const r = rig();
    r.region.frame('a\nb');
    r.region.close();
    expect(r.out[1]).toBe('\x1b[1B\r\n');
  });
});

describe('rowUpdate and fitLine', () => {
  test('a styled change is written in its style and the style is closed', () => {
    expect(rowUpdate('\x1b[36mab\x1b[39mc', '\x1b[36maX\x1b[39mc')).toBe('\x1b[2G\x1b[0;36mX\x1b[m');
  });

  test('a shorter row erases its old end; a row with wide characters is rewritten whole', () => {
    expect(rowUpdate('abcdef', 'abc')).toBe('\x1b[4G\x1b[K');
    expect(rowUpdate('漢字', '漢a')).toBe('\r\x1b[2K漢a');
  });

  test('changes close together are written as one run', () => {
    expect(rowUpdate('a-b-c-d', 'A-B-C-d')).toBe('\x1b[1G\x1b[mA-B-C');
  });

  test('fitLine cuts at the width, counting wide characters as two and escapes as none', () => {
    expect(fitLine('\x1b[1mabcdef\x1b[22m', 4)).toBe('\x1b[1mabcd\x1b[22m');
    expect(fitLine('漢字漢字', 5)).toBe('漢字');
    expect(fitLine('abc', 4)).toBe('abc');
  });
});

describe('FrameStdout', () => {
  const rig = (debug: boolean) => {
    const frames: string[] = [];
    const out = new FrameStdout({ size: () => ({ columns: 80, rows: 24 }), onFrame: (t) => frames.push(t), debug });
    return { out, frames };
  };

  test("takes Ink's erase codes off each frame and ignores an erase alone", () => {
    const { out, frames } = rig(false);
    out.write('panel\nsis> \n');
    out.write('\x1b[2K\x1b[1A\x1b[2K\x1b[Gpanel 2\nsis> x\n');
    out.write('\x1b[2K\x1b[1A\x1b[2K\x1b[G');
    out.write('\x1b[2J\x1b[3J\x1b[Htall');
    expect(frames).toEqual(['panel\nsis> ', 'panel 2\nsis> x', 'tall']);
  });

  test('in debug mode every write is a bare frame', () => {
    const { out, frames } = rig(true);
    out.write('a\nb');
    out.write('');
    expect(frames).toEqual(['a\nb']);
    expect(out.columns).toBe(80);
  });
});
