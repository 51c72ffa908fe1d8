import {
  lineControlOf,
  repeatTimer,
  systemClock,
  type BytePort,
  type HostClock,
  type ControlLines,
  type LineSettings,
  type ModemLines,
  type ReconnectState,
  type Traffic,
} from '../../uart/index.js';
import { changeLineSettings, sendBreak, toggleDtr, toggleRts, type LineAction } from '../connect/line-control.js';

/** The console's port: line control, and where it has them, byte counts and connection states. */
export type LinePort = BytePort & {
  readonly traffic?: Traffic;
  onState?(listener: (state: ReconnectState) => void): () => void;
};

/** What the status line shows of the line; a part the port does not report is absent. */
export interface LineView {
  readonly settings?: LineSettings;
  readonly modem?: ModemLines;
  readonly control: Required<ControlLines>;
  readonly traffic?: Traffic;
}

export interface LineStateOptions {
  readonly port: LinePort;
  /** How long Ctrl-T b holds the BREAK (`--break-ms`). */
  readonly breakMs: number;
  /** How often the modem lines and byte counts are read. Default 1000 ms. */
  readonly pollMs?: number;
  /** The poll's timer; default the system clock. */
  readonly clock?: HostClock;
}

/**
 * The line as the console shows it, read every `pollMs` and after each action. Modem lines are
 * asked of the port until it says it cannot report them (a pty, a plain socket): from then on,
 * until the next connection, none are shown.
 */
export class LineState {
  private view: LineView;
  private modem: ModemLines | undefined;
  private modemReported = true;
  private polling = false;
  private readonly stopPolling: () => void;
  private readonly listeners = new Set<() => void>();
  private readonly stopState: () => void;

  constructor(private readonly options: LineStateOptions) {
    this.view = this.read();
    // Only redraws the status line: it does not keep the process alive.
    this.stopPolling = repeatTimer(options.clock ?? systemClock, () => void this.refresh(), options.pollMs ?? 1000, { background: true });
    this.stopState = options.port.onState?.((state) => {
      if (state.status === 'connected') this.modemReported = true;
      this.modem = undefined;
      void this.refresh();
    }) ?? (() => {});
    void this.refresh();
  }

  get = (): LineView => this.view;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  sendBreak(): Promise<LineAction> {
    return this.after(sendBreak(this.options.port, this.options.breakMs));
  }

  toggleDtr(): Promise<LineAction> {
    return this.after(toggleDtr(this.options.port));
  }

  toggleRts(): Promise<LineAction> {
    return this.after(toggleRts(this.options.port));
  }

  changeSettings(settings: LineSettings): Promise<LineAction> {
    return this.after(changeLineSettings(this.options.port, settings));
  }

  /** The settings in effect, for the form. */
  get settings(): LineSettings | undefined {
    return lineControlOf(this.options.port).settings;
  }

  dispose(): void {
    this.stopPolling();
    this.stopState();
    this.listeners.clear();
  }

  /** Reads the modem lines (unless the port cannot report them) and publishes what changed. */
  async refresh(): Promise<void> {
    if (this.modemReported && !this.polling) {
      this.polling = true;
      const answer = await lineControlOf(this.options.port).getModemLines();
      this.polling = false;
      if (answer.ok) this.modem = answer.value;
      else {
        this.modem = undefined;
        if (answer.kind === 'unsupported') this.modemReported = false;
      }
    }
    const next = this.read();
    if (JSON.stringify(next) === JSON.stringify(this.view)) return;
    this.view = next;
    for (const listener of this.listeners) listener();
  }

  private async after(action: Promise<LineAction>): Promise<LineAction> {
    const result = await action;
    await this.refresh();
    return result;
  }

  private read(): LineView {
    const { port } = this.options;
    const control = lineControlOf(port);
    const traffic = port.traffic;
    return {
      ...(control.settings !== undefined && { settings: control.settings }),
      ...(this.modem !== undefined && { modem: this.modem }),
      control: control.controlLines,
      ...(traffic !== undefined && { traffic: { rxBytes: traffic.rxBytes, txBytes: traffic.txBytes } }),
    };
  }
}
