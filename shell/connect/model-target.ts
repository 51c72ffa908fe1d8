import { Kernel } from '../../kernel/index.js';
import { createVirtualPair, unsupportedLineControl, type BytePort, type FrameSettings, type HostClock } from '../../uart/index.js';
import { startKernelHost, type Speed } from './kernel-host.js';
import { startModelBoard, type ModelBoard } from './model-board.js';

export interface ModelTargetOptions {
  /** Kernel-wide seed; default a random one, so unseeded sessions differ like real boots. */
  seed?: bigint;
  /** Default `max`. */
  speed?: Speed;
  /** The kernel model's calibration profile (default `report`). */
  profile?: string;
  /** Pace the virtual UART at this line speed, on virtual time. Default: unpaced. */
  line?: FrameSettings;
  /** The wall time the model's pacing follows, and its timers. Default the system clock. */
  clock?: HostClock;
}

/** The model's port also tells when the kernel has nothing more to say until it is sent something. */
export type ModelPort = BytePort & { quiescent(): boolean };

export interface ModelTarget {
  readonly port: ModelPort;
  readonly seed: bigint;
}

export function randomSeed(): bigint {
  return BigInt(Math.floor(Math.random() * 2 ** 48));
}

/**
 * The embedded default: the kernel model served on a virtual serial pair, as a board that a BREAK
 * or a DTR pulse reboots (see startModelBoard); its line control is the port's.
 */
export function createModelTarget(options: ModelTargetOptions = {}): ModelTarget {
  const seed = options.seed ?? randomSeed();
  let board: ModelBoard | undefined;
  // Bytes the kernel printed and the port has not delivered yet (they cross the virtual pair).
  let inFlight = 0;
  const pair = createVirtualPair({ onHostWrite: (bytes) => board?.receive(bytes) });
  pair.port.onData((chunk) => (inFlight -= chunk.length));
  const notOpen = unsupportedLineControl('virtual', 'the port is not open');
  const port: ModelPort = {
    ...pair.port,
    description: 'virtual',
    get lineControl() {
      return board?.lineControl ?? notOpen;
    },
    quiescent: () => board !== undefined && inFlight === 0 && board.quiescent(),
    async open() {
      await pair.port.open();
      board = startModelBoard({
        seed,
        ...(options.profile !== undefined && { profile: options.profile }),
        speed: options.speed ?? 'max',
        emit: (bytes) => {
          inFlight += bytes.length;
          pair.device.emit(bytes);
        },
        drained: () => pair.device.flushed(),
        ...(options.line !== undefined && { line: options.line }),
        ...(options.clock !== undefined && { clock: options.clock }),
      });
    },
    async close() {
      board?.stop();
      await pair.port.close();
    },
  };
  return { port, seed };
}

export interface HeadlessModelOptions extends ModelTargetOptions {
  /** Everything the kernel prints, as it leaves its UART. */
  emit: (bytes: Uint8Array) => void;
  drained?: () => Promise<void>;
}

export interface HeadlessModel {
  readonly seed: bigint;
  /** Bytes typed at the kernel's UART. */
  receive(bytes: Uint8Array): void;
  /**
   * Shows the prompt again when the kernel is idle (a client connected after it was printed),
   * through `send` (default: the UART, to everyone).
   */
  showPrompt(send?: (bytes: Uint8Array) => void): void;
  stop(): void;
}

/** What the kernel's shell prints for an empty line: a fresh prompt. */
const PROMPT_AGAIN = new Uint8Array(Buffer.from('\r\nsis> ', 'latin1'));

/** The kernel model booted with no port of its own, for `sis serve`: its UART is whatever `emit` feeds. */
export function startHeadlessModel(options: HeadlessModelOptions): HeadlessModel {
  const seed = options.seed ?? randomSeed();
  const kernel = new Kernel({ seed, ...(options.profile !== undefined && { profile: options.profile }) });
  const host = startKernelHost({
    kernel,
    speed: options.speed ?? 'realtime',
    emit: options.emit,
    drained: options.drained,
    line: options.line,
    ...(options.clock !== undefined && { clock: options.clock }),
  });
  return {
    seed,
    receive: (bytes) => host.receive(bytes),
    showPrompt: (send = options.emit) => {
      if (!kernel.busy && host.pendingBytes === 0) send(PROMPT_AGAIN);
    },
    stop: () => host.stop(),
  };
}
