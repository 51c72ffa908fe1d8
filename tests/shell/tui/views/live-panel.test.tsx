import { describe, expect, test } from '@jest/globals';
import type { LiveTest } from '../../../../shell/tui/live-state/index.js';
import { LivePanel, PressureChart, progressBar } from '../../../../shell/tui/views/index.js';
import { fixtureEvents, frameOf, parseText, snapshotOf } from './helpers.js';

const HEADER = '\n=== Memory Stress Test (Enhanced) ===\nDuration: 4000 ms\nTarget Pressure: 50%\nNoise Level: 10%\nSeed: 42\n\n';
const PRESSURE = [10, 22, 35, 48, 52, 61, 74, 88, 97, 100, 93, 80, 66, 51, 49, 40];
const BATCHES = PRESSURE.map(
  (v, i) =>
    [
      `METRIC stress_progress_pct=${(i + 1) * 5}`,
      `METRIC stress_elapsed_ms=${(i + 1) * 200}`,
      'METRIC stress_duration_ms=4000',
      `METRIC stress_pressure_pct=${v}`,
      'METRIC stress_target_pct=50',
      `METRIC stress_oom_events=${i >> 2}`,
      `METRIC stress_compactions=${i >> 1}`,
      'METRIC stress_events=0',
      'METRIC stress_successes=0',
      'METRIC stress_failures=0',
    ].join('\n') + '\n',
).join('');

const memoryTest = () => snapshotOf(parseText(HEADER + BATCHES)).test!;

