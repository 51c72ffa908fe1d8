import { useInput } from 'ink';
import { useRef, useState } from 'react';
import type { HistoryEntry } from '../../history/index.js';
import { HistoryView, pageCount } from './history-view.js';

export interface HistoryPagerProps {
  /** Oldest first, as the history store reads them. */
  entries: readonly HistoryEntry[];
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

/** The past-results view in the console's frame: one page of the history, paged with PgUp/PgDn. */
export function HistoryPager({ entries, width, rows, onClose, onKeep }: HistoryPagerProps) {
  const [page, setPageState] = useState(0);
  // Keys read in one burst see each other's page, not the one last rendered.
  const current = useRef(0);
  const size = historyPageSize(rows);
  const last = pageCount(entries.length, size) - 1;
  const setPage = (next: number): void => {
    current.current = Math.max(0, Math.min(last, next));
    setPageState(current.current);
  };
  useInput((input, key) => {
    if (key.pageUp) setPage(current.current + 1);
    else if (key.pageDown) setPage(current.current - 1);
    else if (key.home) setPage(0);
    else if (key.end) setPage(last);
    else if (key.return) onKeep(Math.min(current.current, last), size);
    else if (key.escape || input === 'q' || (key.ctrl && input === 'c')) onClose();
  });
  const shown = Math.min(page, last);
  const footer = `page ${shown + 1}/${last + 1} · ${PAGER_KEYS}`;
  return <HistoryView entries={entries} width={width} pageSize={size} page={shown} footer={footer} />;
}
