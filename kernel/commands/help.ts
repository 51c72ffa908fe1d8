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
        ? formatCommandHelp(spec)
        : `Unknown command: ${name}\nType 'help' for a list of available commands.\n`,
    );
  },
};

export function formatCommandList(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)} - ${c.summary}`);
  return `Available commands:\n${lines.join('\n')}\n`;
}

export function formatCommandHelp(spec: CommandSpec): string {
  const lines = [`${spec.name} - ${spec.summary}`, `Usage: ${spec.usage}`];
  const subs = spec.subcommands ?? [];
  if (subs.length > 0) {
    const width = Math.max(...subs.map((s) => subcommandLabel(s.name, s.positional).length));
    lines.push('Subcommands:');
    for (const sub of subs) {
      lines.push(`  ${subcommandLabel(sub.name, sub.positional).padEnd(width)} - ${sub.summary}`);
      for (const flag of sub.flags ?? []) lines.push(`      ${formatFlag(flag)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function subcommandLabel(name: string, positional?: string): string {
  return positional ? `${name} ${positional}` : name;
}

export function formatFlag(flag: FlagSpec): string {
  const names = [flag.name, ...(flag.aliases ?? [])].join(', ');
  if (flag.kind === 'bool') return `${names}: ${flag.help}`;
  const unit = flag.unit ? ` ${flag.unit}` : '';
  const fallback = flag.default === undefined ? '' : `, default ${flag.default}`;
  return `${names} N: ${flag.help} (${flag.min}..${flag.max}${unit}${fallback})`;
}
