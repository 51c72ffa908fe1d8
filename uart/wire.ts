import { bytesPerSecond, createPacer, type FrameSettings } from './pacing.js';

/** One direction of the UART: bytes wait here until the line has carried them. */
export interface Wire {
  readonly pendingBytes: number;
  push(bytes: Uint8Array): void;
  /** Every byte the line has delivered by now. */
  take(): Uint8Array;
  /** Virtual µs at which the next chunk of waiting bytes will have been delivered, if any wait. */
  nextUs(): number | undefined;
}

const EMPTY = new Uint8Array(0);
/** Paced bytes move in chunks of this much line time (10 ms: 116 bytes at 115200 8N1). */
const CHUNK_US = 10_000;

/**
 * One direction of a UART, unpaced (`line` undefined: bytes move the moment they are written) or
 * paced at the line's byte rate on the caller's virtual clock.
 */
export function createWire(line: FrameSettings | undefined, nowUs: () => number): Wire {
  const queue: Uint8Array[] = [];
  let pendingBytes = 0;
  const dequeue = (n: number): Uint8Array => {
    if (n >= pendingBytes && queue.length === 1) {
      pendingBytes = 0;
      return queue.pop()!;
    }
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const head = queue[0]!;
      const part = Math.min(head.length, n - filled);
      out.set(head.subarray(0, part), filled);
      filled += part;
      if (part === head.length) queue.shift();
      else queue[0] = head.subarray(part);
    }
    pendingBytes -= n;
    return out;
  };
  const push = (bytes: Uint8Array): void => {
    if (bytes.length === 0) return;
    queue.push(bytes);
    pendingBytes += bytes.length;
  };
  if (line === undefined) {
    return {
      get pendingBytes() {
        return pendingBytes;
      },
      push,
      take: () => (pendingBytes === 0 ? EMPTY : dequeue(pendingBytes)),
      nextUs: () => undefined,
    };
  }
  const rate = bytesPerSecond(line);
  const pacer = createPacer({ bytesPerSecond: rate, nowUs });
  const chunkBytes = Math.max(1, Math.ceil((rate * CHUNK_US) / 1e6));
  return {
    get pendingBytes() {
      return pendingBytes;
    },
    push,
    take() {
      if (pendingBytes === 0) return EMPTY;
      const granted = pacer.take(pendingBytes);
      return granted === 0 ? EMPTY : dequeue(granted);
    },
    nextUs: () => (pendingBytes === 0 ? undefined : pacer.nextAvailableUs(Math.min(pendingBytes, chunkBytes))),
  };
}
