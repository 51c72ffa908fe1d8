import { closestName, MAX_LINE_CHARS, type CommandSpec, type SubcommandSpec } from '../../../kernel/index.js';
import {
  DEFAULT_GRAMMAR,
  findFlag,
  flagNames,
  flagRange,
  resolveCommand,
  tokens,
  valueFits,
  type InputGrammar,
} from './grammar.js';

/** Lines longer than this get no grammar hint, only their length. */
const HINT_LIMIT = 4 * MAX_LINE_CHARS;

const didYouMean = (guess: string | undefined): string => (guess ? ` (did you mean ${guess}?)` : '');

/**
 * A one-line warning about the line as typed so far, or undefined: an unknown subcommand or flag
 * (with the kernel's "did you mean"), a flag value out of range or missing, a stray argument.
 * The word still being typed (no space after it) is not called unknown while it can grow into a
 * known one. Commands the grammar does not know are left alone: the far end may be a real board.
 */
export function lineHint(text: string, grammar: InputGrammar = DEFAULT_GRAMMAR): string | undefined {
  // A pasted megabyte is not tokenised on every read: the SIS kernel reads only MAX_LINE_CHARS of it.
  if (text.length > HINT_LIMIT) return `a line of ${text.length} characters: the SIS kernel reads the first ${MAX_LINE_CHARS}`;
  const words = tokens(text);
  const typing = !text.endsWith(' ');
  const { command, sub } = resolveCommand(grammar, words);
  if (!command?.subcommands?.length || words.length < 2) return undefined;
  if (!sub) {
    const name = words[1]!;
    const names = command.subcommands.map((s) => s.name);
    if (typing && words.length === 2 && names.some((n) => n.startsWith(name))) return undefined;
    return `unknown subcommand '${name}' for '${command.name}'${didYouMean(closestName(name, names))}`;
  }
  if (!sub.flags) return undefined;
  return argumentHint(grammar, command, sub, words.slice(2), typing);
}

function argumentHint(
  grammar: InputGrammar,
  command: CommandSpec,
  sub: SubcommandSpec,
  args: readonly string[],
  typing: boolean,
): string | undefined {
  const flags = sub.flags ?? [];
  const knownNames = [...flagNames(flags), ...grammar.consoleOptions.map((o) => o.name)];
  const context = `${command.name} ${sub.name}`;
  let positionals = 0;
  for (let i = 0; i < args.length; i++) {
    const token = args[i]!;
    const inProgress = typing && i === args.length - 1;
    const nextValue = (): string | undefined =>
      i + 1 < args.length && !args[i + 1]!.startsWith('--') ? args[++i] : undefined;
    if (!token.startsWith('--')) {
      if (inProgress && token === '-') return undefined;
      if (sub.positionalValues && positionals++ === 0) {
        if (sub.positionalValues.includes(token)) continue;
        if (inProgress && sub.positionalValues.some((v) => v.startsWith(token))) return undefined;
        const guess = closestName(token, sub.positionalValues);
        return `unknown value '${token}' for '${context}'${guess ? didYouMean(guess) : ` (expected ${sub.positionalValues.join('|')})`}`;
      }
      return `unexpected argument '${token}' for '${context}'`;
    }
    const eq = token.indexOf('=');
    const name = eq < 0 ? token : token.slice(0, eq);
    const inline = eq < 0 ? undefined : token.slice(eq + 1);
    const option = grammar.consoleOptions.find((o) => o.name === name);
    if (option) {
      if (!option.value) {
        if (inline !== undefined) return `${name}: takes no value`;
        continue;
      }
      if (!(inline ?? nextValue())) return `${name}: missing value (${option.value})`;
      continue;
    }
    const growing = !knownNames.includes(name) && knownNames.some((n) => n.startsWith(name));
    if (inProgress && eq < 0 && growing) return undefined;
    if (sub.positionalValues && positionals === 0) return `'${context}' expects ${sub.positional ?? 'a value'} first`;
    const flag = findFlag(flags, name);
    if (!flag) return `unknown flag '${name}' for '${context}'${didYouMean(closestName(name, flagNames(flags)))}`;
    if (flag.kind === 'bool') {
      if (inline !== undefined) return `${flag.name}: takes no value`;
      continue;
    }
    const value = inline ?? nextValue();
    if (!value) return `${flag.name}: missing value (${flagRange(flag)})`;
    if (!valueFits(flag, value)) return `${flag.name}: ${flagRange(flag)}`;
  }
  return undefined;
}
