import { describe, expect, test } from '@jest/globals';
import type { EngineDriver, EngineEvent } from '../../../shell/engine/index.js';
import { startEarlyTerminal } from '../../../shell/tui/early-terminal.js';
import type { LiveRegion } from '../../../shell/tui/live-region.js';
import { Scrollback } from '../../../shell/tui/scrollback.js';
import { createManualClock } from '../../../uart/index.js';
import { screenText } from './screen-text.js';

const BOOT = ['!KERNEL(U)', 'STACK OK', 'VECTORS OK', 'MMU ON', 'UART: READY', 'LAUNCHING SHELL', '', '=== SIS Kernel Shell ==='];

/** The early terminal on a scrollback, a region that records frames, and an engine whose events the test sends. */
function earlyTerminal() {
  const clock = createManualClock();
  const scrollback = new Scrollback({ clock, rows: () => 24 });
  const prints: string[] = [];
  const frames: string[] = [];
  const region = { frame: (text: string) => void frames.push(text), close: () => undefined } as unknown as LiveRegion;
  let listener: ((event: EngineEvent) => void) | undefined;
  const engine = {
    on(l: (event: EngineEvent) => void) {
      listener = l;
      return () => (listener = undefined);
    },
  } as unknown as EngineDriver;
  const early = startEarlyTerminal({ scrollback, region, engine, clock, description: 'virtual', print: (text) => void prints.push(screenText(text)) });
  /** One read from the target, handed on line by line as the engine does. */
  const read = (text: string): void => {
    const bytes = new Uint8Array(Buffer.from(text, 'latin1'));
    let start = 0;
    for (let nl = text.indexOf('\n'); start < text.length; nl = text.indexOf('\n', start)) {
      const end = nl < 0 ? text.length : nl + 1;
      const chunk = bytes.subarray(start, end);
      scrollback.push(chunk);
      listener?.({ type: 'received', chunk, command: null });
      start = end;
    }
  };
  return { early, read, prints, frames, scrollback };
}

describe('the console before Ink draws', () => {
  test("a read's lines reach the screen in one write, then the prompt in the frame", async () => {
    const { early, read, prints, frames } = earlyTerminal();
    const framesBefore = frames.length;
    read(`${BOOT.join('\r\n')}\r\n\r\nsis> `);
    expect(prints).toEqual([]);
    await early.shown;
    expect(prints).toEqual([`${BOOT.join('\n')}\n\n`]);
    expect(frames.length).toBe(framesBefore + 1);
    expect(frames.at(-1)).toMatch(/^sis> /);
    early.stop();
  });

  test('each read is written as it comes, in order', async () => {
    const { early, read, prints } = earlyTerminal();
    read('one\r\ntwo\r\n');
    await Promise.resolve();
    read('three\r\n');
    await Promise.resolve();
    expect(prints).toEqual(['one\ntwo\n', 'three\n']);
    early.stop();
  });

  test('a read that comes with the hand-over to Ink is left to Ink, not lost', async () => {
    const { early, read, prints, scrollback } = earlyTerminal();
    read('late\r\n');
    early.stop();
    await Promise.resolve();
    expect(prints).toEqual([]);
    const inkWrites: string[] = [];
    scrollback.setWriter((text) => void inkWrites.push(screenText(text)));
    expect(inkWrites).toEqual(['late\n']);
  });
});
