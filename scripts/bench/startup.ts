import { fileURLToPath } from 'node:url';
import { PtyProcess } from './pty.js';

const BARE_INK = fileURLToPath(new URL('./bare-ink.mjs', import.meta.url));

/** Wall ms from spawning `command` on a pty until `sis> ` is on the screen. */
export async function timeToPrompt(command: string): Promise<number> {
  const pty = new PtyProcess(command);
  try {
    return await pty.waitFor('sis>', 15_000);
  } finally {
    await pty.kill();
  }
}

export const STARTUP_COMMANDS = {
  sis: 'node dist/sis.js',
  bareInk: `node ${BARE_INK}`,
  nodeE: `node -e "process.stdout.write('sis> ')"`,
} as const;
