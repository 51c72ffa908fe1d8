import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { takeOption } from './script-args.js';
import { spread, type Spread } from './stats.js';

/**
 * MB/s (10^6 input bytes per CPU second) of each escape-sequence consumer: the log stripper, the
 * screen sanitiser, the parser's line cleaning, the terminal-query scanner and the clear-screen
 * splitter, on (a) plain 80-character lines and (b) lines full of SGR and other escapes.
 *
 *   node --import ./scripts/ts-node-register.mjs scripts/bench/escape-throughput.ts [--baseline DIR] [--runs N]
 *
 * `--baseline DIR` loads the same consumers from another checkout (e.g. `git worktree add DIR main`)
 * and measures both in turn, run after run, so both see the same machine load.
 */

export interface Consumers {
  strip: (chunks: readonly Uint8Array[]) => void;
  sanitize: (chunks: readonly string[]) => void;
  clean: (lines: readonly string[]) => void;
  queries: (chunks: readonly Uint8Array[]) => void;
  clear: (chunks: readonly string[]) => void;
}

export type ConsumerName = keyof Consumers;
export const CONSUMERS: readonly ConsumerName[] = ['strip', 'sanitize', 'clean', 'queries', 'clear'];

/** The consumers of the checkout at `root`, each run over a whole corpus. */
export async function loadConsumers(root: string): Promise<Consumers> {
  const load = (path: string) => import(pathToFileURL(resolve(root, path)).href);
  const { createAnsiStripper } = await load('uart/ansi-strip.ts');
  const { createSanitizer } = await load('shell/sanitize/sanitizer.ts');
  const { cleanControls } = await load('shell/parser/text.ts');
  const { TerminalQueries } = await load('shell/engine/terminal-queries.ts');
  const { splitAtClears } = await load('shell/sanitize/clear-screen.ts');
  let sink = 0;
  return {
    strip(chunks) {
      const stripper = createAnsiStripper();
      for (const chunk of chunks) sink += stripper.push(chunk).length;
    },
    sanitize(chunks) {
      const sanitizer = createSanitizer();
      for (const chunk of chunks) sink += sanitizer.push(chunk).length;
      sink += sanitizer.end().length;
    },
    clean(lines) {
      for (const line of lines) sink += cleanControls(line).length;
    },
    queries(chunks) {
      const queries = new TerminalQueries({ columns: 80, rows: 24 });
      for (const chunk of chunks) sink += queries.scan(chunk, () => 0)?.length ?? 0;
    },
    clear(chunks) {
      for (const chunk of chunks) sink += splitAtClears(chunk).length;
    },
  };
}

export interface Corpus {
  name: string;
  bytes: number;
  byteChunks: Uint8Array[];
  textChunks: string[];
  lines: string[];
}

const CHUNK = 4096;

/** The lines as the output parser hands them to `cleanControls`: cut from each decoded chunk, a line across two chunks joined. */
function parserLines(textChunks: readonly string[]): string[] {
  const lines: string[] = [];
  let tail = '';
  for (const text of textChunks) {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      lines.push(start === 0 && tail !== '' ? tail + text.slice(0, nl) : text.slice(start, nl));
      tail = '';
      start = nl + 1;
    }
    tail = start === 0 ? tail + text : text.slice(start);
  }
  return lines;
}

/** `lineCount` lines of 80 visible characters, CRLF-terminated, built by `line(i)`, in 4 KiB chunks. */
function corpus(name: string, lineCount: number, line: (i: number) => string): Corpus {
  let text = '';
  for (let i = 0; i < lineCount; i++) text += `${line(i)}\r\n`;
  const all = Buffer.from(text, 'latin1');
  const byteChunks: Uint8Array[] = [];
  const textChunks: string[] = [];
  for (let at = 0; at < all.length; at += CHUNK) {
    byteChunks.push(new Uint8Array(all.subarray(at, at + CHUNK)));
    textChunks.push(all.toString('latin1', at, Math.min(at + CHUNK, all.length)));
  }
  return { name, bytes: all.length, byteChunks, textChunks, lines: parserLines(textChunks) };
}

const pad = (text: string, width: number): string => (text + '.'.repeat(width)).slice(0, width);

