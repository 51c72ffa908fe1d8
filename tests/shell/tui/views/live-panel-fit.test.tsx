import { describe, expect, test } from '@jest/globals';
import type { LiveCompareRuns } from '../../../../shell/tui/live-state/index.js';
import { LivePanel, PressureChart } from '../../../../shell/tui/views/index.js';
import { CompareRunsPanel } from '../../../../shell/tui/views/compare-runs-panel.js';
import { frameOf, parseText, snapshotOf } from './helpers.js';

const HEADER = '\n=== Memory Stress Test (Enhanced) ===\nDuration: 60000 ms\nTarget Pressure: 85%\nNoise Level: 10%\nSeed: 1\n\n';

/** A 60 s memory test's METRIC stream: 10 samples a second, a 3 s climb, then 80 % and 85 % in turns of 6 s. */
function sixtySeconds(): string {
  let text = HEADER;
  for (let i = 1; i <= 600; i++) {
    const pressure = i <= 30 ? Math.round((i * 80) / 30) : Math.floor(i / 60) % 2 === 0 ? 80 : 85;
    text += `METRIC stress_progress_pct=${Math.floor(i / 6)}\nMETRIC stress_elapsed_ms=${i * 100}\nMETRIC stress_pressure_pct=${pressure}\nMETRIC stress_target_pct=85\nMETRIC stress_oom_events=0\n`;
  }
  return text;
}

describe('the pressure chart shows the whole run', () => {
  test('a 60 s test compressed to the width, its ±5 % swings a row apart, with the target line', () => {
    const t = snapshotOf(parseText(sixtySeconds())).test!;
    // 600 samples in 150 points of 4, two points a column: 38 of 51 columns. The 3 s climb is
    // below the scale (75–95 %, fitted to the run); 80 % and 85 % fill different rows.
    expect(frameOf(<LivePanel test={t} width={60} />).split('\n').slice(3, 8)).toEqual([
      '│ pressure 80% · min 3% · max 85% · target 85% · whole ru… │',
      '│  95%┤                                                    │',
      '│  85%┤─────────────────────────────────────────────────── │',
      '│     │   ▃███▄   ▇███   ▃███▄   ▇███   ▃███▇              │',
      '│  75%┤  ████████████████████████████████████              │',
    ]);
  });

  test('columns group the points by a power of two: a new point changes only the last column', () => {
    const before = frameOf(<PressureChart series={[50, 60, 70, 80, 90]} targetPct={null} width={8} height={1} />);
    const after = frameOf(<PressureChart series={[50, 60, 70, 80, 90, 90]} targetPct={null} width={8} height={1} />);
    expect(before).toBe(' 95%┤▁▄▇');
    expect(after).toBe(' 95%┤▁▄▇');
  });
});

describe('the live panel in a small terminal', () => {
  const t = () => snapshotOf(parseText(sixtySeconds())).test!;

  test('in fewer rows it drops chart rows, then its border, and never vanishes', () => {
    // 60x15: the console leaves the panel 11 rows, enough for all of it.
    expect(frameOf(<LivePanel test={t()} width={60} maxRows={11} />).split('\n')).toHaveLength(10);
    expect(frameOf(<LivePanel test={t()} width={60} maxRows={8} />).split('\n').slice(3, 6)).toEqual([
      '│ pressure 80% · min 3% · max 85% · target 85% · whole ru… │',
      '│  85%┤─────────────────────────────────────────────────── │',
      '│  75%┤  ▄▅███▆▄▄▄▇███▄▄▄▅███▆▄▄▄▇███▄▄▄▅████              │',
    ]);
    expect(frameOf(<LivePanel test={t()} width={60} maxRows={6} />)).toBe(
      [
        '╭──────────────────────────────────────────────────────────╮',
        '│ ▶ Memory Stress Test (Enhanced) · seed 1                 │',
        '│ ██████████████████████████ 100%  1m00s / 1m00s  ETA 0.0s │',
        '│ pressure 80% · min 3% · max 85% · target 85%             │',
        '│ OOM 0                                                    │',
        '╰──────────────────────────────────────────────────────────╯',
      ].join('\n'),
    );
    expect(frameOf(<LivePanel test={t()} width={60} maxRows={2} />)).toBe(
      ['▶ Memory Stress Test (Enhanced) · seed 1', '██████████████████████████████ 100%  1m00s / 1m00s  ETA 0.0s'].join('\n'),
    );
    expect(frameOf(<LivePanel test={t()} width={60} maxRows={1} />)).toBe('▶ Memory Stress Test (Enhanced) · seed 1');
    expect(frameOf(<LivePanel test={t()} width={60} maxRows={0} />)).toBe('');
  });
});

describe('compare --runs N panel', () => {
  const runs = (done: number): LiveCompareRuns => ({
    testType: 'memory',
    runs: 10,
    done,
    lastSeed: String(done),
    startedMs: 0,
    runStartedMs: done * 20_000,
    finished: false,
    metrics: [
      { key: 'peakPressure', meanOff: 91.5, meanOn: 73.25, diff: -18.25, low: -20.1, high: -16.4, halfWidths: [6.2, 3.4, 1.85] },
      { key: 'oomEvents', meanOff: 7.5, meanOn: 2, diff: -5.5, low: null, high: null, halfWidths: [] },
    ],
  });

  test('run k of N, the bar over the runs with the current one by its time, ETA, means and the narrowing interval', () => {
    expect(frameOf(<CompareRunsPanel runs={runs(4)} width={100} nowMs={90_000} />)).toBe(
      [
        '╭──────────────────────────────────────────────────────────────────────────────────────────────────╮',
        '│ ▶ compare memory · run 5 of 10                                                                   │',
        '│ █████████████████████▋░░░░░░░░░░░░░░░░░░░░░░░░░░  4/10 runs  1m30s  ETA 1m50s                    │',
        '│ peakPressure  off 91.5  on 73.3  Δ -18.3  95% [-20.1, -16.4]  ±6.2 → ±3.4 → ±1.9                 │',
        '│ oomEvents     off 7.5  on 2.0  Δ -5.5  95% after run 2                                           │',
        '╰──────────────────────────────────────────────────────────────────────────────────────────────────╯',
      ].join('\n'),
    );
  });

  test('before the first run line: run 1 of N, no ETA yet; at 60x15 it still shows', () => {
    expect(frameOf(<CompareRunsPanel runs={{ ...runs(0), metrics: [] }} width={60} nowMs={12_000} maxRows={11} />)).toBe(
      [
        '╭──────────────────────────────────────────────────────────╮',
        '│ ▶ compare memory · run 1 of 10                           │',
        '│ ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░  0/10 runs  12.0s │',
        '╰──────────────────────────────────────────────────────────╯',
      ].join('\n'),
    );
  });
});
