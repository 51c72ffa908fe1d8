import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { bundleSize, firstChartMs, launchChromium, liveUpdateRate, runsLatency } from './bench/dashboard-bench.js';
import { formatSpread, spread } from './bench/stats.js';

/**
 * The dashboard's figures (issue: `sis dashboard`), after `npm run build`: live updates in the
 * browser with the server's CPU, GET /api/stress/runs p99 with 10 000 runs, bundle size, first
 * chart time. Prints a table and writes .bench/dashboard.json.
 */
const say = (text: string): void => void process.stderr.write(`bench: ${text}\n`);

async function main(): Promise<void> {
  const rows: string[][] = [];
  const json: Record<string, unknown> = { machine: { cpus: cpus().length, loadavgAtStart: loadavg(), node: process.version } };

  const bundle = bundleSize();
  json.bundle = bundle;
  rows.push(['page bundle, gzipped (KB)', (bundle.gzip / 1024).toFixed(1), `raw ${(bundle.raw / 1024).toFixed(0)} KB`, '<= 400', String(bundle.gzip <= 400 * 1024)]);

  say('GET /api/stress/runs with 10 000 runs (autocannon, 10 s)');
  const latency = await runsLatency(10_000, 10);
  json.runs = latency;
  rows.push(['GET /api/stress/runs p99, 10 000 runs (ms)', String(latency.p99), `p50 ${latency.p50} ms, ${latency.rps.toFixed(0)} req/s, ${latency.errors} errors`, '<= 5', String(latency.p99 <= 5)]);

  const browser = await launchChromium();
  try {
    say('first chart (7 page loads)');
    const first = spread(await firstChartMs(browser, 7));
    json.firstChart = first;
    rows.push(['first chart drawn after navigation (ms)', formatSpread(first, (x) => x.toFixed(0)), 'headless Chromium', '<= 1000', String(first.max <= 1000)]);

    say('live updates during a 10 s chaos test at --speed realtime');
    const live = await liveUpdateRate(browser, 10_000);
    json.live = live;
    rows.push([
      'live updates in the browser, chaos at realtime (/s)',
      `${live.chartPerS.toFixed(1)} chart redraws, ${live.livePerS.toFixed(1)} live snapshots`,
      `server CPU ${live.serverCpuPct.toFixed(1)} % of one core`,
      '>= 10 /s, CPU < 15 %',
      String(live.chartPerS >= 10 && live.serverCpuPct < 15),
    ]);
  } finally {
    await browser.close();
  }

  const header = ['figure', 'measured', 'anchor', 'goal', 'met'];
  process.stdout.write(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|\n`);
  for (const row of rows) process.stdout.write(`| ${row.join(' | ')} |\n`);
  mkdirSync('.bench', { recursive: true });
  writeFileSync('.bench/dashboard.json', `${JSON.stringify(json, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench-dashboard: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
