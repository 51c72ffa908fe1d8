import { createConnection, type Socket } from 'node:net';
import { formatEndpoint, type TcpEndpoint, type UnixEndpoint } from './endpoint.js';
import { Listeners } from './listeners.js';
import { WriteTracker } from './write-tracker.js';
import { portError, type BytePort, type PortError } from './port.js';
import { socketErrorToPortError } from './socket-errors.js';
import { createBusyFilter } from './busy-filter.js';
import { systemClock, type HostClock } from './host-clock.js';

export interface SocketPortOptions {
  readonly endpoint: TcpEndpoint | UnixEndpoint;
  /** Give up connecting after this long. Default 5000 ms. */
  readonly connectTimeoutMs?: number;
  /** After `close()`, wait this long for the peer to finish before resetting. Default 1000 ms. */
  readonly closeTimeoutMs?: number;
  /** Timers run on it; default the system clock. */
  readonly clock?: HostClock;
}

type Phase = 'idle' | 'connecting' | 'open' | 'closed';

/**
 * A client of a tcp: or unix: byte stream (QEMU `-serial tcp:…,server`, ser2net, `sis serve`).
 * A failed `open()` only rejects; the `close` listeners run when the host closes the port (even
 * before or during `open()`) or when an open connection ends.
 */
export function createSocketPort(options: SocketPortOptions): BytePort {
  const { endpoint } = options;
  const description = formatEndpoint(endpoint);
  const host = endpoint.kind === 'tcp' ? endpoint.host : undefined;
  const connectTimeoutMs = options.connectTimeoutMs ?? 5000;
  const closeTimeoutMs = options.closeTimeoutMs ?? 1000;
  const clock = options.clock ?? systemClock;
  const dataListeners = new Listeners<[Uint8Array]>();
  const closeListeners = new Listeners<[PortError | undefined]>();
  let phase: Phase = 'idle';
  let socket: Socket | undefined;
  let hostClosing = false;
  let lastError: PortError | undefined;
  const writes = new WriteTracker();
  let closed: Promise<void> | undefined;
  let resolveClosed: () => void = () => {};
  const busy = createBusyFilter();

  const finish = (reason: PortError | undefined): void => {
    if (phase === 'closed') return;
    phase = 'closed';
    writes.release();
    closeListeners.emit(reason);
    resolveClosed();
  };

  return {
    description,

    open() {
      if (phase !== 'idle') return Promise.reject(portError('io', `${description}: open() called twice`));
      phase = 'connecting';
      return new Promise<void>((resolve, reject) => {
        const s = endpoint.kind === 'tcp'
          ? createConnection({ host: endpoint.host, port: endpoint.port })
          : createConnection({ path: endpoint.path });
        socket = s;
        let timer: unknown;
        const failOpen = (error: PortError): void => {
          clock.clearTimer(timer);
          if (phase !== 'connecting') return;
          phase = 'closed';
          if (hostClosing) closeListeners.emit(undefined);
          resolveClosed();
          reject(error);
        };
        timer = clock.setTimer(() => {
          s.destroy();
          failOpen(portError('unreachable', `${description}: connection timed out after ${connectTimeoutMs / 1000} s`));
        }, connectTimeoutMs);
        s.once('connect', () => {
          clock.clearTimer(timer);
          if (phase !== 'connecting') return;
          phase = 'open';
          if (endpoint.kind === 'tcp') s.setNoDelay(true);
          resolve();
        });
        s.on('data', (chunk: Buffer) => {
          if (phase !== 'open' || chunk.length === 0) return;
          const passed = busy.push(chunk);
          if (passed.length > 0) dataListeners.emit(passed);
        });
        s.on('error', (error: NodeJS.ErrnoException) => {
          const mapped = socketErrorToPortError(description, error, host);
          if (phase === 'connecting') failOpen(mapped);
          else lastError ??= mapped;
        });
        s.on('close', () => {
          clock.clearTimer(timer);
          if (phase === 'connecting') {
            failOpen(hostClosing
              ? portError('disconnected', `${description}: closed before the connection was made`)
              : portError('disconnected', `${description}: connection closed by the remote end`));
            return;
          }
          if (hostClosing) finish(undefined);
          else if (busy.refusal !== null) finish(portError('refused', `${description}: ${busy.refusal}`));
          else finish(lastError ?? portError('disconnected', `${description}: connection closed by the remote end`));
        });
      });
    },

    write(data) {
      if (phase !== 'open' || hostClosing || socket === undefined || data.length === 0) return;
      socket.write(Buffer.from(data), writes.begin());
    },

    drain() {
      return phase === 'open' ? writes.drained() : Promise.resolve();
    },

    close() {
      if (closed !== undefined) return closed;
      closed = new Promise<void>((resolve) => { resolveClosed = resolve; });
      hostClosing = true;
      if (phase === 'idle') finish(undefined);
      else if (phase === 'connecting') socket?.destroy();
      else if (phase === 'open' && socket !== undefined) {
        const s = socket;
        const timer = clock.setTimer(() => s.destroy(), closeTimeoutMs);
        s.once('close', () => clock.clearTimer(timer));
        s.end();
      } else resolveClosed();
      return closed;
    },

    onData(listener) {
      return dataListeners.add(listener);
    },

    pause: () => void socket?.pause(),
    resume: () => void socket?.resume(),

    onClose(listener) {
      return closeListeners.add(listener);
    },
  };
}
