import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { entryMatchesType, isHistoryEntry, type HistoryEntry } from '../results/history/index.js';

export interface IndexedEntry {
  /** First 12 hex digits of the SHA-256 of the history line: stable whoever wrote it. */
  id: string;
  entry: HistoryEntry;
  /** `recorded_at` in ms since the epoch. */
  at: number;
}

export interface RunQuery {
  type?: string;
  verdict?: string;
  /** ISO 8601: entries recorded at or after it. */
  since?: string;
  offset: number;
  limit: number;
}

export interface HistoryIndex {
  /** Reads what was appended to the file since the last call (cheap when nothing was). */
  refresh(): void;
  /** Adds lines without a file (history off): the same ids as if they had been read. */
  addLines(lines: readonly string[]): string[];
  get(id: string): HistoryEntry | undefined;
  /** Newest first. */
  query(query: RunQuery): { total: number; items: IndexedEntry[] };
  readonly size: number;
}

export function entryId(line: string): string {
  return createHash('sha256').update(line).digest('hex').slice(0, 12);
}

/** The verdict an entry is filtered on: a run's, or `null` for a compare (it has two). */
export function entryVerdict(entry: HistoryEntry): string | null {
  return entry.kind === 'run' ? entry.run.verdict : null;
}

/**
 * The history file kept in memory, oldest first, read incrementally: the file is append-only
 * (`sis run`, consoles and this dashboard all append), so only new bytes up to the last complete
 * line are read. A file that shrank (rotated, rewritten by hand) is read again from the start.
 */
export function createHistoryIndex(path: string | null): HistoryIndex {
  const entries: IndexedEntry[] = [];
  const byId = new Map<string, HistoryEntry>();
  let offset = 0;

  function add(line: string): string | undefined {
    if (line.trim() === '') return undefined;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return undefined;
    }
    if (!isHistoryEntry(value)) return undefined;
    const id = entryId(line);
    entries.push({ id, entry: value, at: Date.parse(value.recorded_at) });
    byId.set(id, value);
    return id;
  }

  function refresh(): void {
    if (path === null) return;
    try {
      if (statSync(path).size === offset) return;
    } catch {
      return;
    }
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      return;
    }
    try {
      const size = fstatSync(fd).size;
      if (size < offset) {
        entries.length = 0;
        byId.clear();
        offset = 0;
      }
      if (size === offset) return;
      const buffer = Buffer.alloc(size - offset);
      const read = readSync(fd, buffer, 0, buffer.length, offset);
      const end = buffer.lastIndexOf(0x0a, read - 1);
      if (end < 0) return;
      for (const line of buffer.subarray(0, end).toString('utf8').split('\n')) add(line);
      offset += end + 1;
    } finally {
      closeSync(fd);
    }
  }

  return {
    refresh,
    addLines: (lines) => lines.map(add).filter((id): id is string => id !== undefined),
    get: (id) => byId.get(id),
    query(q) {
      const since = q.since === undefined ? null : Date.parse(q.since);
      const end = q.offset + q.limit;
      if (q.type === undefined && q.verdict === undefined && since === null) {
        const items: IndexedEntry[] = [];
        for (let i = entries.length - 1 - q.offset; i >= 0 && items.length < q.limit; i--) items.push(entries[i]!);
        return { total: entries.length, items };
      }
      // One pass, newest first, keeping only the page: no copy of the matches.
      const items: IndexedEntry[] = [];
      let total = 0;
      for (let i = entries.length - 1; i >= 0; i--) {
        const item = entries[i]!;
        if (q.type !== undefined && !entryMatchesType(item.entry, q.type)) continue;
        if (q.verdict !== undefined && entryVerdict(item.entry) !== q.verdict) continue;
        if (since !== null && item.at < since) continue;
        if (total >= q.offset && total < end) items.push(item);
        total += 1;
      }
      return { total, items };
    },
    get size() {
      return entries.length;
    },
  };
}
