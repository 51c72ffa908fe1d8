import { createRequire } from 'node:module';

/*
 * Node's raw mode leaves the terminal's output processing on: for every '\n' the kernel's line
 * discipline writes '\r\n' to the terminal with a write of its own (ONLCR), which under a device
 * flood costs more than the line. The console makes its own line ends and, once raw mode is on,
 * turns output processing off as picocom's raw mode does. Until then, or if that fails, the
 * terminal adds a second '\r', which shows nothing. Leaving raw mode restores the settings the
 * terminal had before it (Node saved them when raw mode began), output processing included.
 */

/** `text` with each '\n' as '\r\n', the line end a terminal without output processing needs. */
export function terminalLineEnds(text: string): string {
  // split and join: one copy, where replaceAll builds the result piece by piece.
  return text.indexOf('\n') < 0 ? text : text.split('\n').join('\r\n');
}

type SpawnSync = typeof import('node:child_process').spawnSync;

/**
 * Turns the terminal's output processing off (`stty -opost` on the console's stdin) while raw mode
 * is on; returns whether it did. Synchronous, so that raw mode cannot end, and save these settings
 * as the ones to restore, while stty runs.
 */
export function outputProcessingOff(): boolean {
  const stdin = process.stdin;
  if (process.platform === 'win32' || stdin.isTTY !== true || !stdin.isRaw) return false;
  // Loaded here: child_process is among Node's slowest modules to load.
  const spawnSync = createRequire(import.meta.url)('node:child_process').spawnSync as SpawnSync;
  const result = spawnSync('stty', ['-opost'], { stdio: ['inherit', 'ignore', 'ignore'], timeout: 2000 });
  return result.status === 0;
}
