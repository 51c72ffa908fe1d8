import type { Kernel } from '../../kernel/index.js';
import { createWire, repeatTimer, systemClock, type FrameSettings, type HostClock } from '../../uart/index.js';

/** How virtual time relates to wall time: 1× (`realtime`), as fast as possible (`max`), or a factor. */
export type Speed = 'realtime' | 'max' | number;

export interface KernelHostOptions {
  kernel: Kernel;
  speed: Speed;
  /** Receives everything the kernel prints, as it leaves the UART. */
  emit: (bytes: Uint8Array) => void;
  /** Resolves when the consumer has taken what was emitted; `max` waits on it between slices. */
  drained?: () => Promise<void>;
  /** The wall time virtual time follows (`now`), and the paced modes' tick timer. Default the system clock. */
  clock?: HostClock;
  /**
   * Run the UART at line speed in both directions, on virtual time (115200 8N1 → 11 520 B/s).
   * Default: unpaced, bytes move the moment they are written.
   */
  line?: FrameSettings;
}

export interface KernelHost {
  receive(bytes: Uint8Array): void;
  stop(): void;
  /** Bytes waiting for the line, in either direction (always 0 when unpaced). */
  readonly pendingBytes: number;
}

/**
 * Virtual µs one `max` slice runs before yielding to the event loop: half a second unpaced (each
 * yield costs the host a chunk's trip through the port), 50 ms on a paced line, whose bytes then
 * arrive as a board's would.
 */
const MAX_SLICE_US = 500_000;
const PACED_MAX_SLICE_US = 50_000;
/** Wall ms between ticks in paced modes. */
const TICK_MS = 10;

/**
 * The one place that turns wall time into the kernel's virtual time. In `max` mode the clock
 * moves only while a command runs or bytes wait for a paced line, so a script's transcript
 * depends only on the seed and the script; in the other modes it follows the wall clock, idle
 * or not.
 */
export function startKernelHost(options: KernelHostOptions): KernelHost {
  const { kernel, speed, emit } = options;
  const clock = options.clock ?? systemClock;
  const factor = speed === 'max' ? 0 : speed === 'realtime' ? 1 : speed;
  const nowUs = (): number => kernel.nowUs;
  const toKernel = createWire(options.line, nowUs);
  const toHost = createWire(options.line, nowUs);
  let stopped = false;
  let running = false;
  let stopTicker: (() => void) | undefined;

  const pending = (): boolean => toKernel.pendingBytes > 0 || toHost.pendingBytes > 0;

  /**
   * Moves virtual time to `targetUs` (in `max` mode: no further than the point where the kernel
   * is idle and both lines are empty), delivering bytes as the lines let them through.
   * Returns whether anything was emitted.
   */
  const pump = (targetUs: number, stopWhenIdle: boolean): boolean => {
    let emitted = false;
    for (;;) {
      const input = toKernel.take();
      if (input.length > 0) kernel.receive(input);
      const printed = kernel.takeOutput();
      if (printed.length > 0) toHost.push(printed);
      const output = toHost.take();
      if (output.length > 0) {
        emit(output);
        emitted = true;
      }
      const now = kernel.nowUs;
      if (now >= targetUs || stopped) return emitted;
      if (stopWhenIdle && !kernel.busy && !pending()) return emitted;
      const next = Math.min(targetUs, toKernel.nextUs() ?? Infinity, toHost.nextUs() ?? Infinity);
      kernel.advance(next > now ? next : now + 1, stopWhenIdle);
    }
  };

  kernel.boot();
  pump(kernel.nowUs, true);

  const sliceUs = options.line === undefined ? MAX_SLICE_US : PACED_MAX_SLICE_US;
  const runMax = async (): Promise<void> => {
    if (running) return;
    running = true;
    while (!stopped && (kernel.busy || pending())) {
      if (pump(kernel.nowUs + sliceUs, true) && options.drained) await options.drained();
      else await new Promise((resolve) => setImmediate(resolve));
    }
    running = false;
  };

  if (factor > 0) {
    const wallStart = clock.now();
    const virtualStart = kernel.nowUs;
    const target = (): number => virtualStart + (clock.now() - wallStart) * 1000 * factor;
    stopTicker = repeatTimer(clock, () => {
      if (!stopped) pump(target(), false);
    }, TICK_MS);
    return {
      receive(bytes) {
        if (stopped) return;
        pump(target(), false);
        toKernel.push(bytes);
        pump(kernel.nowUs, false);
      },
      stop() {
        stopped = true;
        stopTicker?.();
      },
      get pendingBytes() {
        return toKernel.pendingBytes + toHost.pendingBytes;
      },
    };
  }

  if (pending()) void runMax();
  return {
    receive(bytes) {
      if (stopped) return;
      toKernel.push(bytes);
      pump(kernel.nowUs, true);
      if (kernel.busy || pending()) void runMax();
    },
    stop() {
      stopped = true;
    },
    get pendingBytes() {
      return toKernel.pendingBytes + toHost.pendingBytes;
    },
  };
}
