import type { Command, CommandContext } from './commands/types.js';
import type { Prng } from './prng.js';
import type { Scheduler } from './scheduler.js';
import type { KernelState } from './state.js';

/** The kernel as the shell's commands reach it. */
export interface ShellHost {
  readonly clock: Scheduler;
  readonly prng: Prng;
  /** Ctrl-C arrived while the current task runs. */
  readonly cancelRequested: boolean;
  print(text: string): void;
  interpret(line: string): boolean;
  feedShell(bytes: Uint8Array): number;
}

/**
 * What a command sees of the kernel; output printed or, for lines the kernel runs on its own
 * behalf, discarded. A class rather than an object literal with a getter, so that every kernel's
 * contexts share one shape and the code optimised for one kernel still fits the next.
 */
export class ShellContext implements CommandContext {
  readonly clock: Scheduler;
  readonly prng: Prng;
  readonly state: KernelState;
  readonly commands: readonly Command[];

  private readonly host: ShellHost;
  private readonly discard: boolean;

  constructor(options: { host: ShellHost; state: KernelState; commands: readonly Command[]; discard: boolean }) {
    this.host = options.host;
    this.clock = options.host.clock;
    this.prng = options.host.prng;
    this.state = options.state;
    this.commands = options.commands;
    this.discard = options.discard;
  }

  get cancelled(): boolean {
    return this.host.cancelRequested;
  }

  print(text: string): void {
    if (!this.discard) this.host.print(text);
  }

  interpret(line: string): boolean {
    return this.host.interpret(line);
  }

  feedShell(bytes: Uint8Array): number {
    return this.host.feedShell(bytes);
  }
}