/** (a) plain lines as the kernel prints them; (b) the same width of text, coloured every few words. */
export function corpora(lineCount = 40000): Corpus[] {
  const plain = corpus('plain 80-char lines', lineCount, (i) =>
    pad(`[STRESS TEST] memory iteration=${i} allocated=${i * 7 % 9973} KiB latency_us=${i % 997} ok `, 80),
  );
  const escapes = corpus('lines full of SGR/escapes', lineCount, (i) =>
    `\x1b[2K\x1b[1;32m[PASS]\x1b[0m ${pad(`iter ${i}`, 14)} \x1b[33mlat\x1b[0m=\x1b[1m${pad(String(i % 997), 6)}\x1b[22m ` +
    `\x1b[38;5;208m${pad('chaos', 10)}\x1b[39m \x1b[4mnet\x1b[24m \x1b[7m${pad('x', 12)}\x1b[27m ${pad('', 16)}` +
    (i % 50 === 0 ? '\x1b]0;sis\x07\x1b[?25l' : ''),
  );
  return [plain, escapes];
}

function runOnce(consumers: Consumers, name: ConsumerName, c: Corpus): void {
  if (name === 'strip') consumers.strip(c.byteChunks);
  else if (name === 'queries') consumers.queries(c.byteChunks);
  else if (name === 'sanitize') consumers.sanitize(c.textChunks);
  else if (name === 'clear') consumers.clear(c.textChunks);
  else consumers.clean(c.lines);
}

/** CPU µs (user + system) since `start`. */
const cpuSince = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return used.user + used.system;
};

/**
 * MB per second of this process's CPU time (user + system), so other processes' load does not
 * count; the corpus is run again until 50 ms have passed, as a fast consumer takes microseconds.
 */
function timeMbPerSecond(consumers: Consumers, name: ConsumerName, c: Corpus): number {
  const start = process.cpuUsage();
  let passes = 0;
  let us = 0;
  do {
    runOnce(consumers, name, c);
    passes += 1;
    us = cpuSince(start);
  } while (us < 50_000);
  return (c.bytes * passes) / us;
}

export interface ThroughputRow {
  corpus: string;
  consumer: ConsumerName;
  /** MB/s per checkout, in the order given. */
  spreads: Spread[];
}

/** Median MB/s of each consumer on each corpus, `runs` runs each after one warm-up, checkouts interleaved. */
export function measureEscapeThroughput(checkouts: readonly Consumers[], runs = 7, lineCount = 40000): ThroughputRow[] {
  const rows: ThroughputRow[] = [];
  for (const c of corpora(lineCount)) {
    for (const name of CONSUMERS) {
      const values = checkouts.map(() => [] as number[]);
      checkouts.forEach((consumers) => timeMbPerSecond(consumers, name, c));
      for (let r = 0; r < runs; r++) {
        checkouts.forEach((consumers, k) => values[k]!.push(timeMbPerSecond(consumers, name, c)));
      }
      rows.push({ corpus: c.name, consumer: name, spreads: values.map((v) => spread(v)) });
    }
  }
  return rows;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const baseline = takeOption(args, '--baseline');
  const runs = Number(takeOption(args, '--runs') ?? 7);
  const roots = baseline ? [baseline, '.'] : ['.'];
  const checkouts = await Promise.all(roots.map((root) => loadConsumers(root)));
  const rows = measureEscapeThroughput(checkouts, runs);
  const f = (s: Spread) => `${s.median.toFixed(1)} (${s.min.toFixed(1)}-${s.max.toFixed(1)})`;
  const header = ['corpus', 'consumer', ...roots.map((r) => (r === '.' ? 'this checkout MB/s' : `${r} MB/s`))];
  if (baseline) header.push('change');
  console.log(header.join(' | '));
  for (const row of rows) {
    const cells = [row.corpus, row.consumer, ...row.spreads.map(f)];
    if (baseline) {
      const change = (row.spreads[1]!.median / row.spreads[0]!.median - 1) * 100;
      cells.push(`${change >= 0 ? '+' : ''}${change.toFixed(1)} %`);
    }
    console.log(cells.join(' | '));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
