import { describe, expect, test } from '@jest/globals';
import { EventEmitter } from 'node:events';
import type { WriteStream } from 'node:tty';
import { assumeSizeWhenUnknown } from '../../../shell/tui/terminal-size.js';

function fakeTty(columns: number, rows: number): WriteStream {
  return Object.assign(new EventEmitter(), { columns, rows }) as unknown as WriteStream;
}

describe('a terminal that reports no size', () => {
  test('is taken as 80x24, so Ink never runs tput and stty to ask', () => {
    const tty = fakeTty(0, 0);
    assumeSizeWhenUnknown(tty);
    expect([tty.columns, tty.rows]).toEqual([80, 24]);
  });

  test('a real size is kept', () => {
    const tty = fakeTty(120, 40);
    assumeSizeWhenUnknown(tty);
    expect([tty.columns, tty.rows]).toEqual([120, 40]);
  });

  test('a resize back to 0x0 is corrected before listeners registered earlier (Ink) read it', () => {
    const tty = fakeTty(120, 40);
    const seen: number[][] = [];
    tty.on('resize', () => seen.push([tty.columns, tty.rows]));
    const forget = assumeSizeWhenUnknown(tty);
    tty.columns = 0;
    tty.rows = 0;
    tty.emit('resize');
    tty.columns = 100;
    tty.rows = 30;
    tty.emit('resize');
    expect(seen).toEqual([[80, 24], [100, 30]]);
    forget();
    tty.columns = 0;
    tty.emit('resize');
    expect(seen.at(-1)).toEqual([0, 30]);
  });
});
