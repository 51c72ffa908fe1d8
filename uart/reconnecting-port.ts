import { forwardLineControl } from './forward-line-control.js';
import { Listeners } from './listeners.js';
import { isPortError, portError, type BytePort, type PortError } from './port.js';
import { systemClock, type HostClock } from './host-clock.js';
import type { ReconnectState, Traffic } from './reconnect-state.js';

export type { ReconnectState, Traffic } from './reconnect-state.js';

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
  /** Retry timers and `retryAtMs`. Default the system clock. */
  readonly clock?: HostClock;
}

export interface ReconnectingPort extends BytePort {
  readonly state: ReconnectState;
  readonly traffic: Traffic;
  onState(listener: (state: ReconnectState) => void): () => void;
}


/**
 * A BytePort that survives the other end going away (a board reset, a USB cable pulled, QEMU
 * restarted). `open()` resolves at the first connection; with `reconnect: true` it keeps trying
 * until then. Writes while no connection is up are dropped and counted in the state.
 */
export function createReconnectingPort(options: ReconnectingPortOptions): ReconnectingPort {
  const clock = options.clock ?? systemClock;
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
  /** The console asked to stop reading: a new connection starts paused too. */
  let paused = false;
  let started = false;
  let firstOpen: { resolve: () => void; reject: (error: PortError) => void } | undefined;
  let closedPromise: Promise<void> | undefined;
  let rxBytes = 0;
  let txBytes = 0;

  let lastDescription = options.description ?? 'reconnecting port';
  const describe = (): string => current?.description ?? lastDescription;
  const lineControl = forwardLineControl(() => (state.status === 'connected' ? current : undefined), describe);

  const setState = (next: ReconnectState): void => {
    state = next;
    stateListeners.emit(next);
  };

  const finish = (reason: PortError | undefined): void => {
    if (state.status === 'disconnected') return;
    if (timer !== undefined) clock.clearTimer(timer);
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
      status: 'waiting', attempt, delayMs, retryAtMs: clock.now() + delayMs,
      lastError: error, droppedBytes: state.droppedBytes,
    });
    timer = clock.setTimer(() => {
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
      rxBytes += chunk.length;
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
        if (paused) port.pause?.();
        lineControl.reconnected(port);
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
    get traffic() {
      return { rxBytes, txBytes };
    },
    lineControl,

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
        txBytes += data.length;
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

    pause() {
      paused = true;
      current?.pause?.();
    },

    resume() {
      paused = false;
      current?.resume?.();
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
