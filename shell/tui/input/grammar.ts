import { COMMAND_GRAMMAR, type CommandSpec, type FlagSpec, type SubcommandSpec } from '../../../kernel/index.js';

/** An option the console takes off the line before sending it (design.md: "console-side options"). */
export interface ConsoleOptionSpec {
  readonly name: string;
  /** Placeholder of the value it takes, e.g. `PATH`; absent for a switch. */
  readonly value?: string;
  readonly help: string;
}

export const CONSOLE_OPTIONS: readonly ConsoleOptionSpec[] = [
  { name: '--output-json', value: 'PATH', help: 'write the results of this command as JSON to PATH' },
];

/** What completion and hints read: the kernel's command table plus the console's own options. */
export interface InputGrammar {
  readonly commands: readonly CommandSpec[];
  readonly consoleOptions: readonly ConsoleOptionSpec[];
}

export const DEFAULT_GRAMMAR: InputGrammar = { commands: COMMAND_GRAMMAR, consoleOptions: CONSOLE_OPTIONS };

/** The kernel splits a line on spaces (kernel.ts), so completion and hints do too. */
export function tokens(text: string): string[] {
  return text.split(' ').filter((t) => t.length > 0);
}

/** Flag names and aliases in the order the kernel builds its lookup (so "did you mean" ties agree). */
export function flagNames(flags: readonly FlagSpec[]): string[] {
  return flags.flatMap((f) => [f.name, ...(f.aliases ?? [])]);
}

export function findFlag(flags: readonly FlagSpec[], name: string): FlagSpec | undefined {
  return flags.find((f) => f.name === name || (f.aliases ?? []).includes(name));
}

export function findConsoleOption(grammar: InputGrammar, token: string): ConsoleOptionSpec | undefined {
  const eq = token.indexOf('=');
  const name = eq < 0 ? token : token.slice(0, eq);
  return grammar.consoleOptions.find((o) => o.name === name);
}

export interface LineContext {
  readonly command: CommandSpec | undefined;
  readonly sub: SubcommandSpec | undefined;
  /** The tokens after the subcommand (or after the command when it has no subcommands). */
  readonly args: readonly string[];
}

/** Resolves the command and subcommand that `words` (the tokens of a line) name. */
export function resolveCommand(grammar: InputGrammar, words: readonly string[]): LineContext {
  const command = grammar.commands.find((c) => c.name === words[0]);
  if (!command || !command.subcommands?.length) return { command, sub: undefined, args: words.slice(1) };
  const sub = command.subcommands.find((s) => s.name === words[1]);
  return { command, sub, args: words.slice(2) };
}

/** `--duration: 1..3600000 ms`-style range, worded as the kernel's describeRange. */
export function flagRange(flag: FlagSpec): string {
  if (flag.kind === 'u64') return '0..18446744073709551615';
  if (flag.kind === 'bool') return 'no value';
  return `${flag.min}..${flag.max}${flag.unit ? ` ${flag.unit}` : ''}`;
}

/** The kernel's value check (kernel/stress/flags.ts): decimal digits only, then the range. */
export function valueFits(flag: FlagSpec, text: string): boolean {
  if (!/^\d+$/.test(text)) return false;
  if (flag.kind === 'u64') return BigInt(text) <= (1n << 64n) - 1n;
  if (flag.kind === 'int') {
    const value = Number(text);
    return value >= flag.min && value <= flag.max;
  }
  return false;
}
