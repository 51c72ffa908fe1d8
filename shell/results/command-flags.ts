import type { CommandFlags } from './types.js';

/**
 * `stresstest chaos --duration 5000 --quiet` → `{ duration: '5000', quiet: true }`. A flag takes
 * the next token as its value unless that token is itself a `--flag`; positional words are skipped.
 */
export function parseCommandFlags(command: string | null): CommandFlags {
  const flags: CommandFlags = {};
  if (command === null) return flags;
  const tokens = command.trim().split(/\s+/);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!token.startsWith('--') || token.length === 2) continue;
    const name = token.slice(2);
    const eq = name.indexOf('=');
    if (eq > 0) {
      flags[name.slice(0, eq)] = name.slice(eq + 1);
      continue;
    }
    const next = tokens[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      flags[name] = next;
      i += 1;
    } else {
      flags[name] = true;
    }
  }
  return flags;
}

/** `stresstest compare memory …` → `memory`; null when the command names no compare type. */
export function compareTypeOf(command: string | null): string | null {
  const m = command === null ? null : /^stresstest\s+compare\s+(\S+)/.exec(command.trim());
  return m ? m[1]! : null;
}
