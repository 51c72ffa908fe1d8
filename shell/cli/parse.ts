import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createHistoryRecorder, resolveHistoryPath } from '../results/history/index.js';
import type { ParserEvent } from '../parser/index.js';
import { toJUnitXml, toResultsJson, writeFileAtomic } from '../results/index.js';
import {
  checkOutputPath,
  createSessionResults,
  EXIT,
  exitStatusHelp,
  formatSummary,
  verdictStatus,
} from '../results/session/index.js';
import { VERSION } from '../version.js';
import { parseOptions, usageError } from './results-args.js';

export const PARSE_USAGE = `Usage: sis parse LOG [options]

Reads a captured console log (the stdout of sis run, a --log file, QEMU's serial output, a capture
from a board; - reads stdin) and extracts the results a live session would have given. Prints one
line per run (type, verdict, key metrics) to stdout.

Options:
  --json FILE         the results document (schema/results.schema.json), written atomically
  --junit FILE        JUnit XML, one testcase per run
  --allow-partial     PARTIAL PASS counts as passed (exit status and JUnit)
  --record            add the results to the history (sis history)
  --history FILE      with --record: the history file (default $SIS_HISTORY, else
                      $XDG_STATE_HOME/sis/history.jsonl, else ~/.local/state/sis/history.jsonl)
  -h, --help          show this help

${exitStatusHelp()}`;

const OPTIONS = {
  json: { type: 'string' },
  junit: { type: 'string' },
  'allow-partial': { type: 'boolean' },
  record: { type: 'boolean' },
  history: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const say = (line: string): void => void process.stderr.write(`sis parse: ${line}\n`);

function readError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  const reason = { ENOENT: 'no such file', EISDIR: 'it is a directory', EACCES: 'permission denied' }[code] ?? code;
  return `cannot read '${path}': ${reason} (${code})`;
}

/** Tests whose header arrived but whose summary never did (a truncated or trimmed log). */
function incompleteTests(): { onEvents: (events: readonly ParserEvent[]) => void; count: () => number } {
  let open = false;
  let incomplete = 0;
  return {
    onEvents(events) {
      for (const e of events) {
        if (e.type === 'test-start') {
          if (open) incomplete += 1;
          open = true;
        } else if (e.type === 'result') open = false;
        else if (e.type === 'prompt' && open) {
          incomplete += 1;
          open = false;
        }
      }
    },
    count: () => incomplete + (open ? 1 : 0),
  };
}

/** `sis parse LOG`: a captured log into the results of a live session. */
export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseOptions(argv, OPTIONS);
  if (!parsed.ok) return usageError('parse', parsed.message);
  const { values, positionals } = parsed.value;
  if (values.help) {
    process.stdout.write(PARSE_USAGE);
    return EXIT.OK;
  }
  if (positionals.length === 0) return usageError('parse', 'missing LOG (a file, or - for stdin)');
  if (positionals.length > 1) return usageError('parse', `unexpected argument '${positionals[1]}' (give one LOG)`);
  if (values.history !== undefined && !values.record) return usageError('parse', '--history needs --record');
  const path = positionals[0]!;
  for (const output of [values.json, values.junit]) {
    const check = output === undefined ? { ok: true as const } : checkOutputPath(output);
    if (!check.ok) {
      say(check.message);
      return EXIT.USAGE;
    }
  }
  const historyPath = values.record ? resolveHistoryPath({ file: values.history }) : null;
  const incomplete = incompleteTests();
  const results = createSessionResults({
    version: VERSION,
    target: { kind: 'board', transport: `log:${path}` },
    history: historyPath === null ? null : createHistoryRecorder({ path: historyPath, source: 'parse' }),
    onNotice: (notice) => say(notice.message),
    onEvents: incomplete.onEvents,
  });
  let bytes = 0;
  try {
    const input: Readable = path === '-' ? process.stdin : createReadStream(path);
    for await (const chunk of input) {
      bytes += (chunk as Buffer).length;
      results.receive(chunk as Buffer);
    }
  } catch (error) {
    say(readError(path, error));
    return EXIT.USAGE;
  }
  const { document: doc } = await results.finish();
  const missing = incomplete.count();
  const truncated = missing > 0 ? `${missing} test${missing === 1 ? '' : 's'} without a summary (the log is truncated or trimmed)` : '';
  const telemetry = doc.metrics.samples.length + doc.metrics.summaries.length;
  const found = doc.runs.length + doc.compares.length + doc.reports.length + doc.errors.length + telemetry;
  if (found === 0) {
    say(`no stress-test results or telemetry in '${path}' (${bytes} bytes read${truncated ? `; ${truncated}` : ''})`);
    return EXIT.NO_RESULTS;
  }
  if (truncated) say(`warning: ${truncated}`);
  let written = true;
  const writes: Array<[string | undefined, () => string]> = [
    [values.json, () => toResultsJson(doc)],
    [values.junit, () => toJUnitXml(doc, { allowPartialPass: values['allow-partial'] === true, unknownCommands: results.unknownCommands })],
  ];
  for (const [output, text] of writes) {
    if (output === undefined) continue;
    const result = await writeFileAtomic(output, text());
    if (!result.ok) say(result.error.message);
    written &&= result.ok;
  }
  process.stdout.write(formatSummary(doc, results.unknownCommands));
  const status = verdictStatus(doc, { allowPartial: values['allow-partial'] === true, unknownCommands: results.unknownCommands });
  if (status.reason !== '') say(status.reason);
  return !written && status.code !== EXIT.FAILED ? EXIT.USAGE : status.code;
}

