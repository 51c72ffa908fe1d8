import { appendFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { systemClock, type HostClock } from '../../../uart/index.js';
import type { ResultsDocument } from '../index.js';
import { historyEntries, isHistoryEntry, type HistoryEntry, type HistorySource } from './entries.js';
import { forEachLine, forEachLineBackward } from './lines.js';

export type HistoryWrite = { ok: true; appended: number } | { ok: false; message: string };

export type HistoryRead =
  | { ok: true; entries: HistoryEntry[]; /** Lines that were not a readable entry. */ corrupt: number }
  | { ok: false; message: string };

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e?.code ? `${e.code}: ${e.message.replace(/^[A-Z]+: /, '')}` : String(error);
}

/**
 * The history file is rotated at this size: the full file becomes `PATH.1` (replacing the one
 * before) and a new one is started; `sis history` reads both.
 */
export const HISTORY_ROTATE_BYTES = 32 * 1024 * 1024;

/** The files of a history, oldest first: the rotated one, then the current one. */
export function historyFiles(path: string): string[] {
  return existsSync(`${path}.1`) ? [`${path}.1`, path] : [path];
}

/**
 * Appends entries as JSON lines in one write (O_APPEND), creating the directory when needed, after
 * rotating a file that would grow past `rotateBytes`. A failed append loses only these entries;
 * the error is returned, never thrown.
 */
export function appendHistory(path: string, entries: readonly HistoryEntry[], rotateBytes = HISTORY_ROTATE_BYTES): HistoryWrite {
  if (entries.length === 0) return { ok: true, appended: 0 };
  const text = entries.map((e) => `${JSON.stringify(e)}\n`).join('');
  try {
    mkdirSync(dirname(path), { recursive: true });
    const size = sizeOf(path);
    if (size > 0 && size + Buffer.byteLength(text) > rotateBytes) renameSync(path, `${path}.1`);
    appendFileSync(path, text, { encoding: 'utf8', mode: 0o644 });
    return { ok: true, appended: entries.length };
  } catch (error) {
    return { ok: false, message: `cannot record history in '${path}': ${reason(error)}` };
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** A history line: the entry, `null` for an unreadable line, `undefined` for a blank one. */
function parseLine(line: string): HistoryEntry | null | undefined {
  if (line.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return isHistoryEntry(value) ? value : null;
  } catch {
    return null;
  }
}

function readFailure(path: string, error: unknown): HistoryRead {
  return { ok: false, message: `cannot read history '${path}': ${reason(error)}` };
}

const missing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

export interface ReadHistoryOptions {
  /** Only the last N matching entries, read from the end of the file (a large history is not read whole). */
  last?: number;
  /** Only entries this accepts. */
  match?: (entry: HistoryEntry) => boolean;
}

/** Reads the readable entries, oldest first; a missing file is an empty history. Blank lines are not counted. */
export async function readHistory(path: string, options: ReadHistoryOptions = {}): Promise<HistoryRead> {
  const match = options.match ?? (() => true);
  const entries: HistoryEntry[] = [];
  let corrupt = 0;
  if (options.last === undefined) {
    const streamed = await streamHistory(path, match, (entry) => void entries.push(entry));
    return streamed.ok ? { ok: true, entries, corrupt: streamed.corrupt } : streamed;
  }
  const wanted = options.last;
  for (const file of historyFiles(path).reverse()) {
    if (entries.length >= wanted) break;
    try {
      forEachLineBackward(file, (line) => {
        const entry = parseLine(line);
        if (entry === null) corrupt += 1;
        else if (entry !== undefined && match(entry)) entries.push(entry);
        return entries.length < wanted;
      });
    } catch (error) {
      if (!missing(error)) return readFailure(file, error);
    }
  }
  return { ok: true, entries: entries.reverse(), corrupt };
}

/** Calls `onEntry` with each matching entry, oldest first, holding one line at a time. */
export async function streamHistory(
  path: string,
  match: (entry: HistoryEntry) => boolean,
  onEntry: (entry: HistoryEntry) => void | Promise<void>,
): Promise<{ ok: true; corrupt: number } | { ok: false; message: string }> {
  let corrupt = 0;
  for (const file of historyFiles(path)) {
    try {
      await forEachLine(file, async (line) => {
        const entry = parseLine(line);
        if (entry === null) corrupt += 1;
        else if (entry !== undefined && match(entry)) await onEntry(entry);
      });
    } catch (error) {
      if (!missing(error)) return { ok: false, message: `cannot read history '${file}': ${reason(error)}` };
    }
  }
  return { ok: true, corrupt };
}

export interface HistoryRecorderOptions {
  path: string;
  source: HistorySource;
  /** Its wall time is `recorded_at`. Default the system clock. */
  clock?: HostClock;
}

export interface HistoryRecorder {
  readonly path: string;
  /** Appends the document's standalone runs and compares. */
  record(doc: ResultsDocument): HistoryWrite;
}

export function createHistoryRecorder(options: HistoryRecorderOptions): HistoryRecorder {
  const clock = options.clock ?? systemClock;
  return {
    path: options.path,
    record: (doc) => appendHistory(options.path, historyEntries(doc, options.source, new Date(clock.wallMs()))),
  };
}