describe('LivePanel', () => {
  test('memory with METRIC progress: bar, times, ETA, min/max, the run on a fitted scale with the target row, counters', () => {
    expect(frameOf(<LivePanel test={memoryTest()} width={40} />)).toBe(
      [
        '╭──────────────────────────────────────╮',
        '│ ▶ Memory Stress Test (Enhanced) · s… │',
        '│ ██████▍░  80%  3.2s / 4.0s  ETA 0.8s │',
        '│ pressure 40% · min 10% · max 100% ·… │',
        '│ 100%┤       ▃▇█▅                     │',
        '│     │      ▆█████▂                   │',
        '│  50%┤───▃▅████████▄▄──────────────── │',
        '│  20%┤ ▁▆█████████████                │',
        '│ OOM 3 · compactions 7 · events 0 · … │',
        '╰──────────────────────────────────────╯',
      ].join('\n'),
    );
  });

  test('wider: the bar grows (to 48 cells at most) and nothing is cut', () => {
    expect(frameOf(<LivePanel test={memoryTest()} width={100} chartHeight={2} />).split('\n').slice(1, 7)).toEqual([
      '│ ▶ Memory Stress Test (Enhanced) · seed 42                                                        │',
      '│ ██████████████████████████████████████▍░░░░░░░░░  80%  3.2s / 4.0s  ETA 0.8s                     │',
      '│ pressure 40% · min 10% · max 100% · target 50% · whole run, 3.2s                                 │',
      '│ 100%┤      ▃▆▇█▇▄▁                                                                               │',
      '│  50%┤──▃▆▆████████▆▆▄─────────────────────────────────────────────────────────────────────────── │',
      '│ OOM 3 · compactions 7 · events 0 · successes 0 · failures 0                                      │',
    ]);
  });

  test('verbose chaos without METRIC: counters from the tallies, timeline by outcome', () => {
    const t = snapshotOf(fixtureEvents('model-chaos-verbose.txt'), (e) => e.type === 'result').test!;
    expect(frameOf(<LivePanel test={t} width={40} />)).toBe(
      [
        '╭──────────────────────────────────────╮',
        '│ ▶ Chaos Engineering Stress Test (En… │',
        '│ events 7 · successes 5 · failures 2  │',
        '│ chaos ○✕●✕○●○                        │',
        '╰──────────────────────────────────────╯',
      ].join('\n'),
    );
  });

  test('the timeline keeps its newest marks when space runs out', () => {
    const t = snapshotOf(fixtureEvents('model-chaos-verbose.txt'), (e) => e.type === 'result').test!;
    expect(frameOf(<LivePanel test={t} width={14} />).split('\n')[3]).toBe('│ chaos ✕○●○ │');
  });

  test('a cancelled learning run: progress from episodes', () => {
    const t = snapshotOf(fixtureEvents('model-cancel.txt'), (e) => e.type === 'result').test!;
    expect(frameOf(<LivePanel test={t} width={60} />)).toBe(
      [
        '╭──────────────────────────────────────────────────────────╮',
        '│ ■ Learning Validation Stress Test · seed 11 · cancelled… │',
        '│ ███████████████████▎░░░░░░░░░░░░░░░░░░░░░░░░░░░░  40%    │',
        '│ episodes 2/5 · reward 1040                               │',
        '╰──────────────────────────────────────────────────────────╯',
      ].join('\n'),
    );
  });

  test('latency once the result carries it', () => {
    const t = snapshotOf(fixtureEvents('model-memory-commands.txt'), (e) => e.type === 'stresstest-line').test!;
    expect(frameOf(<LivePanel test={t} width={100} chartHeight={1} />).split('\n').slice(1, -1)).toEqual([
      '│ ■ Memory Stress Test (Enhanced) · seed 42 · finished                                             │',
      '│ ████████████████████████░░░░░░░░░░░░░░░░░░░░░░░░  50%  1.0s / 2.0s  ETA 1.0s                     │',
      '│ pressure 51% · min 51% · max 51% · target 50% · whole run, 1.0s                                  │',
      '│  50%┤▂────────────────────────────────────────────────────────────────────────────────────────── │',
      '│ OOM 1 · compactions 0 · events 0 · successes 0 · failures 0                                      │',
      '│ alloc latency p50 812ns · p95 2.40µs · p99 5.12µs                                                │',
    ]);
  });

  test('an anonymous test seen only through elapsed time', () => {
    const t: LiveTest = {
      ...memoryTest(),
      testType: null,
      title: null,
      config: { extra: {} },
      compareSide: 'on',
      progress: { pct: null, elapsedMs: 61_500, durationMs: null, etaMs: null },
      pressure: { series: [], samplesPerPoint: 1, samples: 0, targetPct: null, lastPct: null, peakPct: null, minPct: null },
      counters: { oomEvents: null, compactions: null, events: null, successes: null, failures: null },
    };
    expect(frameOf(<LivePanel test={t} width={50} />)).toBe(
      [
        '╭────────────────────────────────────────────────╮',
        '│ ▶ Stress test · compare: autonomy ON           │',
        '│ 1m01s                                          │',
        '╰────────────────────────────────────────────────╯',
      ].join('\n'),
    );
  });
});

describe('chart and bar parts', () => {
  test('the chart without a target labels only the top and bottom rows', () => {
    expect(frameOf(<PressureChart series={[0, 12, 25, 37, 50, 62, 75, 87, 100]} targetPct={null} width={14} height={2} />)).toBe(
      ['100%┤     ▂▄▆█', '  0%┤ ▂▄▆█████'].join('\n'),
    );
  });

  test('a target of 100 % marks the top row', () => {
    expect(frameOf(<PressureChart series={[30]} targetPct={100} width={8} height={2} />)).toBe(['100%┤───', ' 25%┤▁'].join('\n'));
  });

  test('the bar fills in eighths', () => {
    expect(progressBar(0, 4)).toEqual({ filled: '', empty: '░░░░' });
    expect(progressBar(50, 3)).toEqual({ filled: '█▌', empty: '░' });
    expect(progressBar(100, 4)).toEqual({ filled: '████', empty: '' });
    expect(progressBar(130, 2)).toEqual({ filled: '██', empty: '' });
  });
});
