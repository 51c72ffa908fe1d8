import { describe, expect, test } from '@jest/globals';
import type { ParsedResult } from '../../../../shell/parser/index.js';
import { CompareTable, panelWidth, ResultCard } from '../../../../shell/tui/views/index.js';
import { failureLines } from '../../../../shell/tui/views/result-fields.js';
import { fixtureEvents, frameOf, parseText, snapshotOf } from './helpers.js';

const chaos = (breakdown: Array<[string, number, number]>): ParsedResult =>
  ({
    testType: 'chaos',
    title: 'Chaos Engineering Stress Test (Enhanced)',
    verdict: 'FAIL',
    config: { seed: '7', duration_ms: 10000, fail_rate: 40, extra: {} },
    metrics: {
      chaos_events_count: 95,
      successful_recoveries: 60,
      failed_recoveries: 35,
      success_rate: 63,
      failure_breakdown: breakdown.map(([event, failed, total]) => ({ event, failed, total })),
    },
    anchor: null,
    cancelledAfterMs: null,
  }) as unknown as ParsedResult;

const SEVEN_KINDS: Array<[string, number, number]> = [
  ['Network partition', 5, 9],
  ['Disk I/O stall', 4, 8],
  ['Command burst', 3, 9],
  ['Memory churn', 6, 10],
  ['Prediction storm', 2, 7],
  ['Telemetry storm', 1, 6],
  ['Autonomy flip', 2, 8],
];

describe('result card fixes', () => {
  test('the failure list breaks between events, never inside one, indented under the first', () => {
    expect(frameOf(<ResultCard result={chaos(SEVEN_KINDS)} width={80} />).split('\n').slice(5, 9)).toEqual([
      '│ Failures Network partition 5/9 · Disk I/O stall 4/8 · Command burst 3/9      │',
      '│          Memory churn 6/10 · Prediction storm 2/7 · Telemetry storm 1/6      │',
      '│          Autonomy flip 2/8                                                   │',
      '╰──────────────────────────────────────────────────────────────────────────────╯',
    ]);
    expect(failureLines(chaos(SEVEN_KINDS.slice(0, 2)).metrics, 76)).toEqual(['Failures Network partition 5/9 · Disk I/O stall 4/8']);
    // An event wider than the room is cut, not wrapped.
    expect(failureLines(chaos([['Network partition', 1, 1]]).metrics, 20)).toEqual(['Failures Network pa…']);
  });

  test('one width rule: cards, compare tables and the live panel are at most PANEL_MAX_WIDTH (100) wide', () => {
    expect([panelWidth(200), panelWidth(100), panelWidth(64), panelWidth(10)]).toEqual([100, 100, 64, 20]);
    const card = frameOf(<ResultCard result={chaos([])} width={160} />).split('\n');
    expect(card[0]!.length).toBe(100);
    const { compare, command } = snapshotOf(fixtureEvents('model-compare.txt')).compares[0]!;
    const table = frameOf(<CompareTable compare={compare} command={command} width={panelWidth(160)} />).split('\n');
    expect(Math.max(...table.map((l) => l.length))).toBeLessThanOrEqual(100);
  });
});

describe('compare table fixes', () => {
  test('paired names lose their unit: the value carries it (Success rate 83.00%, Recovery p99 46.4ms)', () => {
    const events = parseText(
      [
        'sis> stresstest compare chaos --duration 300 --fail-rate 40 --runs 2 --seed 3',
        '',
        '=== Paired Comparison (2 runs, seeds 3..4) ===',
        '  Success rate (%): off=83.00 on=83.00 diff=0.00 ci95=[0.00,0.00] not significant',
        '  Failed recoveries: off=0.50 on=0.50 diff=0.00 ci95=[0.00,0.00] not significant',
        '  Recovery p99 (ns): off=46368500.00 on=42368500.00 diff=-4000000.00 ci95=[-4000000.00,-4000000.00] significant',
        '',
        'sis> ',
      ].join('\r\n'),
    );
    const { compare, command } = snapshotOf(events).compares[0]!;
    expect(frameOf(<CompareTable compare={compare} command={command} width={90} />)).toBe(
      [
        'Paired comparison · chaos · 2 runs · seeds 3..4',
        'Metric             OFF mean  ON mean        Δ              95% CI',
        'Success rate         83.00%   83.00%    0.00%      [0.00%, 0.00%]  not significant',
        'Failed recoveries      0.50     0.50     0.00        [0.00, 0.00]  not significant',
        'Recovery p99         46.4ms   42.4ms  -4.00ms  [-4.00ms, -4.00ms]  significant',
      ].join('\n'),
    );
  });

  test("the halves' compactions and latency percentiles join the table, before Duration", () => {
    const snapshot = snapshotOf(fixtureEvents('model-compare.txt'));
    const { compare, command } = snapshot.compares[0]!;
    const half = (side: 'off' | 'on') => snapshot.results.find((r) => r.compareSide === side && r.result.testType === 'memory')!.result.metrics;
    expect(frameOf(<CompareTable compare={compare} command={command} halves={{ off: half('off'), on: half('on') }} width={60} />)).toBe(
      [
        'Comparative results · memory',
        'Metric                       OFF       ON       Δ',
        'Peak pressure                56%      52%     -4%',
        'Avg pressure                 52%      49%     -3%',
        'OOM events                     0        0       0',
        'Compactions                    1        7      +6',
        'Alloc p50                  820ns    790ns   -30ns',
        'Alloc p95                 2.50µs   2.30µs  -200ns',
        'Alloc p99                 6.10µs   5.40µs  -700ns',
        'Duration                 1000 ms  1001 ms   +1 ms',
        'AI interventions               0       31     +31',
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
});
