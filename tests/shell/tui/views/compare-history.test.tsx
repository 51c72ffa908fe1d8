import { describe, expect, test } from '@jest/globals';
import { CompareTable } from '../../../../shell/tui/views/index.js';
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

