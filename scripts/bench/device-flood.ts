import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PtyProcess } from './pty.js';
import { spread, type Spread } from './stats.js';

export type FloodConsole = 'sis' | 'picocom';
export type FloodContent = 'plain' | 'chaos';

export interface DeviceFloodResult {
  /** Lines written into the far end of the pty pair per second until the last one was on the console's output. */
  readonly linesPerSecond: number;
  readonly seconds: number;
  readonly bytes: number;
  /** CPU seconds (user + sys) the console's process spent from the first byte written to the last line shown. */
  readonly cpuSeconds: number;
  /** Bytes the console wrote to its terminal over the same span. */
  readonly outputBytes: number;
}

export interface DeviceFloodOptions {
  /** The console's command line in place of the default; `{device}` stands for the device path. */
  readonly command?: string;
  /** SIGTERM the console and wait for it to exit before closing its pty (so `--cpu-prof` writes its profile). */
  readonly graceful?: boolean;
}

const END = 'END-OF-FLOOD';

/** `count` lines: numbered lines of 80 characters, or a chaos test's `[CHAOS]` events and outcomes. */
export function floodText(content: FloodContent, count: number): string {
  const lines: string[] = [];
  if (content === 'plain') {
    for (let i = 1; i < count; i++) lines.push(`${String(i).padStart(6, '0')} ${'the quick brown fox jumps over the lazy dog, '.repeat(2).slice(0, 73)}`);
  } else {
    lines.push('=== Chaos Engineering Stress Test (Enhanced) ===', 'Duration: 3600000 ms', 'Failure Rate: 40%', 'Seed: 9', '');
    for (let i = lines.length; i < count - 1; i += 2) {
      lines.push(`[CHAOS] Network partition (${120 + (i % 50)}ms)`);
      lines.push(`  -> FAILED after ${120_000 + i}us (partition outlived the retry budget of ${i % 7} attempts)`);
    }
  }
  lines.length = count - 1;
  lines.push(`${END} ${count}`);
  return `${lines.join('\r\n')}\r\n`;
}

function startPtyPair(dir: string): Promise<{ a: string; b: string; kill: () => void }> {
  const a = join(dir, 'ttyA');
  const b = join(dir, 'ttyB');
  const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let log = '';
    child.once('error', reject);
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('starting data transfer loop')) resolve({ a, b, kill: () => child.kill('SIGKILL') });
    });
  });
}

const COMMANDS: Record<FloodConsole, (device: string) => string> = {
  picocom: (device) => `picocom -b 115200 ${device}`,
  sis: (device) => `node dist/sis.js ${device} --no-history`,
};

/**
 * A real device flood: a socat pty pair, the console (sis or picocom) on one end inside a 120x40
 * pty, `count` lines written into the other end as fast as it takes them (`cat`); the time from
 * the first byte written until the last line is on the console's output.
 */
export async function deviceFlood(
  console: FloodConsole,
  content: FloodContent,
  count = 200_000,
  options: DeviceFloodOptions = {},
): Promise<DeviceFloodResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sis-device-flood-'));
  const text = floodText(content, count);
  const file = join(dir, 'flood.txt');
  writeFileSync(file, text);
  const pair = await startPtyPair(dir);
  const command = options.command?.replaceAll('{device}', pair.b) ?? COMMANDS[console](pair.b);
  const pty = new PtyProcess(command, { env: { SIS_CONSOLE_HISTORY: '' } });
  try {
    // Ready once a line written into the far end shows: both consoles attached and drawing.
    for (let attempt = 0; ; attempt++) {
      const seen = pty.waitFor('ready-probe', 1_000).then(() => true, () => false);
      writeFileSync(pair.a, 'ready-probe\r\n');
      if (await seen) break;
      if (attempt > 30) throw new Error(`${console} never showed what the device sent`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const last = pty.waitFor(`${END} ${count}`, 600_000);
    let outputBytes = 0;
    const stopCounting = pty.onOutput((text) => void (outputBytes += text.length));
    const cpuAtStart = pty.cpuSeconds();
    const start = performance.now();
    const writer = spawn('sh', ['-c', `cat "${file}" > "${pair.a}"`], { stdio: 'ignore' });
    await last;
    const seconds = (performance.now() - start) / 1000;
    const cpuSeconds = pty.cpuSeconds() - cpuAtStart;
    stopCounting();
    writer.kill('SIGKILL');
    if (options.graceful === true) await pty.terminate();
    return { linesPerSecond: count / seconds, seconds, bytes: text.length, cpuSeconds, outputBytes };
  } finally {
    await pty.kill();
    pair.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface DeviceFloodComparison {
  readonly sis: Spread;
  readonly picocom: Spread;
  /** sis lines/s over picocom lines/s, run by run, then the median of those. */
  readonly ratio: Spread;
}

/** picocom and sis in turns, `runs` times each, on the same flood: the anchor is measured in the run. */
export async function compareDeviceFlood(content: FloodContent, runs = 3, count = 200_000): Promise<DeviceFloodComparison> {
  const sis: number[] = [];
  const picocom: number[] = [];
  const ratio: number[] = [];
  for (let i = 0; i < runs; i++) {
    const anchor = (await deviceFlood('picocom', content, count)).linesPerSecond;
    const ours = (await deviceFlood('sis', content, count)).linesPerSecond;
    picocom.push(anchor);
    sis.push(ours);
    ratio.push(ours / anchor);
  }
  return { sis: spread(sis), picocom: spread(picocom), ratio: spread(ratio) };
}
