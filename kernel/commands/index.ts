import { autoctlCommand } from './autoctl.js';
import { clearCommand } from './clear.js';
import { helpCommand } from './help.js';
import { metricsctlCommand } from './metricsctl.js';
import { stresstestCommand } from '../stress/command.js';
import type { Command, CommandSpec } from './types.js';

/** Every shell command, in the order `help` lists them. */
export const COMMANDS: readonly Command[] = [
  helpCommand,
  clearCommand,
  autoctlCommand,
  metricsctlCommand,
  stresstestCommand,
];

/** The command grammar as plain data, for the console's completion and hints. */
export const COMMAND_GRAMMAR: readonly CommandSpec[] = COMMANDS.map(
  ({ name, summary, usage, subcommands }) => ({ name, summary, usage, subcommands }),
);
