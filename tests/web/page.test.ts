import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { killAll, SisProcess } from '../e2e/transports-helpers.js';
import { CHROMIUM, describeWithChromium } from './browser.js';
import { get } from './dashboard-rig.js';

/** Screenshots of the flow, to look at after a run. */
export const SHOTS = join(process.cwd(), 'test-output', 'web');

const CHAOS = 'stresstest chaos --duration 3000 --fail-rate 20 --seed 7 --verbose';

describeWithChromium('the dashboard page in headless Chromium', () => {
  let dir: string;
  let dashboard: SisProcess;
  let base: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'sis-page-'));
    dashboard = new SisProcess(['dashboard', '--listen', '127.0.0.1:0', '--speed', 'realtime', '--seed', '21', '--history', join(dir, 'h.jsonl')]);
    base = (await dashboard.untilStderr(/serving (http:\/\/[\d.:]+)\//))[1]!;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${base}/`);
  });
  afterAll(async () => {
    await browser?.close();
    await killAll();
    rmSync(dir, { recursive: true, force: true });
  });

  async function runFromForm(duration: string, extra: { failRate?: string; seed?: string; verbose?: boolean }): Promise<void> {
    await page.selectOption('select[name=test]', 'chaos');
    await page.fill('input[name="--duration"]', duration);
    await page.fill('input[name="--fail-rate"]', extra.failRate ?? '');
    await page.fill('input[name="--seed"]', extra.seed ?? '');
    await page.locator('label.flag', { hasText: '--verbose' }).locator('input').setChecked(extra.verbose ?? false);
    await page.getByRole('button', { name: 'Run' }).click();
  }

  test('a 3 s chaos test from the form: the chart gains points, the timeline fills, history gets the verdict', async () => {
    await page.waitForSelector('select[name=test] option[value=chaos]', { state: 'attached' });
    await expect(page.getByTestId('link').textContent()).resolves.toBe('connected to virtual');
    await runFromForm('3000', { failRate: '20', seed: '7', verbose: true });
    await expect(page.getByTestId('command-line').textContent()).resolves.toBe(CHAOS);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=busy]')?.textContent === 'running');
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('.chart')?.dataset.points) >= 3);
    const early = Number(await page.locator('.chart').getAttribute('data-points'));
    // Still running when it has more: the chart streams, it is not drawn once at the end.
    await page.waitForFunction(
      (n) => Number(document.querySelector<HTMLElement>('.chart')?.dataset.points) > n + 2 &&
        document.querySelector('[data-testid=busy]')?.textContent === 'running',
      early,
    );
    await page.waitForFunction(() => document.querySelectorAll('.timeline .mark').length > 10);
    expect(await page.locator('.timeline .mark-failed, .timeline .mark-recovered').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, '1-live-chaos.png'), fullPage: true });

    const row = page.locator('[data-testid=history] tbody tr', { hasText: CHAOS });
    await row.waitFor({ timeout: 20_000 });
    const verdict = await row.locator('.verdict').textContent();
    expect(['PASS', 'PARTIAL PASS', 'FAIL']).toContain(verdict);
    const id = (await row.getAttribute('data-id'))!;
    const doc = await get(base, `/api/stress/runs/${id}`);
    expect(doc.json.runs[0]).toMatchObject({ type: 'chaos', verdict, command: CHAOS });
    await page.waitForFunction(() => document.querySelector('[data-testid=busy]')?.textContent === 'idle');
    await page.screenshot({ path: join(SHOTS, '2-finished.png'), fullPage: true });
  });

  test('two runs selected in the history show side by side with deltas', async () => {
    await runFromForm('500', { seed: '8' });
    await page.locator('[data-testid=history] tbody tr').nth(1).waitFor({ timeout: 20_000 });
    await page.locator('[data-testid=history] tbody tr input[type=checkbox]').nth(0).check();
    await page.locator('[data-testid=history] tbody tr input[type=checkbox]').nth(1).check();
    const compare = page.getByTestId('compare');
    await compare.locator('tbody tr', { hasText: 'chaos_events_count' }).waitFor();
    const headers = await compare.locator('thead th').allTextContents();
    expect(headers.filter((h) => /^(A|B): chaos/.test(h))).toHaveLength(2);
    const cells = await compare.locator('tbody tr', { hasText: 'chaos_events_count' }).locator('td').allTextContents();
    expect(Number(cells[3])).toBe(Number(cells[2]) - Number(cells[1]));
    await compare.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, '3-compare.png'), fullPage: true });

    const history = page.getByTestId('history');
    const verdicts = async (): Promise<string[]> => history.locator('tbody tr .verdict').allTextContents();
    const all = await verdicts();
    await history.locator('select[name=verdict]').selectOption('PASS');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=history] tbody tr').length === n, all.filter((v) => v === 'PASS').length);
    expect(new Set(await verdicts())).toEqual(new Set(['PASS']));
    await history.locator('select[name=verdict]').selectOption('');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=history] tbody tr').length === n, all.length);
    // Oldest first after a click on the date column.
    const ids = async (): Promise<string[]> => history.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id') ?? ''));
    const newestFirst = await ids();
    await history.locator('th', { hasText: 'date' }).click();
    expect(await ids()).toEqual([...newestFirst].reverse());
  });

  test('the web terminal shows sis> and runs help', async () => {
    const rows = page.locator('.console .xterm-rows');
    await page.waitForFunction(() => (document.querySelector('.console .xterm-rows')?.textContent ?? '').includes('sis>'));
    await page.locator('.console .term').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=engine]')?.textContent?.startsWith('line'));
    await page.keyboard.type('helpx');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.querySelector('.console .xterm-rows')?.textContent ?? '').includes('Available commands:'));
    expect(await rows.textContent()).toContain('sis> help');
    await page.getByTestId('console').screenshot({ path: join(SHOTS, '4-web-console.png') });
  });
});
