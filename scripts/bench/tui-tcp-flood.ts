import { startFloodFarEnd } from './flood-far-end.js';
import { placed, PtyProcess } from './pty.js';
import { spread, type Spread } from './stats.js';

export interface TcpFloodResult {
  /** Keystroke → its echo on the console's input line, while the far end floods. */
  readonly echoMs: Spread & { readonly p99: number };
  readonly keystrokes: number;
  /** What the far end managed to send, MB/s over the flood. */
  readonly receivedMBps: number;
}

export interface BellStormResult {
  /** Bytes the console wrote to its terminal during the storm, per BEL byte received. */
  readonly terminalBytes: number;
  readonly bellsSent: number;
  /** BEL bytes that reached the terminal. */
  readonly bellsRung: number;
  /** The most BEL bytes that reached the terminal within any one second. */
  readonly mostInOneSecond: number;
}

const KEYS = 'qwertyuiopasdfghjklzxcvbnm';

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The console on a 120x40 pty, attached over tcp to a far end we did not write (a plain node tcp
 * server) that floods numbered lines at `bytesPerSecond` (undefined: as fast as it can) for
 * `durationMs`; a key typed every 20 ms, each timed until it shows on the input line.
 */
export async function tcpFloodEcho(bytesPerSecond: number | undefined = 5_000_000, durationMs = 8_000): Promise<TcpFloodResult> {
  const far = await startFloodFarEnd({ bytesPerSecond, durationMs });
  const pty = new PtyProcess(`node dist/sis.js tcp:127.0.0.1:${far.port} --no-history --no-reconnect`, {
    env: { SIS_CONSOLE_HISTORY: '' },
  });
  try {
    await pty.waitFor('sis> ');
    // Line mode once the prompt has settled: a typed key then shows on the console's own input line.
    for (;;) {
      const shown = pty.waitFor(new RegExp(`sis> a|${placed('a')}`), 2_000).then(() => true, () => false);
      pty.write('a');
      if (await shown) break;
    }
    pty.write('\x15');
    const done = pty.waitFor('flood done', durationMs + 120_000);
    let finished = false;
    void done.then(() => (finished = true));
    const start = performance.now();
    pty.write('flood\r');
    const echoes: number[] = [];
    let typed = '';
    await pause(200);
    while (!finished && performance.now() - start < durationMs - 100) {
      await pause(20);
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
      const sentMs = performance.now();
      const echoed = pty.waitFor(new RegExp(`${typed.slice(-3)}|${placed(typed.slice(-2))}|${placed(key)}`), 10_000).then(
        () => echoes.push(performance.now() - sentMs),
        () => echoes.push(10_000),
      );
      pty.write(key);
      await echoed;
    }
    const sent = far.sent();
    const seconds = (performance.now() - start) / 1000;
    await done;
    return { echoMs: { ...spread(echoes), p99: percentile(echoes, 99) }, keystrokes: echoes.length, receivedMBps: sent / 1e6 / seconds };
  } finally {
    await pty.kill();
    await far.close();
  }
}

/** The same console while the far end sends nothing but BEL bytes for `durationMs` at `bytesPerSecond`. */
export async function bellStorm(bytesPerSecond = 5_000_000, durationMs = 3_000): Promise<BellStormResult> {
  const far = await startFloodFarEnd({ bytesPerSecond, durationMs, content: 'bells' });
  const pty = new PtyProcess(`node dist/sis.js tcp:127.0.0.1:${far.port} --no-history --no-reconnect`, {
    env: { SIS_CONSOLE_HISTORY: '' },
  });
  try {
    await pty.waitFor('sis> ');
    await pause(500);
    let bytes = 0;
    const rings: number[] = [];
    const off = pty.onOutput((text, atMs) => {
      bytes += text.length;
      for (let i = text.indexOf('\x07'); i >= 0; i = text.indexOf('\x07', i + 1)) rings.push(atMs);
    });
    const done = pty.waitFor('flood done', durationMs + 120_000);
    pty.write('storm\r');
    await done;
    off();
    const mostInOneSecond = Math.max(0, ...rings.map((at) => rings.filter((t) => t >= at && t < at + 1000).length));
    return { terminalBytes: bytes, bellsSent: far.sent(), bellsRung: rings.length, mostInOneSecond };
  } finally {
    await pty.kill();
    await far.close();
  }
}
