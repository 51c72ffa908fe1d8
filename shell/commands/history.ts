import { closestName } from '../../kernel/index.js';
import { entryMatchesType, formatHistoryTable, readHistory, resolveHistoryPath } from '../history/index.js';
import { parseInteger, parseOptions, usageError } from './results-args.js';

export const HISTORY_USAGE = `Usage: sis history [--json] [--type T] [--last N] [--history FILE]

Lists the results recorded by sis run, the console and sis parse --record, oldest first: one line
per run (compare halves are shown with their compare) with date, type, verdict, key metrics and
target. Lines of the file that cannot be read are skipped and counted on stderr.

Options:
  --json          print the entries as a JSON array instead of a table
  --type T        only runs of type T (memory, commands, multi, learning, redteam, chaos) and
                  compares of that type; compare: every compare
  --last N        only the last N entries (after --type)
  --history FILE  the history file (default $SIS_HISTORY, else $XDG_STATE_HOME/sis/history.jsonl,
                  else ~/.local/state/sis/history.jsonl)
  -h, --help      show this help

Exit status: 0 listed (an empty history included), 2 usage error or unreadable file.
`;

const TYPES = ['memory', 'commands', 'multi', 'learning', 'redteam', 'chaos', 'compare'];

const OPTIONS = {
  json: { type: 'boolean' },
  type: { type: 'string' },
  last: { type: 'string' },
  history: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `sis history`: the recorded results as a table or JSON. */
export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseOptions(argv, OPTIONS);
  if (!parsed.ok) return usageError('history', parsed.message);
  const { values, positionals } = parsed.value;
  if (values.help) {
    process.stdout.write(HISTORY_USAGE);
    return 0;
  }
  if (positionals.length > 0) return usageError('history', `unexpected argument '${positionals[0]}'`);
  const type = values.type;
  if (type !== undefined && !TYPES.includes(type)) {
    const guess = closestName(type, TYPES);
    return usageError('history', `--type: unknown type '${type}' (expected ${TYPES.join(', ')})${guess ? `; did you mean ${guess}?` : ''}`);
  }
  let last: number | undefined;
  if (values.last !== undefined) {
    const n = parseInteger('--last', values.last, 1, Number.MAX_SAFE_INTEGER);
    if (!n.ok) return usageError('history', n.message);
    last = n.value;
  }
  const path = resolveHistoryPath({ file: values.history })!;
  const read = await readHistory(path);
  if (!read.ok) {
    process.stderr.write(`sis history: ${read.message}\n`);
    return 2;
  }
  if (read.corrupt > 0) {
    process.stderr.write(`sis history: skipped ${read.corrupt} unreadable line${read.corrupt === 1 ? '' : 's'} in ${path}\n`);
  }
  let entries = type === undefined ? read.entries : read.entries.filter((e) => entryMatchesType(e, type));
  if (last !== undefined) entries = entries.slice(-last);
  if (values.json) process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
  else if (entries.length === 0) process.stdout.write(`No results recorded in ${path}${type ? ` of type ${type}` : ''}.\n`);
  else process.stdout.write(formatHistoryTable(entries));
  return 0;
}
