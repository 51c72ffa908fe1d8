import { systemClock, type BytePort, type HostClock, type ReconnectState } from '../../uart/index.js';
import { Conversation, type ConversationOptions } from './conversation.js';
import type { TerminalSize } from './terminal-queries.js';
import type { CommandRef, EngineEvent, EngineListener, EngineMode, InterruptResult } from './types.js';

/** A port the engine can drive; a reconnecting port tells its state, the embedded model when it is idle. */
export type EnginePort = BytePort & {
  readonly state?: ReconnectState;
  onState?(listener: (state: ReconnectState) => void): () => void;
  /** The far end has nothing more to say until it is sent something (the embedded model). */
  quiescent?(): boolean;
};

export interface EngineView {
  readonly mode: EngineMode;
  readonly link: boolean;
  readonly promptKnown: boolean;
  readonly atPrompt: boolean;
  readonly running: CommandRef | null;
  readonly queued: readonly string[];
  /** The last prompt that settled, e.g. `sis> `. */
  readonly prompt: string;
}

export interface DriverOptions extends Omit<ConversationOptions, 'send' | 'emit'> {
  port: EnginePort;
  /** Deadlines (settle, wake, timeouts) run on its timers. Default the system clock. */
  clock?: HostClock;
}

/**
 * Binds the conversation to a port and a clock: received chunks and link changes go in, bytes
 * come out to the port, its deadlines become timers. Views subscribe to events and to `view`.
 */
export class EngineDriver {
  readonly conversation: Conversation;
  private readonly clock: HostClock;
  private readonly listeners = new Set<EngineListener>();
  private readonly viewListeners = new Set<() => void>();
  private timer: unknown = null;
  private timerAt: number | null = null;
  private snapshot: EngineView;
  private closed = false;

  constructor(private readonly options: DriverOptions) {
    this.clock = options.clock ?? systemClock;
    const { port } = options;
    this.conversation = new Conversation({
      ...options,
      send: (bytes) => port.write(bytes),
      emit: (event) => this.dispatch(event),
    });
    // A port already connected (opened by the caller) is up before its held bytes arrive.
    if (port.state?.status === 'connected') this.conversation.linkChanged(true, this.clock.now());
    this.snapshot = this.makeView();
    port.onData((chunk) => {
      const now = this.clock.now();
      this.conversation.receive(chunk, now);
      if (port.quiescent?.()) this.conversation.quiescent(now);
      this.afterInput();
    });
    port.onState?.((state) => {
      if (state.status === 'connected') this.conversation.linkChanged(true, this.clock.now());
      else if (state.status !== 'connecting') this.conversation.linkChanged(false, this.clock.now());
      this.afterInput();
    });
    port.onClose(() => {
      this.closed = true;
      this.conversation.linkChanged(false, this.clock.now());
      this.conversation.end();
      this.cancelTimer();
      this.publish();
    });
  }

  /** Opens the port; a port without states is up once open. */
  async open(): Promise<void> {
    await this.options.port.open();
    if (!this.conversation.linkUp && (!this.options.port.onState || this.options.port.state?.status === 'connected')) {
      this.conversation.linkChanged(true, this.clock.now());
    }
    this.afterInput();
  }

  get view(): EngineView {
    return this.snapshot;
  }

  get ended(): boolean {
    return this.closed;
  }

  on(listener: EngineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  };

  getView = (): EngineView => this.snapshot;

  submit(line: string): void {
    this.conversation.submit(line, this.clock.now());
    this.afterInput();
  }

  key(bytes: Uint8Array): void {
    this.conversation.key(bytes);
    this.afterInput();
  }

  interrupt(): InterruptResult {
    const result = this.conversation.interrupt();
    this.afterInput();
    return result;
  }

  dropQueue(): readonly string[] {
    const lines = this.conversation.dropQueue();
    this.afterInput();
    return lines;
  }

  setForcedMode(mode: 'auto' | 'raw'): void {
    this.conversation.setForcedMode(mode);
    this.afterInput();
  }

  resizeTerminal(size: TerminalSize): void {
    this.conversation.resizeTerminal(size);
  }

  /** Stops the timers; the port is the caller's to close. */
  dispose(): void {
    this.closed = true;
    this.cancelTimer();
  }

  private dispatch(event: EngineEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private afterInput(): void {
    this.schedule();
    this.publish();
  }

  private schedule(): void {
    if (this.closed) return;
    const next = this.conversation.nextDeadline();
    if (next === this.timerAt) return;
    this.cancelTimer();
    if (next === null) return;
    this.timerAt = next;
    this.timer = this.clock.setTimer(() => {
      this.timer = null;
      this.timerAt = null;
      this.conversation.tick(this.clock.now());
      this.afterInput();
    }, Math.max(0, next - this.clock.now()));
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
    this.timerAt = null;
  }

  private makeView(): EngineView {
    const c = this.conversation;
    return {
      mode: c.mode,
      link: c.linkUp,
      promptKnown: c.promptKnown,
      atPrompt: c.atPrompt,
      running: c.current,
      // A copy: a view must not change under its subscribers.
      queued: [...c.queued],
      prompt: c.lastPrompt,
    };
  }

  private publish(): void {
    const next = this.makeView();
    const prev = this.snapshot;
    if (
      prev.mode === next.mode &&
      prev.link === next.link &&
      prev.promptKnown === next.promptKnown &&
      prev.atPrompt === next.atPrompt &&
      prev.running === next.running &&
      prev.prompt === next.prompt &&
      prev.queued.length === next.queued.length &&
      prev.queued[0] === next.queued[0]
    ) {
      return;
    }
    this.snapshot = next;
    for (const listener of this.viewListeners) listener();
  }
}
