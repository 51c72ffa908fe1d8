import { createSanitizer } from './sanitizer.js';
import { createUtf8Stream } from './utf8-stream.js';

/** SGR reset: colours and attributes the device left on are not the user's terminal's to keep. */
const RESET = '\x1b[0m';

export interface TerminalFilter {
  /** Device bytes in, text for the user's terminal out (UTF-8, escapes neutralised). */
  push(bytes: Uint8Array): string;
  /** The stream has ended: anything held is written, styling is reset. */
  end(): string;
}

/**
 * What plain mode writes when stdout is a terminal: the device's UTF-8 decoded across chunks and
 * its escape sequences neutralised as the TUI does (colours pass; titles, OSC 52, the alternate
 * screen, cursor moves and device queries are shown as visible text, never obeyed or answered by
 * the user's terminal).
 */
export function createTerminalFilter(): TerminalFilter {
  const utf8 = createUtf8Stream();
  const sanitizer = createSanitizer();
  return {
    push: (bytes) => sanitizer.push(utf8.decode(bytes)),
    end: () => sanitizer.push(utf8.end()) + sanitizer.end() + RESET,
  };
}
