import type { Prng } from '../prng.js';
import type { Scheduler } from '../scheduler.js';
import type { KernelState } from '../state.js';

/** A value-taking flag: an integer in [min, max] (percentages are 0..100). */
export interface IntFlagSpec {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly kind: 'int';
  readonly min: number;
  readonly max: number;
  readonly unit?: string;
  readonly default?: number;
  readonly help: string;
}

/** A switch that takes no value. */
export interface BoolFlagSpec {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly kind: 'bool';
  readonly help: string;
}

/** A 64-bit unsigned value such as a seed, kept as a bigint. */
export interface U64FlagSpec {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly kind: 'u64';
  readonly help: string;
}

export type FlagSpec = IntFlagSpec | BoolFlagSpec | U64FlagSpec;

export interface SubcommandSpec {
  readonly name: string;
  readonly summary: string;
  /** Positional argument placeholder shown in usage, e.g. `<memory|commands>` or `N`. */
  readonly positional?: string;
  /** Values the positional argument may take, for completion. */
  readonly positionalValues?: readonly string[];
  readonly flags?: readonly FlagSpec[];
}

/** The grammar of one shell command, as data: help and the console's completion read it. */
export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly subcommands?: readonly SubcommandSpec[];
}

/** A long-running command: each step yields the virtual µs it consumed. */
export type Task = Generator<number, void, void>;

export interface CommandContext {
  print(text: string): void;
  readonly clock: Scheduler;
  readonly prng: Prng;
  readonly state: KernelState;
  readonly commands: readonly CommandSpec[];
  /** True once Ctrl-C arrived while this command's task runs. */
  readonly cancelled: boolean;
  /** Runs one line through the interpreter with its output discarded; false for an unknown command. */
  interpret(line: string): boolean;
  /** Feeds bytes through a private line discipline + interpreter (output discarded); returns lines run. */
  feedShell(bytes: Uint8Array): number;
}

export interface Command extends CommandSpec {
  /** `args` excludes the command name. Returns a task for long-running commands. */
  run(ctx: CommandContext, args: readonly string[]): Task | void;
}
