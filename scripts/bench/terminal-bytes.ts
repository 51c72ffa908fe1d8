import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
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
    // The status line is too full at 120 columns for its trailing hint: the mode says the prompt is known.
    await pty.waitFor('line mode');
    const logBefore = statSync(log).size;
    let bytes = 0;
    let lastOutputMs = performance.now();
    const off = pty.onOutput((text) => {
      bytes += text.length;
      lastOutputMs = performance.now();
    });
    const card = pty.waitFor(/Alloc latency/, 60_000);
    pty.write(`${options.command ?? 'stresstest memory --duration 10000 --seed 1'}\r`);
    await card;
    // Idle again: the device's prompt is in the log, and the console has drawn it (its output quiet).
    await until(() => readFileSync(log, 'latin1').endsWith('sis> ') && performance.now() - lastOutputMs > 300, 10_000);
    off();
    const deviceBytes = statSync(log).size - logBefore;
    return { terminalBytes: bytes, deviceBytes, ratio: bytes / deviceBytes };
  } finally {
    await pty.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error('the console did not come back to an idle prompt');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
