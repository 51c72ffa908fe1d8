import { closestName } from '../../kernel/index.js';
import {
  entryMatchesType,
  entryRow,
  formatHistoryTable,
  columnWidths,
  HISTORY_HEADER,
  readHistory,
  resolveHistoryPath,
  streamHistory,
  tableLine,
  type HistoryEntry,
} from '../results/history/index.js';
import { parseInteger, parseOptions, usageError } from './results-args.js';

export const HISTORY_USAGE = `Usage: sis history [--json] [--type T] [--last N] [--history FILE]

Lists the results recorded by sis run, the console and sis parse --record, oldest first: one line
per run (compare halves are shown with their compare) with date, type, verdict, key metrics and
target. Lines of the file that cannot be read are skipped and counted on stderr. The file is
rotated at 32 MiB (the full one is kept as FILE.1, replacing the one before); both are listed.
--last reads from the end of the file; the table and --json read it a block at a time.

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
  const match = (entry: HistoryEntry): boolean => type === undefined || entryMatchesType(entry, type);
  const empty = (): void => void process.stdout.write(`No results recorded in ${path}${type ? ` of type ${type}` : ''}.\n`);
  let corrupt: number;
  if (last !== undefined) {
    const read = await readHistory(path, { last, match });
    if (!read.ok) return readFailed(read.message);
    corrupt = read.corrupt;
    if (values.json) await writeOut(`${JSON.stringify(read.entries, null, 2)}\n`);
    else if (read.entries.length === 0) empty();
    else await writeOut(formatHistoryTable(read.entries));
  } else if (values.json) {
    // Streamed, one entry at a time, in the layout JSON.stringify(entries, null, 2) gives the whole array.
    let count = 0;
    const read = await streamHistory(path, match, (entry) =>
      writeOut(`${count++ === 0 ? '[\n' : ',\n'}${JSON.stringify(entry, null, 2).replace(/^/gm, '  ')}`),
    );
    if (!read.ok) return readFailed(read.message);
    corrupt = read.corrupt;
    await writeOut(count === 0 ? '[]\n' : '\n]\n');
  } else {
    // Two passes over the file, one for the column widths and one to print: no row is held.
    const widths = columnWidths(HISTORY_HEADER, []);
    let rows = 0;
    const read = await streamHistory(path, match, (entry) => {
      rows += 1;
      columnWidths(HISTORY_HEADER, [entryRow(entry)], widths);
    });
    if (!read.ok) return readFailed(read.message);
    corrupt = read.corrupt;
    if (rows === 0) empty();
    else {
      await writeOut(`${tableLine(HISTORY_HEADER, widths)}\n`);
      const printed = await streamHistory(path, match, (entry) => writeOut(`${tableLine(entryRow(entry), widths)}\n`));
      if (!printed.ok) return readFailed(printed.message);
    }
  }
  if (corrupt > 0) process.stderr.write(`sis history: skipped ${corrupt} unreadable line${corrupt === 1 ? '' : 's'} in ${path}\n`);
  return 0;
}

function readFailed(message: string): number {
  process.stderr.write(`sis history: ${message}\n`);
  return 2;
}

/** Writes to stdout and waits while its buffer is full, so a long listing is not held in memory. */
function writeOut(text: string): Promise<void> | void {
  if (process.stdout.write(text)) return;
  return new Promise((resolve) => process.stdout.once('drain', () => resolve()));
}
