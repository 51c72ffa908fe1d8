import { Kernel } from '../../kernel/index.js';
import type { CalibrationRow } from './rows.js';

const decoder = new TextDecoder('latin1');

/** Runs `command --seed N` on a freshly booted kernel (metrics off) and returns its output. */
export function runOnce(profile: string, command: string, seed: number): string {
  const kernel = new Kernel({ seed, profile });
  kernel.boot();
  const send = (line: string): string => {
    kernel.receive(new TextEncoder().encode(`${line}\r`));
    let out = decoder.decode(kernel.takeOutput());
    while (kernel.busy) {
      kernel.advance(kernel.nowUs + 100_000);
      out += decoder.decode(kernel.takeOutput());
    }
    return out;
  };
  send('metricsctl off');
  return send(`${command} --seed ${seed}`);
}

/**
 * The numbers of one output by key: summary `Key: N` lines, compare sides as `OFF Key` / `ON Key`
 * (breakdown lines included), latency lines as `Key p50` / `p95` / `p99`.
 */
export function figures(output: string): Map<string, number> {
  const out = new Map<string, number>();
  let side = '';
  for (const line of output.split('\n')) {
    const section = /^Autonomy (OFF|ON):$/.exec(line);
    if (section) side = `${section[1]} `;
    else if (line === 'Impact:') side = '';
    const kv = /^ {2,4}(?:- )?([A-Za-z][A-Za-z /-]*?): (\d+)(?:%| ms)?$/.exec(line);
    if (kv) out.set(side + kv[1]!, Number(kv[2]));
    const lat = /^ {2}([A-Za-z ]*Latency): p50=(\d+)ns p95=(\d+)ns p99=(\d+)ns$/.exec(line);
    if (lat) ['p50', 'p95', 'p99'].forEach((p, i) => out.set(`${lat[1]} ${p}`, Number(lat[i + 2])));
  }
  return out;
}

export interface RowResult {
  readonly row: CalibrationRow;
  readonly values: readonly number[];
  readonly mean: number;
  readonly sd: number;
  /** 2.5th and 97.5th percentile of the runs. */
  readonly interval: readonly [number, number];
  readonly inside: boolean;
}

export function summarise(row: CalibrationRow, raw: readonly number[]): RowResult {
  const values = raw.map((v) => v / (row.scale ?? 1));
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, n - 1));
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(n - 1, Math.max(0, Math.round(q * (n - 1))))]!;
  return { row, values, mean, sd, interval: [at(0.025), at(0.975)], inside: mean >= row.range[0] && mean <= row.range[1] };
}

/** Every row of a profile over seeds 1..n (each scenario run once per seed). */
export function measureProfile(profile: string, rows: readonly CalibrationRow[], seeds: number): RowResult[] {
  const outputs = new Map<string, Array<Map<string, number>>>();
  for (const command of new Set(rows.map((r) => r.command))) {
    outputs.set(command, Array.from({ length: seeds }, (_, i) => figures(runOnce(profile, command, i + 1))));
  }
  return rows.map((row) => summarise(row, outputs.get(row.command)!.map((f) => f.get(row.key) ?? Number.NaN)));
}
