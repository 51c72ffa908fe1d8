import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PtyProcess } from './pty.js';

export interface TerminalBytesResult {
  /** Bytes the console wrote to its terminal from Enter until it was idle at the prompt again. */
  readonly terminalBytes: number;
  /** Bytes received from the device over the same span (the session log's growth). */
  readonly deviceBytes: number;
  readonly ratio: number;
}

export interface TerminalBytesOptions {
  command?: string;
  cols?: number;
  rows?: number;
}

/**
 * The console on a 120x40 pty, the model in real time: a 10 s memory test (METRIC lines hidden,
 * as by default; the live panel draws them). Counts what reaches the terminal against what the
 * device sent, from the Enter that starts the test until the card is written and the status line
 * says the console is idle again.
 */
export async function terminalBytes(options: TerminalBytesOptions = {}): Promise<TerminalBytesResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sis-bench-bytes-'));
  const log = join(dir, 'session.log');
  const pty = new PtyProcess(`node dist/sis.js --seed 1 --log ${log}`, {
    env: { SIS_CONSOLE_HISTORY: '', SIS_HISTORY: join(dir, 'history.jsonl') },
    cols: options.cols ?? 120,
    rows: options.rows ?? 40,
  });
  try {
    await pty.waitFor('Ctrl-T h help');
    const logBefore = statSync(log).size;
    let bytes = 0;
    const off = pty.onOutput((text) => (bytes += text.length));
    const idle = pty.waitFor(/Alloc latency[^]*Ctrl-T h help/, 60_000);
    pty.write(`${options.command ?? 'stresstest memory --duration 10000 --seed 1'}\r`);
    await idle;
    off();
    const deviceBytes = statSync(log).size - logBefore;
    return { terminalBytes: bytes, deviceBytes, ratio: bytes / deviceBytes };
  } finally {
    await pty.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
