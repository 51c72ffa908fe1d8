import type { ParserEvent } from '../../shell/parser/index.js';
import { createOutputParser } from '../../shell/parser/index.js';
import type { BytePort } from '../../uart/index.js';

export interface CommandOutcome {
  /** Parser events from sending the line to its prompt (and a short quiet time after a Ctrl-C). */
  readonly events: ParserEvent[];
  /** The prompt came back before the timeout. */
  readonly returned: boolean;
  /** A Ctrl-C was sent while the command had not returned. */
  readonly interrupted: boolean;
  readonly wallMs: number;
}

export interface RunOptions {
  timeoutMs: number;
  /** Send Ctrl-C this many wall ms after the line if the prompt has not come back by then. */
  interruptAfterMs?: number;
}

const CTRL_C = Uint8Array.of(0x03);
/** After a Ctrl-C: wall ms without new bytes before the next line, so a ^C that landed on an idle prompt is not taken for the next command's prompt. */
const SETTLE_MS = 60;

/**
 * Sends command lines over a port, one at a time, each when the output parser has seen the
 * prompt come back; every event goes to `onEvent` as it is parsed.
 */
export class PortSession {
  private readonly parser = createOutputParser();
  private events: ParserEvent[] = [];
  private prompts = 0;
  private lastDataMs = 0;
  private wake: (() => void) | undefined;
  private closedReason: string | undefined;

  constructor(
    private readonly port: BytePort,
    private readonly onEvent: (event: ParserEvent) => void = () => {},
  ) {
    port.onData((chunk) => this.receive(chunk));
    port.onClose((reason) => {
      this.closedReason = reason?.message ?? 'closed';
      this.wake?.();
    });
  }

  get closed(): string | undefined {
    return this.closedReason;
  }

  /** Opens the port and waits for the first prompt (sending Enter if none comes in a second). */
  async open(timeoutMs = 10_000): Promise<boolean> {
    await this.port.open();
    if (!(await this.until(() => this.prompts > 0, Math.min(1000, timeoutMs)))) this.port.write(Uint8Array.of(0x0d));
    const ok = await this.until(() => this.prompts > 0, timeoutMs);
    await this.settle();
    return ok;
  }

  async run(line: string, options: RunOptions): Promise<CommandOutcome> {
    const started = Date.now();
    this.events = [];
    const before = this.prompts;
    const back = (): boolean => this.prompts > before;
    this.port.write(Buffer.from(`${line}\r`, 'latin1'));
    let interrupted = false;
    if (options.interruptAfterMs !== undefined && !(await this.until(back, options.interruptAfterMs)) && !this.closedReason) {
      this.port.write(CTRL_C);
      interrupted = true;
    }
    const returned = await this.until(back, Math.max(0, options.timeoutMs - (Date.now() - started)));
    if (interrupted || !returned) await this.settle();
    return { events: this.events, returned, interrupted, wallMs: Date.now() - started };
  }

  /** After a command that never returned: Ctrl-C and Enter, then the next prompt. */
  async resync(timeoutMs: number): Promise<boolean> {
    const before = this.prompts;
    this.port.write(Uint8Array.of(0x03, 0x0d));
    const ok = await this.until(() => this.prompts > before, timeoutMs);
    await this.settle();
    return ok;
  }

  close(): Promise<void> {
    return this.port.close();
  }

  private receive(chunk: Uint8Array): void {
    this.lastDataMs = Date.now();
    for (const event of this.parser.push(chunk)) {
      this.events.push(event);
      if (event.type === 'prompt') this.prompts++;
      this.onEvent(event);
    }
    this.wake?.();
  }

  /** Waits until no byte has arrived for SETTLE_MS (at most 2 s). */
  private async settle(): Promise<void> {
    const deadline = Date.now() + 2000;
    while (Date.now() - this.lastDataMs < SETTLE_MS && Date.now() < deadline) await sleep(SETTLE_MS / 3);
  }

  private async until(check: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      const left = deadline - Date.now();
      if (left <= 0 || this.closedReason) return check();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
    return true;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
