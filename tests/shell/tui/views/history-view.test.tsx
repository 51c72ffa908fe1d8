import { afterEach, describe, expect, jest, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { render } from 'ink-testing-library';
import { entryRow, historyEntries, type HistoryEntry } from '../../../../shell/results/history/index.js';
import { createResultsBuilder } from '../../../../shell/results/index.js';
import { HistoryPager, HistoryView, historyPageSize } from '../../../../shell/tui/views/index.js';
import { waitFor } from '../../../helpers/wait.js';
import { frameOf, parseText } from './helpers.js';
import { historyDocument } from './history-fixture.js';

const GOLDEN = fileURLToPath(new URL('../../../fixtures/golden/', import.meta.url));

/** A paired `--runs 2` compare as the kernel prints it: no result block for either half. */
const PAIRED_ONLY = [
  'sis> stresstest compare chaos --duration 300 --fail-rate 40 --runs 2 --seed 3',
  '[COMPARE] run 1/2 seed=3: off successRate=66 failures=1 recoveryP99Ns=53413000 | on successRate=66 failures=1 recoveryP99Ns=53413000',
  '[COMPARE] run 2/2 seed=4: off successRate=100 failures=0 recoveryP99Ns=39324000 | on successRate=100 failures=0 recoveryP99Ns=39324000',
  '',
  '=== Paired Comparison (2 runs, seeds 3..4) ===',
  '  Success rate (%): off=83.00 on=83.00 diff=0.00 ci95=[0.00,0.00] not significant',
  '  Failed recoveries: off=0.50 on=0.50 diff=0.00 ci95=[0.00,0.00] not significant',
  '  Recovery p99 (ns): off=46368500.00 on=46368500.00 diff=0.00 ci95=[0.00,0.00] not significant',
  '',
  'sis> ',
].join('\r\n');

/** The history fixture, then a multi run (no status line) and a paired compare; a minute apart each. */
function entries(): HistoryEntry[] {
  const builder = createResultsBuilder({ version: 't', target: { kind: 'model', transport: 'virtual' } });
  builder.consumeAll(parseText(readFileSync(`${GOLDEN}multi-verbose-seed3.txt`)));
  builder.consumeAll(parseText(PAIRED_ONLY));
  const all = [
    ...historyEntries(historyDocument(), 'console', new Date(0)),
    ...historyEntries(builder.document(), 'console', new Date(0)),
  ];
  return all.map((e, i) => ({ ...e, recorded_at: new Date(Date.UTC(2026, 10, 27, 10, i)).toISOString() }));
}

describe('the past-results view lists what sis history lists', () => {
  test('every entry, paired compares included, with the verdicts the CLI prints (multi: -)', () => {
    const list = entries();
    expect(frameOf(<HistoryView entries={list} width={100} />)).toBe(
      [
        'Past results · 9 entries',
        'When (UTC)        Test            Verdict           Seed  Duration  Key metrics',
        '2026-11-27 10:08  compare chaos   -                 3..4            runs=2 success_rate diff=0.00 f…',
        '2026-11-27 10:07  multi           -                    3    300 ms  peak=2% actions=29',
        '2026-11-27 10:06  memory          CANCELLED            5  60000 ms  peak=51% avg=47% oom=0 compacti…',
        '2026-11-27 10:05  learning        CANCELLED           11            decisions=15230 avg_reward=0 re…',
        '2026-11-27 10:04  compare memory  -             100..101    500 ms  runs=2 peak_pressure diff=-2.50…',
        '2026-11-27 10:03  chaos           FAIL                 3    100 ms  events=4 success=20% failed=4 p…',
        '2026-11-27 10:02  chaos           PARTIAL PASS         9    300 ms  events=6 success=71% failed=2 p…',
        '2026-11-27 10:01  commands        PASS                 7   1000 ms  sent=20 p99=97.0µs',
        '2026-11-27 10:00  memory          PASS                42   2000 ms  peak=54% avg=50% oom=3 compacti…',
      ].join('\n'),
    );
    // The same entries, in the same order (newest first here), with the CLI's type, verdict and metrics.
    const rows = frameOf(<HistoryView entries={list} width={100} />).split('\n').slice(2).map((r) => r.split(/ {2,}/));
    const cli = list.map(entryRow).reverse();
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual(cli.map(([date, type, verdict]) => [date!.slice(0, 16), type, verdict]));
    rows.forEach((r, i) => expect(cli[i]![3]!.startsWith(r.at(-1)!.replace(/…$/, ''))).toBe(true));
  });

  test('narrow terminals drop duration and seed and shorten the time first', () => {
    const list = entries().slice(0, 4);
    expect(frameOf(<HistoryView entries={list} width={60} />)).toBe(
      [
        'Past results · 4 entries',
        'UTC          Test      Verdict       Key metrics',
        '11-27 10:03  chaos     FAIL          events=4 success=20% f…',
        '11-27 10:02  chaos     PARTIAL PASS  events=6 success=71% f…',
        '11-27 10:01  commands  PASS          sent=20 p99=97.0µs',
        '11-27 10:00  memory    PASS          peak=54% avg=50% oom=3…',
      ].join('\n'),
    );
  });

  test('an empty history', () => {
    expect(frameOf(<HistoryView entries={[]} width={60} />)).toBe('No results recorded yet.');
  });
});

describe('paging beyond the newest 20', () => {
  const many = (n: number): HistoryEntry[] => {
    const base = entries()[0]!;
    return Array.from({ length: n }, (_, i) => ({
      ...base,
      recorded_at: new Date(Date.UTC(2026, 10, 27, 10, i)).toISOString(),
    }));
  };
  const times = (frame: string) => frame.split('\n').filter((l) => l.startsWith('2026-')).map((l) => l.slice(11, 16));

  test('pages of the newest entries first; the last page holds the oldest', () => {
    const list = many(45);
    const page0 = frameOf(<HistoryView entries={list} width={100} page={0} />);
    expect(page0.split('\n')[0]).toBe('Past results · 45 entries · 1–20 newest first');
    expect(times(page0)).toEqual(Array.from({ length: 20 }, (_, i) => `10:${String(44 - i).padStart(2, '0')}`));
    const page2 = frameOf(<HistoryView entries={list} width={100} page={2} />);
    expect(page2.split('\n')[0]).toBe('Past results · 45 entries · 41–45 newest first');
    expect(times(page2)).toEqual(['10:04', '10:03', '10:02', '10:01', '10:00']);
    // Past the last page shows the last page.
    expect(frameOf(<HistoryView entries={list} width={100} page={9} />)).toBe(page2);
  });

  test('the page fits the terminal: at most 20, at least 3 entries', () => {
    expect([historyPageSize(60), historyPageSize(28), historyPageSize(24), historyPageSize(15), historyPageSize(5)]).toEqual([20, 20, 16, 7, 3]);
  });

  const mounted: Array<{ unmount: () => void }> = [];
  afterEach(() => {
    for (const ui of mounted.splice(0)) ui.unmount();
  });

  test('PgUp older, PgDn newer, End oldest, Home newest, Enter keeps the page, Esc closes', async () => {
    const onClose = jest.fn();
    const onKeep = jest.fn();
    const ui = render(<HistoryPager entries={many(45)} width={100} rows={28} onClose={onClose} onKeep={onKeep} />);
    mounted.push(ui);
    const title = () => (ui.lastFrame() ?? '').split('\n')[0];
    const footer = () => (ui.lastFrame() ?? '').split('\n').at(-1);
    expect(title()).toBe('Past results · 45 entries · 1–20 newest first');
    expect(footer()).toBe('page 1/3 · PgUp older · PgDn newer · Home/End newest/oldest · Enter keep · Esc close');
    ui.stdin.write('\x1b[5~');
    expect(await waitFor(() => title() === 'Past results · 45 entries · 21–40 newest first')).toBe(true);
    expect(times(ui.lastFrame()!)[0]).toBe('10:24');
    ui.stdin.write('\x1b[5~');
    expect(await waitFor(() => title() === 'Past results · 45 entries · 41–45 newest first')).toBe(true);
    ui.stdin.write('\x1b[5~');
    ui.stdin.write('\x1b[6~');
    expect(await waitFor(() => footer()!.startsWith('page 2/3'))).toBe(true);
    ui.stdin.write('\x1b[F');
    expect(await waitFor(() => footer()!.startsWith('page 3/3'))).toBe(true);
    ui.stdin.write('\x1b[H');
    expect(await waitFor(() => footer()!.startsWith('page 1/3'))).toBe(true);
    ui.stdin.write('\x1b[5~');
    expect(await waitFor(() => footer()!.startsWith('page 2/3'))).toBe(true);
    ui.stdin.write('\r');
    expect(await waitFor(() => onKeep.mock.calls.length === 1)).toBe(true);
    expect(onKeep.mock.calls[0]).toEqual([1, 20]);
    ui.stdin.write('\x1b');
    expect(await waitFor(() => onClose.mock.calls.length === 1)).toBe(true);
  });
});
