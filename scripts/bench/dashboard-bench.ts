import autocannon from 'autocannon';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { startDashboard } from './dashboard-server.js';

const CHROMIUM = '/usr/bin/chromium';

interface PageStats {
  chartDraws: number;
  firstChartAt: number | null;
  liveMessages: number;
}

const stats = (page: import('playwright-core').Page): Promise<PageStats> =>
  page.evaluate(() => (globalThis as unknown as { sisPageStats: PageStats }).sisPageStats);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** Bytes of the whole page (every JS and CSS file, lazy chunks included), raw and gzipped. */
export function bundleSize(): { raw: number; gzip: number } {
  const files = readdirSync('dist/web').filter((f) => /\.(js|css)$/.test(f)).map((f) => readFileSync(join('dist/web', f)));
  return { raw: files.reduce((n, b) => n + b.length, 0), gzip: files.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0) };
}

/**
 * A `durationMs` chaos test at --speed realtime launched through the API while headless Chromium
 * shows the page: chart redraws and live messages per second in the browser, and the server's
 * CPU over the same wall time (share of one core).
 */
export async function liveUpdateRate(browser: Browser, durationMs: number): Promise<{ chartPerS: number; livePerS: number; serverCpuPct: number }> {
  const server = await startDashboard(['--speed', 'realtime', '--no-history', '--seed', '3']);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${server.base}/`);
    await page.waitForFunction(() => (globalThis as unknown as { sisPageStats: PageStats }).sisPageStats.firstChartAt !== null);
    await page.waitForFunction(() => document.querySelector('[data-testid=engine]')?.textContent?.startsWith('line'));
    const response = await fetch(`${server.base}/api/stress/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ command: `stresstest chaos --duration ${durationMs} --fail-rate 20 --verbose` }),
    });
    if (response.status !== 202) throw new Error(`launch: ${response.status} ${await response.text()}`);
    await page.waitForFunction(() => document.querySelector('[data-testid=busy]')?.textContent === 'running');
    const before = await stats(page);
    const cpu0 = server.cpuSeconds();
    const t0 = performance.now();
    await page.waitForFunction(() => document.querySelector('[data-testid=busy]')?.textContent === 'idle', undefined, { timeout: durationMs + 30_000 });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = server.cpuSeconds() - cpu0;
    const after = await stats(page);
    await page.close();
    return {
      chartPerS: (after.chartDraws - before.chartDraws) / seconds,
      livePerS: (after.liveMessages - before.liveMessages) / seconds,
      serverCpuPct: (cpu / seconds) * 100,
    };
  } finally {
    await server.stop();
  }
}

/** ms from navigation to the first uPlot draw, and to DOMContentLoaded (the anchor), over `runs` fresh pages. */
export async function firstChartMs(browser: Browser, runs: number): Promise<{ chart: number[]; domReady: number[] }> {
  const server = await startDashboard(['--speed', 'max', '--no-history']);
  try {
    const times: number[] = [];
    const domReady: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.base}/`);
      await page.waitForFunction(() => (globalThis as unknown as { sisPageStats: PageStats }).sisPageStats.firstChartAt !== null);
      times.push((await stats(page)).firstChartAt!);
      domReady.push(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd));
      await context.close();
    }
    return { chart: times, domReady };
  } finally {
    await server.stop();
  }
}

/** A history of `count` entries made from one real run line, a minute apart. */
function writeHistory(path: string, count: number): void {
  const run = {
    history_version: 1,
    recorded_at: '',
    source: 'run',
    target: { kind: 'model', transport: 'virtual' },
    kind: 'run',
    run: {
      index: 0, type: 'chaos', format: 'V2', command: 'stresstest chaos --duration 5000 --fail-rate 20', compare: null,
      started_at: null, finished_at: '', config: { extra: {}, duration_ms: 5000, fail_rate: 20, flags: { duration: '5000', 'fail-rate': '20' } },
      verdict: 'PARTIAL PASS', cancelled_after_ms: null, shell_line: null, extra: {},
      metrics: { chaos_events_count: 240, successful_recoveries: 209, failed_recoveries: 31, success_rate: 87, latency_kind: 'recovery', latency_p50_ns: 540000, latency_p95_ns: 50000000, latency_p99_ns: 70000000 },
    },
  };
  const start = Date.parse('2026-01-01T00:00:00Z');
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(start + i * 60_000).toISOString();
    run.recorded_at = at;
    run.run.finished_at = at;
    run.run.verdict = i % 7 === 0 ? 'FAIL' : i % 3 === 0 ? 'PASS' : 'PARTIAL PASS';
    lines.push(JSON.stringify(run));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

export interface Latency {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
}

async function load(url: string, seconds: number, connections: number): Promise<Latency> {
  const result = await autocannon({ url, connections, duration: seconds });
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, errors: result.errors + result.non2xx };
}

/**
 * autocannon against GET /api/stress/runs (first page, newest first) with `count` entries in the
 * history, one connection (latency) then four (throughput, queueing included); the anchor is the
 * same server's GET /api/health (no history work) with one connection.
 */
export async function runsLatency(count: number, seconds: number): Promise<{ runs: Latency; runs4: Latency; health: Latency }> {
  const dir = mkdtempSync(join(tmpdir(), 'sis-bench-history-'));
  const history = join(dir, 'history.jsonl');
  writeHistory(history, count);
  const server = await startDashboard(['--speed', 'max', '--history', history]);
  try {
    const runs = await load(`${server.base}/api/stress/runs`, seconds, 1);
    const runs4 = await load(`${server.base}/api/stress/runs`, seconds, 4);
    const health = await load(`${server.base}/api/health`, seconds, 1);
    return { runs, runs4, health };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
