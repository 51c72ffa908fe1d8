import { placed, PtyProcess } from './pty.js';

export interface PasteResult {
  /** Paste written → its last characters on the console's input line. */
  readonly shownMs: number;
  /** Paste written → Ctrl-A and a typed key shown at the start of the line. */
  readonly editedMs: number;
}

/**
 * The console on a 120x40 pty at an idle `sis> `: one line of `size` characters written to the
 * terminal at once, as a terminal hands over a paste (the pty passes it on in reads of 4 KiB).
 */
export async function pasteLine(size = 1_000_000): Promise<PasteResult> {
  const pty = new PtyProcess('node dist/sis.js --seed 1 --speed max --no-history', { env: { SIS_CONSOLE_HISTORY: '' } });
  try {
    await pty.waitFor('sis> ');
    // The first frame settles (status line, prompt) before the paste.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const line = `${'x'.repeat(size - 3)}END`;
    const start = performance.now();
    const shown = pty.waitFor('END', 120_000);
    pty.write(line);
    await shown;
    const shownMs = performance.now() - start;
    const edited = pty.waitFor(new RegExp(`sis> Q|${placed('Q')}`), 60_000);
    pty.write('\x01');
    pty.write('Q');
    await edited;
    return { shownMs, editedMs: performance.now() - start };
  } finally {
    await pty.kill();
  }
}
