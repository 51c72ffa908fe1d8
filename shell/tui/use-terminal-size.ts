import { useStdout } from 'ink';
import { useEffect, useState } from 'react';
import type { TerminalSize } from './live-region.js';

/** The terminal's size, re-rendering the component when it changes (Ink alone only re-lays out). */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const read = (): TerminalSize => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = (): void => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
