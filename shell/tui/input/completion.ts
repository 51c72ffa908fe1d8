import type { SubcommandSpec } from '../../../kernel/index.js';
import { DEFAULT_GRAMMAR, findConsoleOption, findFlag, flagNames, resolveCommand, tokens, type InputGrammar } from './grammar.js';

const HELP = 'help';

export interface Completion {
  readonly text: string;
  readonly cursor: number;
  /** Every word that fits what is typed, in grammar order; empty when nothing fits. */
  readonly candidates: readonly string[];
}

export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0]!;
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/**
 * Tab at `cursor`: one candidate completes the word and adds a space; several extend it to their
 * common prefix (the caller shows `candidates` on a second Tab); none leave the line as it is.
 */
export function complete(text: string, cursor: number, grammar: InputGrammar = DEFAULT_GRAMMAR): Completion {
  const wordStart = text.lastIndexOf(' ', cursor - 1) + 1;
  const word = text.slice(wordStart, cursor);
  const candidates = wordsFor(grammar, tokens(text.slice(0, wordStart)), word).filter((c) => c.startsWith(word));
  if (candidates.length === 0) return { text, cursor, candidates };
  const unique = candidates.length === 1;
  const insert = (unique ? candidates[0]! : commonPrefix(candidates)).slice(word.length);
  const spaceFollows = text[cursor] === ' ';
  const added = unique && !spaceFollows ? `${insert} ` : insert;
  return {
    text: text.slice(0, cursor) + added + text.slice(cursor),
    cursor: cursor + insert.length + (unique ? 1 : 0),
    candidates,
  };
}

/** What may stand where `word` is, after the complete tokens `before`. */
function wordsFor(grammar: InputGrammar, before: readonly string[], word: string): readonly string[] {
  if (before.length === 0) return grammar.commands.map((c) => c.name);
  const { command, sub, args } = resolveCommand(grammar, before);
  // `help [command]` takes a command name from the same table.
  if (command?.name === HELP && before.length === 1) return grammar.commands.map((c) => c.name);
  if (!command?.subcommands?.length) return [];
  if (before.length === 1) return word.startsWith('-') ? [] : command.subcommands.map((s) => s.name);
  if (!sub || word.includes('=')) return [];
  return argumentWords(grammar, sub, args, word);
}

function argumentWords(grammar: InputGrammar, sub: SubcommandSpec, args: readonly string[], word: string): string[] {
  const used = new Set<string>();
  let positionals = 0;
  let awaitingValue = false;
  for (const arg of args) {
    if (awaitingValue && !arg.startsWith('--')) {
      awaitingValue = false;
      continue;
    }
    awaitingValue = false;
    if (!arg.startsWith('--')) {
      positionals += 1;
      continue;
    }
    const hasValue = arg.includes('=');
    const option = findConsoleOption(grammar, arg);
    const flag = option ? undefined : findFlag(sub.flags ?? [], hasValue ? arg.slice(0, arg.indexOf('=')) : arg);
    if (option) used.add(option.name);
    if (flag) used.add(flag.name);
    awaitingValue = !hasValue && ((option?.value ?? '') !== '' || (flag !== undefined && flag.kind !== 'bool'));
  }
  if (awaitingValue) return [];
  if (sub.positionalValues && positionals === 0 && !word.startsWith('-')) return [...sub.positionalValues];
  if (!sub.flags) return [];
  const flags = sub.flags.filter((f) => !used.has(f.name));
  const options = grammar.consoleOptions.filter((o) => !used.has(o.name)).map((o) => o.name);
  return [...flagNames(flags), ...options];
}
