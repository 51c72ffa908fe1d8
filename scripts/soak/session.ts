import { createPromptPattern, EngineDriver, timingFor, type EnginePort } from '../../shell/engine/index.js';
import type { ParserEvent } from '../../shell/parser/index.js';

export interface CommandOutcome {
  /** Parser events from sending the line to its prompt. */
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

/**
 * Sends command lines over a port, one at a time, through the conversation engine: each is sent
 * once the prompt has settled and has returned when the engine says it finished (a prompt glued to
 * timer output finishes nothing). Every parsed event goes to `onEvent`.
 */
export class PortSession {
  private readonly driver: EngineDriver;
  private events: ParserEvent[] = [];
  private prompts = 0;
  private ends = 0;
  private wake: (() => void) | undefined;
  private closedReason: string | undefined;

  constructor(port: EnginePort, onEvent: (event: ParserEvent) => void = () => {}) {
    const prompt = createPromptPattern();
    if (!prompt.ok) throw new Error(prompt.message);
    this.driver = new EngineDriver({ port, prompt: prompt.pattern, timing: timingFor(), unknownPrompt: 'quiet', encoding: 'bytes' });
    this.driver.on((event) => {
      if (event.type === 'parsed') {
        this.events.push(event.event);
        onEvent(event.event);
      } else if (event.type === 'prompt') {
        this.prompts++;
      } else if (event.type === 'command-finished' || event.type === 'command-lost') {
        this.ends++;
      }
      this.wake?.();
    });
    port.onClose((reason) => {
      this.closedReason = reason?.message ?? 'closed';
      this.wake?.();
    });
  }

  get closed(): string | undefined {
    return this.closedReason;
  }

  /** Opens the port and waits for a settled prompt (the engine wakes a silent target). */
  async open(timeoutMs = 10_000): Promise<boolean> {
    await this.driver.open();
    return this.until(() => this.prompts > 0, timeoutMs);
  }

  async run(line: string, options: RunOptions): Promise<CommandOutcome> {
    const started = Date.now();
    this.events = [];
    const before = this.ends;
    const back = (): boolean => this.ends > before;
    this.driver.submit(line);
    let interrupted = false;
    if (options.interruptAfterMs !== undefined && !(await this.until(back, options.interruptAfterMs)) && !this.closedReason) {
      this.driver.interrupt();
      interrupted = true;
    }
    const returned = await this.until(back, Math.max(0, options.timeoutMs - (Date.now() - started)));
    return { events: this.events, returned, interrupted, wallMs: Date.now() - started };
  }

  /** After a command that never returned: Ctrl-C, then its prompt. */
  async resync(timeoutMs: number): Promise<boolean> {
    const before = this.ends;
    if (this.driver.view.running !== null) this.driver.interrupt();
    else this.driver.dropQueue();
    return this.until(() => this.ends > before || (this.driver.view.running === null && this.driver.view.atPrompt), timeoutMs);
  }

  async close(): Promise<void> {
    this.driver.dispose();
  }

  private async until(check: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      const left = deadline - Date.now();
      if (left <= 0 || this.closedReason) return check();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
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
