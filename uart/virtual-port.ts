// @ts-ignore -- the package's "exports" map hides its types from ESM importers; typed below.
import { MockBinding as untypedMockBinding } from '@serialport/binding-mock';
import { SerialPortStream } from '@serialport/stream';
import type { SerialPortMock } from 'serialport';
import { Listeners } from './listeners.js';
import { WriteTracker } from './write-tracker.js';
import type { BytePort, PortError } from './port.js';

const MockBinding = untypedMockBinding as (typeof SerialPortMock)['binding'];
type MockPort = NonNullable<InstanceType<typeof SerialPortMock>['port']>;

/** Device→host chunk size: the mock binding concatenates buffers, so a burst goes out one read-sized chunk per turn. */
export const VIRTUAL_CHUNK_BYTES = 64 * 1024;

export interface VirtualPairOptions {
  /** Called with every byte the host writes, in order. */
  onHostWrite: (bytes: Uint8Array) => void;
  /** Mock device path; default a fresh `/dev/sis-virtual-N`. */
  path?: string;
  baudRate?: number;
}

/** The device side of a virtual pair: what the model prints goes in here. */
export interface VirtualDevice {
  emit(bytes: Uint8Array): void;
  /** Resolves once every emitted byte has been handed to the host side. */
  flushed(): Promise<void>;
}

export interface VirtualPair {
  readonly port: BytePort;
  readonly device: VirtualDevice;
}

let pairCount = 0;

/**
 * A serial pair on serialport's stream with its mock binding: the host side is a real
 * `SerialPortMock` stream, the device side feeds it through `emitData`. The mock has no write hook,
 * so the opened binding's `write` is wrapped to hand host bytes to the device model.
 */
export function createVirtualPair(options: VirtualPairOptions): VirtualPair {
  const path = options.path ?? `/dev/sis-virtual-${++pairCount}`;
  // The stream and the mock binding directly, not serialport's SerialPortMock: the model never
  // needs serialport's native binding, which would cost start-up time to load.
  MockBinding.createPort(path, { echo: false, record: false, maxReadSize: 65536 });
  const serial = new SerialPortStream({ binding: MockBinding, path, baudRate: options.baudRate ?? 115200, autoOpen: false });
  const dataListeners = new Listeners<[Uint8Array]>();
  const closeListeners = new Listeners<[PortError | undefined]>();
  const queue: Uint8Array[] = [];
  let queuedBytes = 0;
  let pumping = false;
  let closed = false;
  const flushWaiters: Array<() => void> = [];
  const writes = new WriteTracker();

  serial.on('data', (chunk: Buffer) => dataListeners.emit(chunk));

  const pump = (): void => {
    const binding = serial.port as MockPort | undefined;
    if (closed || !binding || queue.length === 0) {
      pumping = false;
      if (queue.length === 0 || closed) for (const resolve of flushWaiters.splice(0)) resolve();
      return;
    }
    binding.emitData(takeChunk());
    setImmediate(pump);
  };

  const takeChunk = (): Buffer => {
    const parts: Uint8Array[] = [];
    let size = 0;
    while (queue.length > 0 && size < VIRTUAL_CHUNK_BYTES) {
      const head = queue[0]!;
      const room = VIRTUAL_CHUNK_BYTES - size;
      if (head.length <= room) {
        parts.push(queue.shift()!);
        size += head.length;
      } else {
        parts.push(head.subarray(0, room));
        queue[0] = head.subarray(room);
        size += room;
      }
    }
    queuedBytes -= size;
    return parts.length === 1 ? Buffer.from(parts[0]!) : Buffer.concat(parts, size);
  };

  const device: VirtualDevice = {
    emit(bytes) {
      if (closed || bytes.length === 0) return;
      queue.push(bytes);
      queuedBytes += bytes.length;
      if (!pumping && serial.isOpen) {
        pumping = true;
        setImmediate(pump);
      }
    },
    flushed() {
      if (queuedBytes === 0 && !pumping) return Promise.resolve();
      return new Promise((resolve) => flushWaiters.push(resolve));
    },
  };

  const port: BytePort = {
    description: 'virtual',
    open: () =>
      new Promise((resolve, reject) => {
        serial.open((error) => {
          if (error) return reject({ kind: 'io', message: `virtual port: ${error.message}` });
          const binding = serial.port as MockPort;
          const write = binding.write.bind(binding);
          binding.write = (buffer: Buffer) => {
            const done = write(buffer);
            options.onHostWrite(Uint8Array.from(buffer));
            return done;
          };
          if (queue.length > 0) {
            pumping = true;
            setImmediate(pump);
          }
          resolve();
        });
      }),
    write(data) {
      if (closed || !serial.isOpen) return;
      serial.write(Buffer.from(data), writes.begin());
    },
    drain: () => writes.drained(),
    close: async () => {
      if (closed) return;
      closed = true;
      queue.length = 0;
      queuedBytes = 0;
      if (serial.isOpen) await new Promise<void>((resolve) => serial.close(() => resolve()));
      for (const resolve of flushWaiters.splice(0)) resolve();
      writes.release();
      closeListeners.emit(undefined);
    },
    onData: (listener) => dataListeners.add(listener),
    onClose: (listener) => closeListeners.add(listener),
  };
  return { port, device };
}
