import type { RunRecord, TestType } from './types.js';

export interface HistoryEntry {
  readonly type: TestType;
  readonly autonomyAtEnd: boolean;
  readonly record: RunRecord;
}

/** The kernel's 16-slot ring of finished runs (each half of a compare counts). */
export class TestHistory {
  static readonly CAPACITY = 16;
  private entries: HistoryEntry[] = [];

  push(entry: HistoryEntry): void {
    this.entries.push(entry);
    if (this.entries.length > TestHistory.CAPACITY) this.entries.shift();
  }

  /** Oldest first; the newest `count` when given. */
  list(count?: number): readonly HistoryEntry[] {
    return count === undefined ? this.entries : this.entries.slice(-count);
  }
}

/** `stresstest report [--all]` in the V3 layout: the newest 5 by default, all 16 with --all. */
export function formatReport(history: TestHistory, all: boolean): string {
  const entries = all ? history.list() : history.list(5);
  const header = all ? '=== Stress Test History (all entries) ===' : '=== Stress Test History (last 5) ===';
  const lines = entries.map(
    (e) => `  Type: ${e.type} | Duration: ${e.record.durationMs} ms | Actions: ${e.record.actions} | OOM: ${e.record.oomEvents}`,
  );
  return `\n${header}\n${lines.length > 0 ? lines.join('\n') : '  (no history)'}\n`;
}
