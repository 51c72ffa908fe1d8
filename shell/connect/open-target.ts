import {
  createLogWriter,
  createReconnectingPort,
  createSerialDevicePort,
  createSocketPort,
  createTelnetPort,
  DEFAULT_BAUD_RATE,
  formatEndpoint,
  isPortError,
  portError,
  type BytePort,
  type SessionLogWriter,
  type PortError,
  type ReconnectingPort,
  systemClock,
  type HostClock,
} from '../../uart/index.js';
import type { Speed } from './kernel-host.js';
import { createModelTarget, randomSeed } from './model-target.js';
import type { ConnectOptions, TargetSpec } from './connect-options.js';
import { createConsolePort, type ConsolePort } from './console-port.js';
import { afterConnect } from './after-connect.js';
import { readSendFile } from './send-file.js';

export interface OpenTargetOptions extends ConnectOptions {
  /** The model's speed when the target does not name one. */
  readonly defaultSpeed: Speed;
  /** First wait before a retry; default 100 ms, doubling per failed attempt up to `maxDelayMs`. */
  readonly initialDelayMs?: number;
  /** Default 2000 ms. */
  readonly maxDelayMs?: number;
  /** Where `--send` reports what it sent (one line). Default: nowhere. */
  readonly say?: (line: string) => void;
  /** Retries, the log's stamps and flushes, and the model's pacing run on it. Default the system clock. */
  readonly clock?: HostClock;
}

/** An open console link: the port to hand to plain mode, the TUI or `sis run`. */
export interface Connection {
  /** Line endings mapped, received bytes logged; `state`/`onState` tell the connection state. */
  readonly port: ConsolePort;
  readonly target: TargetSpec;
  /** The kernel's seed when the target is the embedded model. */
  readonly seed: bigint | undefined;
  readonly log: SessionLogWriter | undefined;
  /** The clock the link runs on (its `retryAtMs` included): the console's views use it too. */
  readonly clock: HostClock;
  /** Closes the port, then flushes and closes the log. */
  close(): Promise<void>;
}

export type OpenTargetResult =
  | { readonly ok: true; readonly connection: Connection }
  /** `status` 2: the log could not be opened (nothing was started); 1: the target could not be reached. */
  | { readonly ok: false; readonly status: 1 | 2; readonly message: string };

/** A fresh, unopened port for each connection attempt; the model runs on `clock`. */
export function portFactory(target: TargetSpec, speed: Speed, seed: bigint, clock: HostClock = systemClock): () => BytePort {
  switch (target.kind) {
    case 'model': {
      const line = target.line;
      return () => createModelTarget({
        seed,
        speed: target.speed ?? speed,
        clock,
        ...(target.profile !== undefined && { profile: target.profile }),
        ...(line !== undefined && { line: { ...line, baud: line.baudRate ?? DEFAULT_BAUD_RATE } }),
      }).port;
    }
    case 'device':
      return () => createSerialDevicePort({ path: target.path, ...target.line, clock });
    case 'socket':
      return () => createSocketPort({ endpoint: target.endpoint, clock });
    case 'telnet':
      return () => createTelnetPort({ endpoint: target.endpoint, line: target.line, clock });
  }
}

export function describeTarget(target: TargetSpec): string {
  switch (target.kind) {
    case 'model':
      return 'virtual';
    case 'device':
      return target.path;
    case 'socket':
    case 'telnet':
      return formatEndpoint(target.endpoint);
  }
}

/**
 * Opens the log, then the target, and resolves once the first connection is up; only then is the
 * log emptied and written (a target that cannot be reached leaves it as it was). The first
 * connection must succeed; after that a dropped link is retried (`reconnect`) or ends the port.
 * The embedded model never drops.
 */
export async function openTarget(options: OpenTargetOptions): Promise<OpenTargetResult> {
  const { target } = options;
  const clock = options.clock ?? systemClock;
  let log: SessionLogWriter | undefined;
  if (options.log !== undefined) {
    const opened = createLogWriter({
      path: options.log.path,
      append: options.log.append,
      strip: options.log.strip,
      deferStart: true,
      clock,
      ...(options.log.timestamps !== undefined && { timestamps: options.log.timestamps }),
    });
    if (!opened.ok) return { ok: false, status: 2, message: opened.error.message };
    log = opened.writer;
  }
  const sendPath = options.lineFlags?.sendFile;
  const toSend = sendPath === undefined ? undefined : await readSendFile(sendPath);
  if (toSend !== undefined && !toSend.ok) {
    await log?.close();
    return { ok: false, status: 2, message: toSend.message };
  }
  const seed = target.kind === 'model' ? target.seed ?? randomSeed() : undefined;
  const makePort = portFactory(target, options.defaultSpeed, seed ?? 0n, clock);
  let current: (BytePort & { quiescent?(): boolean }) | undefined;
  const reconnecting = createReconnectingPort({
    connect: () => (current = makePort()),
    description: describeTarget(target),
    clock,
    reconnect: target.kind !== 'model' && options.reconnect,
    ...(options.initialDelayMs !== undefined && { initialDelayMs: options.initialDelayMs }),
    ...(options.maxDelayMs !== undefined && { maxDelayMs: options.maxDelayMs }),
  });
  // What arrived before a drop reaches the disk at once.
  reconnecting.onState((state) => {
    if (state.status === 'waiting' || state.status === 'disconnected') log?.flushSync();
  });
  const port = createConsolePort({
    port: reconnecting,
    enter: options.enter,
    incomingCr: options.incomingCr,
    ...(options.lfToCrlf === true && { lfToCrlf: true }),
    ...(options.delToBs === true && { delToBs: true }),
    log,
    ...(target.kind === 'model' && { quiescent: () => current?.quiescent?.() === true }),
  });
  const failure = await connectFirst(port);
  if (failure !== undefined) {
    await port.close();
    await log?.abandon();
    return { ok: false, status: 1, message: failure.message };
  }
  log?.start();
  const failed = await afterConnect(reconnecting, {
    flags: options.lineFlags,
    toSend: toSend?.ok === true ? toSend.bytes : undefined,
    line: 'line' in target ? target.line : undefined,
    ...(options.say !== undefined && { say: options.say }),
    discardReceived: () => port.discardHeld(),
    clock,
  });
  if (failed !== undefined) {
    await port.close();
    await log?.close();
    return { ok: false, status: 1, message: failed };
  }
  return {
    ok: true,
    connection: {
      port,
      target,
      seed,
      log,
      clock,
      async close() {
        await port.close();
        await log?.close();
      },
    },
  };
}

/**
 * Opens `port` and resolves once it is connected (undefined) or with the first failure: a
 * reconnecting port scheduling a retry counts as one. The caller closes the port on failure.
 */
export function connectFirst(port: ReconnectingPort): Promise<PortError | undefined> {
  return new Promise((resolve) => {
    const stop = port.onState((state) => {
      if (state.status !== 'waiting') return;
      stop();
      resolve(state.lastError);
    });
    port.open().then(
      () => {
        stop();
        resolve(undefined);
      },
      (error: unknown) => {
        stop();
        resolve(isPortError(error) ? error : portError('io', String(error)));
      },
    );
  });
}
