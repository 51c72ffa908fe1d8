import { Listeners, systemClock, type HostClock, type PortError, type ReconnectState } from '../../uart/index.js';
import type { EnginePort } from '../engine/index.js';

/** A port that can stop reading from its far end for a while (the far end then waits, as TCP and a tty make it). */
export type SliceablePort = EnginePort & { pause?(): void; resume?(): void };

export interface SlicedPortOptions<P extends SliceablePort> {
  port: P;
  /** Wall ms of received-data work per turn of the event loop; keys and frames run between turns. Default 8. */
  budgetMs?: number;
  /** Largest piece handed on at once, in bytes. Default 8192. */
  pieceBytes?: number;
  /** Bytes waiting above which the far end is paused; it resumes below a quarter of this. Default 256 KiB. */
  highWaterBytes?: number;
  /** Times the work of a turn; default the system clock. */
  clock?: HostClock;
  /** Runs `fn` on a later turn of the event loop, after pending input. Default setImmediate. */
  defer?: (fn: () => void) => void;
}

type Entry =
  | { kind: 'data'; chunk: Uint8Array; offset: number }
  | { kind: 'state'; state: ReconnectState }
  | { kind: 'close'; reason: PortError | undefined };

/**
 * The port as the console sees it: what the far end sends (and its state changes and close, in
 * order with it) is handed on a piece at a time, at most `budgetMs` of work per turn of the event
 * loop, so a flood of any speed cannot hold the keyboard and the screen; when the console falls
 * behind, the far end is paused rather than buffered without end.
 */
export function slicePort<P extends SliceablePort>(options: SlicedPortOptions<P>): P {
  const { port } = options;
  const budgetMs = options.budgetMs ?? 8;
  const pieceBytes = options.pieceBytes ?? 8192;
  const highWater = options.highWaterBytes ?? 256 * 1024;
  const clock = options.clock ?? systemClock;
  const now = (): number => clock.now();
  const defer = options.defer ?? ((fn) => void setImmediate(fn));
  const data = new Listeners<[Uint8Array]>();
  const states = new Listeners<[ReconnectState]>();
  const closes = new Listeners<[PortError | undefined]>();
  const queue: Entry[] = [];
  let queuedBytes = 0;
  let scheduled = false;
  let paused = false;

  const pump = (): void => {
    scheduled = false;
    const start = now();
    while (queue.length > 0) {
      const entry = queue[0]!;
      if (entry.kind === 'data') {
        const piece = entry.chunk.subarray(entry.offset, entry.offset + pieceBytes);
        entry.offset += piece.length;
        if (entry.offset >= entry.chunk.length) queue.shift();
        queuedBytes -= piece.length;
        data.emit(piece);
      } else {
        queue.shift();
        if (entry.kind === 'state') states.emit(entry.state);
        else closes.emit(entry.reason);
      }
      if (now() - start >= budgetMs) break;
    }
    if (paused && queuedBytes <= highWater / 4) {
      paused = false;
      port.resume?.();
    }
    if (queue.length > 0) schedule();
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    defer(pump);
  };
  const enqueue = (entry: Entry): void => {
    queue.push(entry);
    if (entry.kind === 'data') {
      queuedBytes += entry.chunk.length;
      if (!paused && queuedBytes > highWater && port.pause) {
        paused = true;
        port.pause();
      }
    }
    schedule();
  };
  port.onData((chunk) => enqueue({ kind: 'data', chunk, offset: 0 }));
  port.onState?.((state) => enqueue({ kind: 'state', state }));
  port.onClose((reason) => enqueue({ kind: 'close', reason }));

  const sliced: SliceablePort = {
    get description() {
      return port.description;
    },
    get state() {
      return port.state;
    },
    get lineControl() {
      return port.lineControl;
    },
    open: () => port.open(),
    write: (bytes) => port.write(bytes),
    drain: () => port.drain(),
    close: () => port.close(),
    onData: (listener) => data.add(listener),
    onClose: (listener) => closes.add(listener),
    ...(port.onState && { onState: (listener: (state: ReconnectState) => void) => states.add(listener) }),
    ...(port.quiescent && { quiescent: () => queue.length === 0 && port.quiescent!() }),
  };
  // Whatever else the port offers (traffic counts, held bytes) is reached through it, getters live.
  return Object.defineProperties(Object.create(port) as P, Object.getOwnPropertyDescriptors(sliced));
}
