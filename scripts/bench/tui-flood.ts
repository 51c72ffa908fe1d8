import { placed, PtyProcess } from './pty.js';
import { spread, type Spread } from './stats.js';

export interface FloodResult {
  /** Kernel lines that reached the screen per wall second while the test streamed. */
  readonly linesPerSecond: number;
  readonly lines: number;
  /** Keystroke → its echo on the screen, during the flood. */
  readonly echoMs: Spread & { readonly p99: number };
  readonly keystrokes: number;
  /** RSS of the console after the flood, and the lines that had scrolled by then. */
  readonly rssMiB: number;
  readonly totalLines: number;
}

// Letters the flood and the panels do not print, so an echo cannot be mistaken for device text.
const KEYS = 'QZJKVXWY';
const LINE_MARK = /\[CHAOS\] |\n {2}-> |METRIC stress_/g;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * The console on a pty, the model at --speed max streaming one-hour verbose chaos tests (until
 * `targetLines` have scrolled by)
 * with METRIC lines shown (Ctrl-T m): counts the kernel lines that reach the screen, types a key
 * every 20 ms and times each one's echo, then reads the console's RSS.
 */
export async function tuiFlood(targetLines = 1_000_000, maxRuns = 4): Promise<FloodResult> {
  const pty = new PtyProcess('node dist/sis.js --seed 1 --speed max --no-history', {
    env: { SIS_CONSOLE_HISTORY: '' },
  });
  try {
    await pty.waitFor('sis> ');
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // The console escape key, then its action key: each a separate keystroke, as a person types them.
    await pause(300);
    pty.write('\x14');
    await pause(200);
    pty.write('m');
    await pause(200);
    let lines = 0;
    let firstMs = 0;
    let lastMs = 0;
    let streamLines = 0;
    const off = pty.onOutput((text, atMs) => {
      const n = text.match(LINE_MARK)?.length ?? 0;
      if (n === 0) return;
      if (firstMs === 0) firstMs = atMs;
      lastMs = atMs;
      lines += n;
    });
    const echoes: number[] = [];
    for (let run = 0; run < maxRuns && lines < targetLines; run++) {
      const before = lines;
      pty.write(`stresstest chaos --duration 3600000 --verbose --seed ${run + 1}\r`);
      const done = pty.waitFor(/Status: (PASS|PARTIAL PASS|FAIL)/, 300_000);
      let finished = false;
      void done.then(() => (finished = true));
      let typed = '';
      while (!finished) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        if (finished) break;
        if (typed.length >= 40) {
          pty.write('\x15');
          typed = '';
          continue;
        }
        const key = KEYS[typed.length % KEYS.length]!;
        typed += key;
        if (typed.length < 3) {
          pty.write(key);
          continue;
        }
        const window = typed.slice(-3);
        const sentMs = performance.now();
        const echoed = pty.waitFor(new RegExp(`${window}|${placed(typed.slice(-2))}|${placed(key)}`), 5_000).then(
          () => echoes.push(performance.now() - sentMs),
          () => echoes.push(5_000),
        );
        pty.write(key);
        await echoed;
      }
      await done;
      pty.write('\x15');
      if (run === 0) streamLines = lines - before;
    }
    off();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const rssMiB = pty.rssKiB() / 1024;
    return {
      linesPerSecond: streamLines > 0 ? lines / ((lastMs - firstMs) / 1000) : 0,
      lines: streamLines,
      echoMs: { ...spread(echoes), p99: percentile(echoes, 99) },
      keystrokes: echoes.length,
      rssMiB,
      totalLines: lines,
    };
  } finally {
    await pty.kill();
  }
}
