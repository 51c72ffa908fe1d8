/** Lines the console takes for itself instead of sending, in line mode at a SIS prompt. */
const QUIT_LINES = new Set(['exit', 'quit']);

export function isQuitLine(line: string): boolean {
  return QUIT_LINES.has(line.trim());
}
