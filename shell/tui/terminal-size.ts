import type { WriteStream } from 'node:tty';

const FALLBACK = { columns: 80, rows: 24 } as const;

/**
 * A pseudo-terminal may report 0 rows and columns (a `script` or container without a size). Ink then
 * asks the `terminal-size` package, which runs `tput` and `stty` one after another (~300 ms before
 * the first frame, again on every resize): give the stream 80x24 instead, now and after each resize.
 * Call before Ink subscribes to `resize`, so this listener runs first.
 */
export function assumeSizeWhenUnknown(stream: WriteStream): () => void {
  const apply = (): void => {
    if (!stream.columns) stream.columns = FALLBACK.columns;
    if (!stream.rows) stream.rows = FALLBACK.rows;
  };
  apply();
  stream.prependListener('resize', apply);
  return () => void stream.off('resize', apply);
}
