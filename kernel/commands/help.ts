import type { Command, CommandSpec, FlagSpec } from './types.js';

/** `help` and `help <cmd>`, generated from the command table so commands and docs cannot drift. */
export const helpCommand: Command = {
  name: 'help',
  summary: 'List commands, or describe one: help <command>',
  usage: 'help [command]',
  run(ctx, args) {
    const name = args[0];
    if (name === undefined) {
      ctx.print(formatCommandList(ctx.commands));
      return;
    }
    const spec = ctx.commands.find((c) => c.name === name);
    ctx.print(
      spec
        ? formatCommandHelp(spec, ctx.state.profile.flagDefaults)
        : `Unknown command: ${name}\nType 'help' for a list of available commands.\n`,
    );
  },
};

export function formatCommandList(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)} - ${c.summary}`);
  return `Available commands:\n${lines.join('\n')}\n`;
}

/** `defaults`: flag defaults of the running profile, shown instead of the table's. */
export function formatCommandHelp(spec: CommandSpec, defaults: Readonly<Record<string, number>> = {}): string {
  const lines = [`${spec.name} - ${spec.summary}`, `Usage: ${spec.usage}`];
  const subs = spec.subcommands ?? [];
  if (subs.length > 0) {
    const width = Math.max(...subs.map((s) => s.name.length));
    lines.push('Subcommands:');
    for (const sub of subs) {
      const label = sub.positional ? `${sub.name} ${sub.positional}` : sub.name.padEnd(width);
      lines.push(`  ${label} - ${sub.summary}`);
      for (const flag of sub.flags ?? []) lines.push(`      ${formatFlag(flag, defaults[flag.name])}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function formatFlag(flag: FlagSpec, profileDefault?: number): string {
  const names = [flag.name, ...(flag.aliases ?? [])].join(', ');
  if (flag.kind === 'bool') return `${names}: ${flag.help}`;
  if (flag.kind === 'u64') return `${names} N: ${flag.help} (0..18446744073709551615)`;
  const unit = flag.unit ? ` ${flag.unit}` : '';
  const shown = profileDefault ?? flag.default;
  const fallback = shown === undefined ? '' : `, default ${shown}`;
  return `${names} N: ${flag.help} (${flag.min}..${flag.max}${unit}${fallback})`;
}
