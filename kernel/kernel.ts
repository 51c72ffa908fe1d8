import { bootDurationUs, bootText, PROMPT } from './boot.js';
import { COMMANDS } from './commands/index.js';
import type { Command, Task } from './commands/types.js';
import { LineDiscipline } from './line-discipline.js';
import { resolveProfile, type KernelProfile } from './profiles/index.js';
import { Prng } from './prng.js';
import { Scheduler } from './scheduler.js';
import { ShellContext, type ShellHost } from './shell-context.js';
import { createKernelState, type KernelState, type KernelView } from './state.js';

export interface KernelOptions {
  /** Decides how long the virtual boot takes, hence the clock that unseeded tests seed from. Default 0. */
  seed?: bigint | number;
  /** Shell commands; default the full table. */
  commands?: readonly Command[];
  /** Calibration profile, by name or as data (default `report`). */
  profile?: string | KernelProfile;
}

/** The real shell's token vector holds 64 tokens; more would overflow it. */
const MAX_TOKENS = 64;
/** Bytes kept while a test runs, like a UART receive ring; the rest are dropped. */
const PENDING_INPUT_LIMIT = 4096;
const CTRL_C = 0x03;
const encoder = new TextEncoder();
const discard = (): void => {};

/**
 * The SIS kernel model behind its UART: bytes in through `receive`, bytes out through
 * `takeOutput`, virtual time moved by `advance`. A pure function of its seed and of the bytes
 * received at each virtual time.
 */
export class Kernel implements ShellHost {
  readonly clock = new Scheduler();
  readonly prng = new Prng();
  private readonly state: KernelState;
  private readonly commands: readonly Command[];
  private readonly seed: bigint;
  private readonly line = new LineDiscipline((text) => this.print(text));
  private output: string[] = [];
  private task: Task | undefined;
  private cancelPending = false;
  private pendingInput: number[] = [];
  private booted = false;
  private readonly printing: ShellContext;
  private readonly discarding: ShellContext;

  constructor(options: KernelOptions = {}) {
    this.seed = BigInt(options.seed ?? 0);
    this.commands = options.commands ?? COMMANDS;
    this.state = createKernelState(resolveProfile(options.profile));
    this.printing = new ShellContext({ host: this, state: this.state, commands: this.commands, discard: false });
    this.discarding = new ShellContext({ host: this, state: this.state, commands: this.commands, discard: true });
  }

  /** The kernel's state, read-only. */
  get view(): KernelView {
    return this.state;
  }

  /**
   * Autonomy on or off without `autoctl`'s console line, as a board configured before boot; the
   * decision timer stays as it is.
   */
  setAutonomy(enabled: boolean): void {
    this.state.autonomy.enabled = enabled;
  }

  get nowUs(): number {
    return this.clock.nowUs;
  }

  /** Ctrl-C arrived while the current task runs. */
  get cancelRequested(): boolean {
    return this.cancelPending;
  }

  /** True while a long-running command needs virtual time to pass. */
  get busy(): boolean {
    return this.task !== undefined;
  }

  boot(): void {
    if (this.booted) return;
    this.booted = true;
    this.clock.advanceTo(bootDurationUs(this.seed));
    this.state.controller.attach({ clock: this.clock, print: (text) => this.print(text) });
    this.print(bootText());
    this.print(PROMPT);
  }

  receive(bytes: Uint8Array): void {
    let i = 0;
    while (i < bytes.length) {
      if (this.task) {
        this.queueWhileBusy(bytes.subarray(i));
        return;
      }
      const line = this.line.feed(bytes[i++]!);
      if (line !== null) this.execute(line);
    }
  }

  /**
   * Runs the current task and due timers until virtual time reaches `targetUs`. With
   * `stopWhenIdle`, returns as soon as a running task ends instead of idling on to the target
   * (as fast as possible, idle time does not pass).
   */
  advance(targetUs: number, stopWhenIdle = false): void {
    const hadTask = this.task !== undefined;
    while (this.task) {
      if (this.clock.nowUs >= targetUs) return;
      const step = this.task.next();
      if (step.done) {
        this.finishTask();
      } else {
        this.clock.spend(step.value);
        this.clock.fireDue();
      }
    }
    if (hadTask && stopWhenIdle) return;
    if (this.clock.nowUs < targetUs) this.clock.advanceTo(targetUs);
  }

  takeOutput(): Uint8Array {
    if (this.output.length === 0) return new Uint8Array(0);
    const text = this.output.length === 1 ? this.output[0]! : this.output.join('');
    this.output = [];
    return encoder.encode(text);
  }

  print(text: string): void {
    this.output.push(text);
  }

  private execute(line: string): void {
    const task = this.dispatch(line, this.printing);
    if (task) {
      this.cancelPending = false;
      this.task = task;
      return;
    }
    this.print(PROMPT);
  }

  /** Tokenises and runs one line; returns the task a long-running command started. */
  private dispatch(line: string, context: ShellContext): Task | undefined {
    const tokens = line.split(' ').filter((t) => t.length > 0);
    const name = tokens[0];
    if (name === undefined) return undefined;
    const command = this.commands.find((c) => c.name === name);
    if (!command) {
      context.print(`Unknown command: ${name}\nType 'help' for available commands\n`);
      return undefined;
    }
    if (tokens.length > MAX_TOKENS) {
      context.print(`[ERROR] ${name}: too many arguments (${tokens.length - 1}; at most ${MAX_TOKENS - 1})\n`);
      return undefined;
    }
    return command.run(context, tokens.slice(1)) ?? undefined;
  }

  /** Runs one line as the shell would, output discarded (a command's `interpret`); false for an unknown command. */
  interpret(line: string): boolean {
    const name = line.split(' ').find((t) => t.length > 0);
    this.dispatch(line, this.discarding);
    return name !== undefined && this.commands.some((c) => c.name === name);
  }

  /** Feeds bytes through a private line discipline and the interpreter, output discarded; returns lines run. */
  feedShell(bytes: Uint8Array): number {
    const discipline = new LineDiscipline(discard);
    let lines = 0;
    for (const byte of bytes) {
      const line = discipline.feed(byte);
      if (line !== null) {
        lines++;
        this.dispatch(line, this.discarding);
      }
    }
    return lines;
  }

  private queueWhileBusy(bytes: Uint8Array): void {
    for (const byte of bytes) {
      if (byte === CTRL_C) {
        if (!this.cancelPending) this.print('^C');
        this.cancelPending = true;
      } else if (this.pendingInput.length < PENDING_INPUT_LIMIT) {
        this.pendingInput.push(byte);
      }
    }
  }

  private finishTask(): void {
    this.task = undefined;
    this.cancelPending = false;
    this.print(PROMPT);
    const pending = Uint8Array.from(this.pendingInput);
    this.pendingInput = [];
    this.receive(pending);
  }
}
