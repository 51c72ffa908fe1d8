import { createLogWriter, Listeners, type HostClock, type LogWriter, type PortError, type ReconnectState, type SessionLogWriter } from '../../uart/index.js';
import type { LogSpec } from '../connect/index.js';
import type { LogDefaults } from './log-form.js';

/** A port a log can be attached to while the console runs (the console port). */
export interface LoggablePort {
  addLog(writer: LogWriter): () => void;
  onState?(listener: (state: ReconnectState) => void): () => void;
}

export interface RuntimeLogOptions {
  readonly port: LoggablePort;
  /** The `--log` writer, already attached to the port: Ctrl-T l stops it like one started here. */
  readonly initial?: SessionLogWriter;
  /** What the form offers first: the command line's `--log-*` options. */
  readonly defaults?: LogDefaults;
  /** The logs' stamps and flushes; default the system clock. */
  readonly clock?: HostClock;
}

export interface RuntimeLogView {
  /** The file being written, or null. */
  readonly path: string | null;
  /** Its first write failure: the session carries on, the bytes after it are lost. */
  readonly error: string | null;
}

export type StartResult = { readonly ok: true; readonly message: string } | { readonly ok: false; readonly message: string };

/**
 * Ctrl-T l: one log at a time, started and stopped while the console runs, written like `--log`
 * (same writer: buffered, flushed when the link drops, timestamps, stripping, the same error lines).
 */
export class RuntimeLog {
  readonly defaults: LogDefaults;
  private current: { writer: LogWriter; detach: () => void } | undefined;
  private view: RuntimeLogView = { path: null, error: null };
  private readonly listeners = new Listeners<[]>();
  private readonly errorListeners = new Listeners<[PortError]>();
  private startedFailure: PortError | undefined;
  private readonly stopState: () => void;

  constructor(private readonly options: RuntimeLogOptions) {
    this.defaults = options.defaults ?? { strip: false, append: false };
    const { initial } = options;
    if (initial !== undefined) this.attach(initial, () => {}, false);
    // What arrived before a drop reaches the disk at once.
    this.stopState = options.port.onState?.((state) => {
      if (state.status === 'waiting' || state.status === 'disconnected') this.current?.writer.flushSync();
    }) ?? (() => {});
  }

  get = (): RuntimeLogView => this.view;

  subscribe = (listener: () => void): (() => void) => this.listeners.add(listener);

  /** Called at the first write failure of each log, the `--log` one included. */
  onError(listener: (error: PortError) => void): () => void {
    return this.errorListeners.add(listener);
  }

  /** The first write failure of a log started here (the `--log` writer's is reported by its owner). */
  get failure(): PortError | undefined {
    return this.startedFailure;
  }

  get active(): boolean {
    return this.current !== undefined;
  }

  start(spec: LogSpec): StartResult {
    if (this.current !== undefined) return { ok: false, message: `already logging to ${this.view.path}` };
    const opened = createLogWriter({
      path: spec.path,
      append: spec.append,
      strip: spec.strip,
      ...(spec.timestamps !== undefined && { timestamps: spec.timestamps }),
      ...(this.options.clock !== undefined && { clock: this.options.clock }),
    });
    if (!opened.ok) return { ok: false, message: opened.error.message };
    this.attach(opened.writer, this.options.port.addLog(opened.writer), true);
    const how = [spec.timestamps && `timestamps ${spec.timestamps}`, spec.strip && 'ANSI stripped', spec.append && 'appending'].filter(Boolean);
    return { ok: true, message: `logging to ${spec.path}${how.length > 0 ? ` (${how.join(', ')})` : ''}` };
  }

  /** Closes the log; resolves with the line to show, or undefined when none was running. */
  async stop(): Promise<string | undefined> {
    const current = this.current;
    if (current === undefined) return undefined;
    this.current = undefined;
    current.detach();
    await current.writer.close();
    this.set({ path: null, error: null });
    return `log ${current.writer.path} closed (${current.writer.bytesWritten} bytes)`;
  }

  /** Writes what is buffered, synchronously: for exit handlers. */
  flushSync(): void {
    this.current?.writer.flushSync();
  }

  /** Stops the log started here, if any (the `--log` writer is closed by its owner). */
  async close(): Promise<void> {
    this.stopState();
    const current = this.current;
    if (current === undefined || current.writer === this.options.initial) return;
    this.current = undefined;
    current.detach();
    await current.writer.close();
  }

  private attach(writer: SessionLogWriter, detach: () => void, startedHere: boolean): void {
    this.current = { writer, detach };
    writer.onError((error) => {
      if (startedHere) this.startedFailure ??= error;
      if (this.current?.writer === writer) this.set({ ...this.view, error: error.message });
      this.errorListeners.emit(error);
    });
    this.set({ path: writer.path, error: writer.error?.message ?? null });
  }

  private set(view: RuntimeLogView): void {
    this.view = view;
    this.listeners.emit();
  }
}
