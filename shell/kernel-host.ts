import type { Kernel } from '../kernel/index.js';

/** How virtual time relates to wall time: 1× (`realtime`), as fast as possible (`max`), or a factor. */
export type Speed = 'realtime' | 'max' | number;

export interface KernelHostOptions {
  kernel: Kernel;
  speed: Speed;
  /** Receives everything the kernel prints. */
  emit: (bytes: Uint8Array) => void;
  /** Resolves when the consumer has taken what was emitted; `max` waits on it between slices. */
  drained?: () => Promise<void>;
  /** Wall-clock source in ms; default `performance.now`. */
  nowMs?: () => number;
}

export interface KernelHost {
  receive(bytes: Uint8Array): void;
  stop(): void;
}

/** Virtual µs one `max` slice runs before yielding to the event loop. */
const MAX_SLICE_US = 50_000;
/** Wall ms between ticks in paced modes. */
const TICK_MS = 10;

/**
 * The one place that turns wall time into the kernel's virtual time. In `max` mode the clock
 * moves only while a command needs it, so a script's transcript depends only on the seed and
 * the script; in paced modes it follows the wall clock, idle or not.
 */
export function startKernelHost(options: KernelHostOptions): KernelHost {
  const { kernel, speed, emit } = options;
  const nowMs = options.nowMs ?? (() => performance.now());
  const factor = speed === 'max' ? 0 : speed === 'realtime' ? 1 : speed;
  let stopped = false;
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  const flush = (): boolean => {
    const out = kernel.takeOutput();
    if (out.length > 0) emit(out);
    return out.length > 0;
  };

  kernel.boot();
  flush();

  const runMax = async (): Promise<void> => {
    if (running) return;
    running = true;
    while (!stopped && kernel.busy) {
      kernel.advance(kernel.nowUs + MAX_SLICE_US);
      if (flush() && options.drained) await options.drained();
      else await new Promise((resolve) => setImmediate(resolve));
    }
    running = false;
  };

  if (factor > 0) {
    const wallStart = nowMs();
    const virtualStart = kernel.nowUs;
    const target = (): number => virtualStart + (nowMs() - wallStart) * 1000 * factor;
    timer = setInterval(() => {
      kernel.advance(target());
      flush();
    }, TICK_MS);
    return {
      receive(bytes) {
        kernel.advance(target());
        kernel.receive(bytes);
        flush();
      },
      stop() {
        stopped = true;
        clearInterval(timer);
      },
    };
  }

  return {
    receive(bytes) {
      kernel.receive(bytes);
      flush();
      if (kernel.busy) void runMax();
    },
    stop() {
      stopped = true;
    },
  };
}
