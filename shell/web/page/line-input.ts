/** What the web terminal does with typed text while the engine is in line mode. */
export interface LineInputActions {
  /** Text to show in the terminal (local echo and erasing). */
  echo(text: string): void;
  submit(line: string): void;
  interrupt(): void;
}

/**
 * A small line editor for the web terminal in line mode, as the console's input line: typed
 * characters are echoed locally, Backspace and Ctrl-U edit, Enter erases the local echo and hands
 * the line to the engine (the target echoes it when it is sent), Ctrl-C interrupts. Escape
 * sequences (arrows) are ignored.
 */
export function createLineInput(actions: LineInputActions): { feed(data: string): void; clear(): void } {
  let line = '';
  const erase = (): void => {
    if (line.length > 0) actions.echo('\b \b'.repeat(line.length));
    line = '';
  };
  return {
    feed(data) {
      if (data.startsWith('\x1b')) return;
      for (const ch of data) {
        if (ch === '\r' || ch === '\n') {
          const text = line;
          erase();
          actions.submit(text);
        } else if (ch === '\x7f' || ch === '\b') {
          if (line.length === 0) continue;
          line = line.slice(0, -1);
          actions.echo('\b \b');
        } else if (ch === '\x15') {
          erase();
        } else if (ch === '\x03') {
          erase();
          actions.interrupt();
        } else if (ch >= ' ') {
          line += ch;
          actions.echo(ch);
        }
      }
    },
    clear: erase,
  };
}
