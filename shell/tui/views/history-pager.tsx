import { useInput } from 'ink';
import { useRef, useState } from 'react';
import type { HistoryEntry } from '../../results/history/index.js';
import { HistoryView, pageCount } from './history-view.js';

export interface HistoryPagerProps {
  /** Oldest first, as the history store reads them; null while the view is closed (nothing drawn). */
  entries: readonly HistoryEntry[] | null;
  width: number;
  /** Terminal rows: the page is sized so the console's frame stays shorter than the screen. */
  rows: number;
  /** Esc, q or Ctrl-C: the view goes. */
  onClose: () => void;
  /** Enter: the page shown is written into the scrollback and the view goes. */
  onKeep: (page: number, pageSize: number) => void;
}

/** Rows the console's frame keeps besides the table's entries: title, header, keys line, input, status, spare. */
const FRAME_ROWS = 8;
export const MAX_PAGE_SIZE = 20;

/** Entries per page on a terminal of `rows` rows: at most 20, at least 3. */
export function historyPageSize(rows: number): number {
  return Math.max(3, Math.min(MAX_PAGE_SIZE, rows - FRAME_ROWS));
}

export const PAGER_KEYS = 'PgUp older · PgDn newer · Home/End newest/oldest · Enter keep · Esc close';

/**
 * The past-results view in the console's frame: one page of the history, paged with PgUp/PgDn.
 * Stays mounted while closed, so it reads the first key after it opens (Ink attaches key
 * listeners in an effect, after the frame that shows the view).
 */
export function HistoryPager({ entries, width, rows, onClose, onKeep }: HistoryPagerProps) {
  const [page, setPageState] = useState(0);
  // Keys read in one burst see each other's page, not the one last rendered.
  const current = useRef(0);
  const open = useRef<readonly HistoryEntry[] | null>(null);
  if (open.current !== entries) {
    open.current = entries;
    current.current = 0;
    if (page !== 0) setPageState(0);
  }
  const size = historyPageSize(rows);
  const last = pageCount(entries?.length ?? 0, size) - 1;
  // The key handler Ink holds may be an earlier render's: it reads this render's values here.
  const latest = useRef({ onClose, onKeep, size, last });
  latest.current = { onClose, onKeep, size, last };
  const setPage = (next: number): void => {
    current.current = Math.max(0, Math.min(latest.current.last, next));
    setPageState(current.current);
  };
  useInput((input, key) => {
    if (open.current === null) return;
    if (key.pageUp) setPage(current.current + 1);
    else if (key.pageDown) setPage(current.current - 1);
    else if (key.home) setPage(0);
    else if (key.end) setPage(latest.current.last);
    else if (key.return) latest.current.onKeep(Math.min(current.current, latest.current.last), latest.current.size);
    else if (key.escape || input === 'q' || (key.ctrl && input === 'c')) latest.current.onClose();
  });
  if (entries === null) return null;
  const shown = Math.min(current.current, last);
  const footer = `page ${shown + 1}/${last + 1} · ${PAGER_KEYS}`;
  return <HistoryView entries={entries} width={width} pageSize={size} page={shown} footer={footer} />;
}
