import { Listeners } from './listeners.js';
import { isPortError, portError, type BytePort, type PortError } from './port.js';

/** Every state carries `droppedBytes`: host writes discarded while no connection was up. */
export type ReconnectState =
  /** `attempt` counts from 1 since the last connection was up; 0 before `open()`. */
  | { readonly status: 'connecting'; readonly attempt: number; readonly droppedBytes: number }
  | { readonly status: 'connected'; readonly droppedBytes: number }
  | {
      readonly status: 'waiting';
      /** The attempt that runs at `retryAtMs`, counted since the last connection was up. */
      readonly attempt: number;
      readonly retryAtMs: number;
      readonly delayMs: number;
      readonly lastError: PortError;
      readonly droppedBytes: number;
    }
  /** Final: closed by the host (`reason` undefined) or for good with `reconnect: false`. */
  | { readonly status: 'disconnected'; readonly reason?: PortError; readonly droppedBytes: number };

export interface ReconnectTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Milliseconds, for `retryAtMs`. */
  now(): number;
}

export interface ReconnectingPortOptions {
  /** Makes a fresh, unopened port for each attempt. */
  readonly connect: () => BytePort;
  /** Shown while no port exists yet; later the current port's own description. */
  readonly description?: string;
  /** Default true. With false the first failure or disconnect closes this port for good. */
  readonly reconnect?: boolean;
  /** First wait after a failure. Default 100 ms; doubles per failed attempt. */
  readonly initialDelayMs?: number;
  /** Default 2000 ms. */
  readonly maxDelayMs?: number;
  /** Default: the global timers and Date.now. */
  readonly timers?: ReconnectTimers;
}

export interface ReconnectingPort extends BytePort {
  readonly state: ReconnectState;
  onState(listener: (state: ReconnectState) => void): () => void;
}

const realTimers: ReconnectTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/**
 * A BytePort that survives the other end going away (a board reset, a USB cable pulled, QEMU
 * restarted). `open()` resolves at the first connection; with `reconnect: true` it keeps trying
 * until then. Writes while no connection is up are dropped and counted in the state.
 */
export function createReconnectingPort(options: ReconnectingPortOptions): ReconnectingPort {
  const timers = options.timers ?? realTimers;
  const reconnect = options.reconnect ?? true;
  const initialDelayMs = options.initialDelayMs ?? 100;
  const maxDelayMs = options.maxDelayMs ?? 2000;
  const dataListeners = new Listeners<[Uint8Array]>();
  const closeListeners = new Listeners<[PortError | undefined]>();
  const stateListeners = new Listeners<[ReconnectState]>();
  let state: ReconnectState = { status: 'connecting', attempt: 0, droppedBytes: 0 };
  let current: BytePort | undefined;
  /** Attempts since the last connection was made, the current one included. */
  let attempts = 0;
  /** Waits since the last connection was made; the next wait is initialDelayMs × 2^waits. */
  let waits = 0;
  let timer: unknown;
  let hostClosed = false;
  let started = false;
  let firstOpen: { resolve: () => void; reject: (error: PortError) => void } | undefined;
  let closedPromise: Promise<void> | undefined;

  let lastDescription = options.description ?? 'reconnecting port';
  const describe = (): string => current?.description ?? lastDescription;

  const setState = (next: ReconnectState): void => {
    state = next;
    stateListeners.emit(next);
  };

  const finish = (reason: PortError | undefined): void => {
    if (state.status === 'disconnected') return;
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    setState({ status: 'disconnected', reason, droppedBytes: state.droppedBytes });
    closeListeners.emit(reason);
  };

  const failed = (error: PortError): void => {
    if (!reconnect) {
      if (firstOpen !== undefined) {
        firstOpen.reject(error);
        firstOpen = undefined;
        setState({ status: 'disconnected', reason: error, droppedBytes: state.droppedBytes });
      } else finish(error);
      return;
    }
    const delayMs = Math.min(initialDelayMs * 2 ** waits, maxDelayMs);
    waits += 1;
    const attempt = attempts + 1;
    setState({
      status: 'waiting', attempt, delayMs, retryAtMs: timers.now() + delayMs,
      lastError: error, droppedBytes: state.droppedBytes,
    });
    timer = timers.setTimeout(() => {
      timer = undefined;
      attemptConnect();
    }, delayMs);
  };

  const attemptConnect = (): void => {
    if (hostClosed) return;
    attempts += 1;
    setState({ status: 'connecting', attempt: attempts, droppedBytes: state.droppedBytes });
    const port = options.connect();
    current = port;
    lastDescription = port.description;
    const live = (): boolean => current === port && !hostClosed;
    port.onData((chunk) => {
      if (!live()) return;
      // A connection that delivers data is a working one: the next failure starts a fresh backoff.
      waits = 0;
      dataListeners.emit(chunk);
    });
    port.onClose((reason) => {
      if (!live() || state.status !== 'connected') return;
      current = undefined;
      failed(reason ?? portError('disconnected', `${port.description}: closed`));
    });
    port.open().then(
      () => {
        if (!live()) {
          void port.close();
          return;
        }
        // Backoff restarts only once data arrives: a server that accepts and at once closes (a
        // busy `sis serve`) is retried ever more slowly, like any failed connect.
        attempts = 0;
        setState({ status: 'connected', droppedBytes: state.droppedBytes });
        firstOpen?.resolve();
        firstOpen = undefined;
      },
      (error: unknown) => {
        if (!live()) return;
        current = undefined;
        failed(isPortError(error) ? error : portError('io', `${port.description}: ${String(error)}`));
      },
    );
  };

  return {
    get description() {
      return describe();
    },
    get state() {
      return state;
    },

    open() {
      if (started) return Promise.reject(portError('io', 'open() called twice'));
      started = true;
      return new Promise<void>((resolve, reject) => {
        firstOpen = { resolve, reject };
        attemptConnect();
      });
    },

    write(data) {
      if (data.length === 0) return;
      if (state.status === 'connected' && current !== undefined) {
        current.write(data);
        return;
      }
      if (state.status === 'disconnected') return;
      state = { ...state, droppedBytes: state.droppedBytes + data.length };
      stateListeners.emit(state);
    },

    drain() {
      return state.status === 'connected' && current !== undefined ? current.drain() : Promise.resolve();
    },

    close() {
      if (closedPromise !== undefined) return closedPromise;
      hostClosed = true;
      const port = current;
      current = undefined;
      if (firstOpen !== undefined) {
        firstOpen.reject(portError('disconnected', `${describe()}: closed before connecting`));
        firstOpen = undefined;
      }
      closedPromise = (port !== undefined ? port.close() : Promise.resolve()).then(() => finish(undefined));
      return closedPromise;
    },

    onData(listener) {
      return dataListeners.add(listener);
    },
    onClose(listener) {
      return closeListeners.add(listener);
    },
    onState(listener) {
      return stateListeners.add(listener);
    },
  };
}
