import { appendFileSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ResultsDocument } from '../results/index.js';
import { historyEntries, isHistoryEntry, type HistoryEntry, type HistorySource } from './entries.js';

export type HistoryWrite = { ok: true; appended: number } | { ok: false; message: string };

export type HistoryRead =
  | { ok: true; entries: HistoryEntry[]; /** Lines that were not a readable entry. */ corrupt: number }
  | { ok: false; message: string };

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e?.code ? `${e.code}: ${e.message.replace(/^[A-Z]+: /, '')}` : String(error);
}

/**
 * Appends entries as JSON lines in one write (O_APPEND), creating the directory when needed.
 * A failed append loses only these entries; the error is returned, never thrown.
 */
export function appendHistory(path: string, entries: readonly HistoryEntry[]): HistoryWrite {
  if (entries.length === 0) return { ok: true, appended: 0 };
  const text = entries.map((e) => `${JSON.stringify(e)}\n`).join('');
  try {
    mkdirSync(dirname(path), { recursive: true });
    appendFileSync(path, text, { encoding: 'utf8', mode: 0o644 });
    return { ok: true, appended: entries.length };
  } catch (error) {
    return { ok: false, message: `cannot record history in '${path}': ${reason(error)}` };
  }
}

/** Reads every readable entry; a missing file is an empty history. Blank lines are not counted. */
export async function readHistory(path: string): Promise<HistoryRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, entries: [], corrupt: 0 };
    return { ok: false, message: `cannot read history '${path}': ${reason(error)}` };
  }
  const entries: HistoryEntry[] = [];
  let corrupt = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      corrupt += 1;
      continue;
    }
    if (isHistoryEntry(value)) entries.push(value);
    else corrupt += 1;
  }
  return { ok: true, entries, corrupt };
}

export interface HistoryRecorderOptions {
  path: string;
  source: HistorySource;
  /** Clock for `recorded_at`; default `() => new Date()`. */
  now?: () => Date;
}

export interface HistoryRecorder {
  readonly path: string;
  /** Appends the document's standalone runs and compares. */
  record(doc: ResultsDocument): HistoryWrite;
}

export function createHistoryRecorder(options: HistoryRecorderOptions): HistoryRecorder {
  const now = options.now ?? (() => new Date());
  return {
    path: options.path,
    record: (doc) => appendHistory(options.path, historyEntries(doc, options.source, now())),
  };
}
