import { Kernel } from '../../kernel/index.js';
import {
  checkLineSettings,
  DEFAULT_BAUD_RATE,
  lineFailure,
  lineOk,
  delay,
  systemClock,
  type FrameSettings,
  type HostClock,
  type LineControl,
  type LineSettings,
} from '../../uart/index.js';
import { startKernelHost, type KernelHost, type Speed } from './kernel-host.js';

export interface ModelBoardOptions {
  readonly seed: bigint;
  /** Calibration profile name; default the kernel's. */
  readonly profile?: string;
  readonly speed: Speed;
  /** Pace the virtual UART at this line speed; default unpaced. */
  readonly line?: FrameSettings;
  /** Everything the kernel prints, as it leaves its UART. */
  readonly emit: (bytes: Uint8Array) => void;
  readonly drained?: () => Promise<void>;
  /** Pacing and BREAK lengths; default the system clock. */
  readonly clock?: HostClock;
}

/** The kernel model as a board on a cable: powered on, reset by BREAK or by DTR. */
export interface ModelBoard {
  /** Bytes arriving at the board's UART; dropped while it is held in reset. */
  receive(bytes: Uint8Array): void;
  stop(): void;
  /** How many times the board has booted (1 after power-on). */
  readonly boots: number;
  /** The kernel is idle and its line empty: it prints nothing more until it is sent something. */
  quiescent(): boolean;
  readonly lineControl: LineControl;
}

/**
 * Boots the model and answers line control as a board with its reset wired to DTR and a
 * BREAK-to-reset monitor would: DTR dropped holds the board in reset (silent, input lost), DTR
 * raised again boots a fresh kernel (same seed, so a reboot prints the same banner); a BREAK holds
 * it in reset for its length, then it boots. Line settings re-pace the virtual line without a reboot.
 */
export function startModelBoard(options: ModelBoardOptions): ModelBoard {
  let line: LineSettings | undefined = options.line && { ...options.line, baudRate: options.line.baud };
  let kernel: Kernel | undefined;
  let host: KernelHost | undefined;
  let dtr = true;
  let rts = true;
  let breaking = false;
  let stopped = false;
  let boots = 0;

  const frame = (): FrameSettings | undefined => line && { ...line, baud: line.baudRate ?? DEFAULT_BAUD_RATE };
  const hostFor = (k: Kernel): KernelHost => startKernelHost({
    kernel: k,
    speed: options.speed,
    emit: options.emit,
    ...(options.drained !== undefined && { drained: options.drained }),
    ...(options.clock !== undefined && { clock: options.clock }),
    line: frame(),
  });
  const holdInReset = (): void => {
    host?.stop();
    host = undefined;
    kernel = undefined;
  };
  const boot = (): void => {
    if (stopped || !dtr || breaking || host !== undefined) return;
    kernel = new Kernel({ seed: options.seed, ...(options.profile !== undefined && { profile: options.profile }) });
    boots += 1;
    host = hostFor(kernel);
  };

  const lineControl: LineControl = {
    async sendBreak(ms) {
      breaking = true;
      holdInReset();
      await delay(options.clock ?? systemClock, ms);
      breaking = false;
      boot();
      return lineOk(undefined);
    },
    async setControlLines(lines) {
      if (lines.rts !== undefined) rts = lines.rts;
      if (lines.dtr !== undefined && lines.dtr !== dtr) {
        dtr = lines.dtr;
        if (dtr) boot();
        else holdInReset();
      }
      return lineOk({ dtr, rts });
    },
    async getModemLines() {
      // The board's RTS and DTR, seen as our CTS and DSR, are up while it runs; it is no modem: DCD on, RI off.
      const running = host !== undefined;
      return lineOk({ cts: running, dsr: running, dcd: true, ri: false });
    },
    async updateSettings(settings) {
      const invalid = checkLineSettings(settings);
      if (invalid !== undefined) return lineFailure('failed', `virtual: ${invalid}`);
      line = { ...line, ...settings };
      if (kernel !== undefined && host !== undefined) {
        // Same kernel, new pacing: nothing reboots. Bytes still on the old line are lost, as when a
        // UART is reprogrammed mid-transfer. An empty receive restarts a running test's pump.
        host.stop();
        host = hostFor(kernel);
        host.receive(new Uint8Array(0));
      }
      return lineOk(line);
    },
    get settings() {
      return line;
    },
    get controlLines() {
      return { dtr, rts };
    },
  };

  boot();
  return {
    receive: (bytes) => host?.receive(bytes),
    stop() {
      stopped = true;
      holdInReset();
    },
    get boots() {
      return boots;
    },
    quiescent: () => kernel !== undefined && host !== undefined && !kernel.busy && host.pendingBytes === 0,
    lineControl,
  };
}
