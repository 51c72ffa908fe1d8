import { signalStatus } from '../connect/index.js';
import type { HostClock } from '../../uart/index.js';
import type { EngineDriver } from '../engine/index.js';
import { SHOW_CURSOR, type LiveRegion } from './live-region.js';
import type { Scrollback, ScreenWriter } from './scrollback.js';

/** How long Ink's loading waits for a silent target's first output. */
const FIRST_OUTPUT_WAIT_MS = 100;

const dim = (text: string): string => `\x1b[2m${text}\x1b[22m`;

/**
 * Until Ink draws: the scrollback goes to the screen, the target's unfinished line and a status
 * line make the frame, and the terminal is in raw mode so that keys wait for the input line
 * instead of being echoed over the frame. `shown` resolves once the target's first output is on the
 * screen, or after FIRST_OUTPUT_WAIT_MS of silence. Stops (keeping raw mode for Ink) at hand-over.
 */
export function startEarlyTerminal(parts: {
  scrollback: Scrollback;
  region: LiveRegion;
  engine: EngineDriver;
  clock: HostClock;
  description: string;
  print: ScreenWriter;
}): { shown: Promise<void>; stop(): void } {
  const { scrollback, region } = parts;
  const stdin = process.stdin;
  const raw = stdin.isTTY === true;
  if (raw) stdin.setRawMode(true);
  // Should the process end before Ink draws, the terminal is left as it was found.
  const restore = (): void => {
    region.close();
    if (process.stdout.isTTY) process.stdout.write(SHOW_CURSOR);
    if (raw) stdin.setRawMode(false);
  };
  process.once('exit', restore);
  // A signal before Ink draws ends the console as one after would: the terminal restored, 128 + n.
  const onTerm = (): never => process.exit(signalStatus('SIGTERM'));
  const onHup = (): never => process.exit(signalStatus('SIGHUP'));
  process.once('SIGTERM', onTerm);
  process.once('SIGHUP', onHup);
  scrollback.setWriter(parts.print);
  const status = dim(`${parts.description} | starting the console`);
  const draw = (): void => region.frame(`${scrollback.tail}\x1b[7m \x1b[27m\n${status}`);
  const unsubscribe = scrollback.subscribe(draw);
  draw();
  let show = (): void => {};
  const shown = new Promise<void>((resolve) => (show = resolve));
  const wait = parts.clock.setTimer(show, FIRST_OUTPUT_WAIT_MS);
  // Received text is written once per read, not batched over time: there is little of it before Ink
  // draws. The engine hands a read on line by line; the microtask runs when the whole read is in.
  let stopped = false;
  let flushQueued = false;
  const flushRead = (): void => {
    flushQueued = false;
    if (stopped) return;
    scrollback.flush();
    show();
  };
  const offReceived = parts.engine.on((event) => {
    if (event.type !== 'received' || flushQueued) return;
    flushQueued = true;
    queueMicrotask(flushRead);
  });
  return {
    shown,
    stop() {
      if (stopped) return;
      stopped = true;
      unsubscribe();
      offReceived();
      parts.clock.clearTimer(wait);
      show();
      process.off('exit', restore);
      process.off('SIGTERM', onTerm);
      process.off('SIGHUP', onHup);
    },
  };
}
