import { describe, expect, test } from '@jest/globals';
import { CompareTable, HistoryView, keyMetrics } from '../../../../shell/tui/views/index.js';
import { fixtureEvents, frameOf, snapshotOf } from './helpers.js';
import { historyDocument } from './history-fixture.js';

describe('CompareTable', () => {
  test('OFF | ON | Δ, the interventions and their breakdown, the impact', () => {
    const { compare, command } = snapshotOf(fixtureEvents('model-compare.txt')).compares[0]!;
    expect(frameOf(<CompareTable compare={compare} command={command} width={60} />)).toBe(
      [
        'Comparative results · memory',
        'Metric                       OFF       ON      Δ',
        'Peak pressure                56%      52%    -4%',
        'Avg pressure                 52%      49%    -3%',
        'OOM events                     0        0      0',
        'Duration                 1000 ms  1001 ms  +1 ms',
        'AI interventions               0       31    +31',
        '  OOM preventions              –        0',
        '  Memory predictions           –       24',
        '  Proactive compactions        –        7',
        '+ Peak pressure reduced by 4% (56% -> 52%)',
        '+ Avg pressure reduced by 3% (52% -> 49%)',
        '+ Proactive compactions: 7',
        '· No change in OOM events',
        '+ 31 AI interventions (7 early, 24 reactive)',
      ].join('\n'),
    );
  });

  test('a warning impact and no breakdown', () => {
    const { compare, command } = snapshotOf(fixtureEvents('model-compare.txt')).compares[1]!;
    expect(frameOf(<CompareTable compare={compare} command={command} width={60} />)).toBe(
      [
        'Comparative results · multi',
        'Metric               OFF      ON      Δ',
        'Actions               49      49      0',
        'Duration          500 ms  501 ms  +1 ms',
        'AI interventions       0       0      0',
        '! No AI interventions (autonomy may not be active)',
      ].join('\n'),
    );
  });

  test('narrow: metric names give up their width, impact lines wrap', () => {
    const { compare, command } = snapshotOf(fixtureEvents('model-compare.txt')).compares[0]!;
    expect(frameOf(<CompareTable compare={compare} command={command} width={30} />).split('\n').slice(1, 4)).toEqual([
      'Metr…      OFF       ON      Δ',
      'Peak…      56%      52%    -4%',
      'Avg …      52%      49%    -3%',
    ]);
  });

  test('paired --runs: means, difference, 95 % interval, significance', () => {
    const { compare, command } = snapshotOf(fixtureEvents('model-compare-paired.txt')).compares[0]!;
    const expected = [
      'Paired comparison · memory · 2 runs · seeds 100..101',
      'Metric         OFF mean  ON mean       Δ           95% CI',
      'Peak pressure    54.50%   52.00%  -2.50%  [-8.85%, 3.85%]  not significant',
      'Avg pressure     50.50%   49.00%  -1.50%  [-7.85%, 4.85%]  not significant',
      'OOM events         2.50     0.50   -2.00   [-2.00, -2.00]  significant',
    ].join('\n');
    expect(frameOf(<CompareTable compare={compare} command={command} width={80} />)).toBe(expected);
    expect(frameOf(<CompareTable compare={historyDocument().compares[0]!} width={80} />)).toBe(expected);
  });

  test('a V0 compare (real kernel) with off=/on= pairs', () => {
    const { compare, command } = snapshotOf(fixtureEvents('v0-compare-memory.txt')).compares[0]!;
    expect(frameOf(<CompareTable compare={compare} command={command} width={60} />)).toBe(
      [
        'Comparative results · memory',
        'Metric              OFF        ON     Δ',
        'Peak pressure      100%      100%    0%',
        'OOM events            4         4     0',
        'Duration_ms    10001 ms  10001 ms  0 ms',
      ].join('\n'),
    );
  });
});

describe('HistoryView', () => {
  test('newest first, limited, with the older count', () => {
    expect(frameOf(<HistoryView runs={historyDocument().runs} width={100} limit={6} />)).toBe(
      [
        'History · 10 runs',
        'When (UTC)        Test          Verdict    Seed  Duration  Key metrics',
        '2026-11-27 10:31  memory        CANCELLED     5  60000 ms  peak 51% · avg 47% · OOM 0 · p99 4.48µs',
        '2026-11-27 10:29  learning      CANCELLED    11            rewards 1852',
        '2026-11-27 10:27  memory (on)   PASS        101    500 ms  peak 52% · avg 49% · OOM 0 · p99 4.70µs',
        '2026-11-27 10:25  memory (off)  PASS        101    500 ms  peak 54% · avg 50% · OOM 2 · p99 5.05µs',
        '2026-11-27 10:23  memory (on)   PASS        100    500 ms  peak 52% · avg 49% · OOM 1 · p99 4.90µs',
        '2026-11-27 10:21  memory (off)  PASS        100    500 ms  peak 55% · avg 51% · OOM 3 · p99 5.00µs',
        '… 4 older not shown',
      ].join('\n'),
    );
  });

  test('narrow terminals drop duration and seed and shorten the time first', () => {
    const runs = historyDocument().runs.slice(0, 4);
    expect(frameOf(<HistoryView runs={runs} width={60} />)).toBe(
      [
        'History · 4 runs',
        'UTC          Test      Verdict       Key metrics',
        '11-27 10:19  chaos     FAIL          events 4 · success 20%…',
        '11-27 10:17  chaos     PARTIAL PASS  events 6 · success 71%…',
        '11-27 10:15  commands  PASS          sent 20 · p99 97.0µs',
        '11-27 10:13  memory    PASS          peak 54% · avg 50% · O…',
      ].join('\n'),
    );
    expect(frameOf(<HistoryView runs={runs} width={70} />).split('\n')[1]).toBe(
      'When (UTC)        Test      Verdict       Seed  Key metrics',
    );
  });

  test('empty history', () => {
    expect(frameOf(<HistoryView runs={[]} width={60} />)).toBe('No results yet.');
  });

  test('key metrics follow a fixed priority, at most four', () => {
    expect(keyMetrics({ attacks_survived: 31 })).toBe('survived 31');
    expect(keyMetrics({ chaos_events_count: 6, success_rate: 71, latency_p99_ns: 120_000_000, oom_events: 0 })).toBe(
      'OOM 0 · events 6 · success 71% · p99 120ms',
    );
    expect(keyMetrics({ peak_pressure: 1, avg_memory_pressure: 2, oom_events: 3, commands_sent: 4, latency_p99_ns: 5 })).toBe(
      'peak 1% · avg 2% · OOM 3 · sent 4',
    );
  });
});
