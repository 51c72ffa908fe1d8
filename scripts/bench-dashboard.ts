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
  say(`load average at start: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`);

  const bundle = bundleSize();
  json.bundle = bundle;
  rows.push(['page bundle, gzipped (KB)', (bundle.gzip / 1024).toFixed(1), `raw ${(bundle.raw / 1024).toFixed(0)} KB`, '<= 400', String(bundle.gzip <= 400 * 1024)]);

  say('GET /api/stress/runs with 10 000 runs (autocannon, 3 × 10 s)');
  const latency = await runsLatency(10_000, 10);
  json.runs = latency;
  const { runs, runs4, health } = latency;
  rows.push([
    'GET /api/stress/runs p99, 10 000 runs, 1 connection (ms)',
    `${runs.p99} (p50 ${runs.p50}, ${runs.rps.toFixed(0)} req/s; 4 connections: p99 ${runs4.p99}, ${runs4.rps.toFixed(0)} req/s; ${runs.errors + runs4.errors} errors)`,
    `GET /api/health p99 ${health.p99} (p50 ${health.p50}, ${health.rps.toFixed(0)} req/s)`,
    '<= 5',
    String(runs.p99 <= 5),
  ]);

  const browser = await launchChromium();
  try {
    say('first chart (7 page loads)');
    const times = await firstChartMs(browser, 7);
    const first = spread(times.chart);
    const dom = spread(times.domReady);
    json.firstChart = { chart: first, domReady: dom };
    rows.push([
      'first chart drawn after navigation, headless Chromium (ms)',
      formatSpread(first, (x) => x.toFixed(0)),
      `DOMContentLoaded ${formatSpread(dom, (x) => x.toFixed(0))}`,
      '<= 1000',
      String(first.median <= 1000),
    ]);

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
