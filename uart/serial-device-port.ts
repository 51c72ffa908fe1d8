import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import type { SerialPort } from 'serialport';
import { hangupSafeBinding, type BindingLike } from './hangup-safe-binding.js';
import { createSerialLineControl } from './serial-line-control.js';
import type { HostClock } from './host-clock.js';
import { checkLineSettings, DEFAULT_BAUD_RATE, type LineSettings } from './line-settings.js';
import { Listeners } from './listeners.js';
import { WriteTracker } from './write-tracker.js';
import { isPortError, portError, type BytePort, type PortError } from './port.js';
import { deviceStatErrorToPortError, serialOpenErrorToPortError } from './serial-errors.js';

export interface SerialDevicePortOptions extends LineSettings {
  /** Device path, e.g. `/dev/ttyUSB0`, `/dev/serial/by-id/…`, or a pty link. */
  readonly path: string;
  /** Take an exclusive lock (TIOCEXCL + flock) so a second program cannot open it. Default true. */
  readonly lock?: boolean;
  /** The BREAK's hold runs on it; default the system clock. */
  readonly clock?: HostClock;
}

type Phase = 'idle' | 'opening' | 'open' | 'closed';
type SerialPortOptions = ConstructorParameters<typeof SerialPort>[0];

let binding: BindingLike | undefined;

/** serialport and its native binding load on first use, so the model's start-up never pays for them. */
async function loadSerialPort(): Promise<{ SerialPort: typeof SerialPort; binding: BindingLike }> {
  const { SerialPort: Port } = await import('serialport');
  binding ??= hangupSafeBinding(Port.binding as unknown as BindingLike);
  return { SerialPort: Port, binding };
}

/**
 * A real serial device through serialport's native binding. Modem lines are touched only when
 * asked for through `lineControl` (ptys reject those ioctls). A failed `open()` only rejects; the
 * `close` listeners run when the host closes the port or when the open device goes away.
 */
export function createSerialDevicePort(options: SerialDevicePortOptions): BytePort {
  const { path } = options;
  const dataListeners = new Listeners<[Uint8Array]>();
  const closeListeners = new Listeners<[PortError | undefined]>();
  let phase: Phase = 'idle';
  let device: SerialPort | undefined;
  let hostClosing = false;
  const writes = new WriteTracker();
  let closed: Promise<void> | undefined;
  let resolveClosed: () => void = () => {};

  const finish = (reason: PortError | undefined): void => {
    if (phase === 'closed') return;
    phase = 'closed';
    writes.release();
    closeListeners.emit(reason);
    resolveClosed();
  };

  const disconnected = (): PortError => portError('disconnected', `${path}: device disconnected`);

  async function openDevice(): Promise<void> {
    const invalid = checkLineSettings(options);
    if (invalid !== undefined) throw portError('io', `cannot open ${path}: ${invalid}`);
    if (process.platform !== 'win32') await checkDeviceNode(path);
    const parity = options.parity ?? 'none';
    if ((parity === 'mark' || parity === 'space') && process.platform !== 'win32') {
      throw portError('io', `cannot open ${path}: ${parity} parity is not supported on this system`);
    }
    const flow = options.flow ?? 'none';
    const { SerialPort: Port, binding: safeBinding } = await loadSerialPort();
    const settings: SerialPortOptions & { binding: BindingLike } = {
      binding: safeBinding,
      path,
      baudRate: options.baudRate ?? DEFAULT_BAUD_RATE,
      dataBits: options.dataBits ?? 8,
      parity,
      stopBits: options.stopBits ?? 1,
      rtscts: flow === 'rtscts',
      xon: flow === 'xonxoff',
      xoff: flow === 'xonxoff',
      lock: options.lock ?? true,
      autoOpen: false,
    };
    const port = new Port(settings as SerialPortOptions);
    device = port;
    // Errors after open (a failed write, a vanished device) end in a 'close' event; this
    // listener keeps them from being thrown as unhandled 'error' events.
    port.on('error', () => {});
    await new Promise<void>((resolve, reject) => {
      port.open((error) => (error ? reject(serialOpenErrorToPortError(path, error)) : resolve()));
    });
    phase = 'open';
    port.on('data', (chunk: Buffer) => {
      if (phase === 'open' && chunk.length > 0) dataListeners.emit(chunk);
    });
    port.on('close', () => finish(hostClosing ? undefined : disconnected()));
  }

  return {
    description: path,
    lineControl: createSerialLineControl(path, () => (phase === 'open' ? device : undefined), options, options.clock),

    async open() {
      if (phase !== 'idle') throw portError('io', `${path}: open() called twice`);
      phase = 'opening';
      try {
        await openDevice();
      } catch (error) {
        phase = 'closed';
        if (hostClosing) closeListeners.emit(undefined);
        resolveClosed();
        throw error;
      }
      if (hostClosing) {
        device?.close(() => finish(undefined));
        throw portError('disconnected', `${path}: closed before the device was opened`);
      }
    },

    write(data) {
      if (phase !== 'open' || hostClosing || device === undefined || data.length === 0) return;
      device.write(Buffer.from(data), writes.begin());
    },

    async drain() {
      if (phase !== 'open') return;
      await writes.drained();
      const port = device;
      if (phase !== 'open' || port === undefined) return;
      // tcdrain: wait until the UART has shifted the bytes out; errors mean the port closed.
      await new Promise<void>((resolve) => port.drain(() => resolve()));
    },

    close() {
      if (closed !== undefined) return closed;
      closed = new Promise<void>((resolve) => { resolveClosed = resolve; });
      hostClosing = true;
      if (phase === 'idle') finish(undefined);
      else if (phase === 'open' && device?.isOpen === true) device.close(() => finish(undefined));
      else if (phase === 'open') finish(undefined);
      else if (phase === 'closed') resolveClosed();
      return closed;
    },

    onData(listener) {
      return dataListeners.add(listener);
    },

    pause: () => void device?.pause(),
    resume: () => void device?.resume(),

    onClose(listener) {
      return closeListeners.add(listener);
    },
  };
}

/** Rejects with a PortError unless `path` is a character device this process may read and write. */
async function checkDeviceNode(path: string): Promise<void> {
  try {
    const info = await stat(path);
    if (!info.isCharacterDevice()) throw portError('not-a-tty', `${path}: is not a tty`);
    await access(path, constants.R_OK | constants.W_OK);
  } catch (error) {
    if (isPortError(error)) throw error;
    throw deviceStatErrorToPortError(path, error as NodeJS.ErrnoException);
  }
}
