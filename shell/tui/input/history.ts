export const DEFAULT_HISTORY_CAP = 1000;

/** Submitted lines, oldest first, as the editor sees them. */
export interface LineHistory {
  readonly entries: readonly string[];
  /** Records a submitted line (empty lines and a repeat of the newest entry are not stored). */
  add(line: string): void;
}

/** Appends `line` unless it is blank or equals the newest entry; keeps the newest `cap`. */
export function appendEntry(entries: readonly string[], line: string, cap: number): readonly string[] {
  if (line.trim() === '' || entries[entries.length - 1] === line) return entries;
  const next = [...entries, line];
  return next.length > cap ? next.slice(next.length - cap) : next;
}

export interface HistoryListOptions {
  entries?: readonly string[];
  /** Default 1000. */
  cap?: number;
}

/** History kept in memory only. */
export function createHistoryList({ entries = [], cap = DEFAULT_HISTORY_CAP }: HistoryListOptions = {}): LineHistory {
  let list: readonly string[] = entries.slice(Math.max(0, entries.length - cap));
  return {
    get entries() {
      return list;
    },
    add(line) {
      list = appendEntry(list, line, cap);
    },
  };
}

/**
 * ↑/↓ through history: the line being edited is kept as the draft when browsing starts and
 * comes back when ↓ passes the newest entry.
 */
export class HistoryBrowser {
  /** Index of the entry shown, or undefined at the bottom (the draft). */
  private position: number | undefined;
  private draft = '';

  get browsing(): boolean {
    return this.position !== undefined;
  }

  get index(): number | undefined {
    return this.position;
  }

  /** The line that was being edited when browsing started. */
  get draftText(): string {
    return this.draft;
  }

  /** The older entry to show, or undefined when there is none. */
  previous(entries: readonly string[], current: string): string | undefined {
    if (entries.length === 0) return undefined;
    if (this.position === undefined) {
      this.draft = current;
      this.position = entries.length - 1;
    } else if (this.position > 0) {
      this.position -= 1;
    } else {
      return undefined;
    }
    return entries[this.position];
  }

  /** The newer entry to show (the draft after the newest), or undefined when already at the bottom. */
  next(entries: readonly string[]): string | undefined {
    if (this.position === undefined) return undefined;
    if (this.position + 1 < entries.length) {
      this.position += 1;
      return entries[this.position];
    }
    this.position = undefined;
    return this.draft;
  }

  /** Continues browsing from entry `index` (after a reverse search), with `draft` at the bottom. */
  jumpTo(index: number, draft: string): void {
    this.position = index;
    this.draft = draft;
  }

  reset(): void {
    this.position = undefined;
    this.draft = '';
  }
}
