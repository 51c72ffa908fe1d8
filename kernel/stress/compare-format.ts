import type { AutonomySnapshot } from '../autonomy/metrics.js';
import { pairedDifference } from './paired-stats.js';
import type { StressTest, TestSummary } from './types.js';

export interface CompareSide {
  readonly summary: TestSummary;
  readonly interventions: AutonomySnapshot;
}

/** The V2 breakdown lines first, in the real kernel's order, then any other counter that moved. */
const BREAKDOWN: ReadonlyArray<readonly [keyof AutonomySnapshot, string]> = [
  ['preemptiveOomPreventions', 'OOM preventions'],
  ['memoryPressurePredictions', 'Memory predictions'],
  ['proactiveCompactions', 'Proactive compactions'],
  ['deadlineAdjustments', 'Deadline adjustments'],
  ['priorityBoosts', 'Priority boosts'],
  ['workloadRebalancing', 'Workload rebalancing'],
  ['policyUpdates', 'Policy updates'],
  ['explorationActions', 'Exploration actions'],
  ['exploitationActions', 'Exploitation actions'],
];

function side(test: StressTest, label: string, s: CompareSide, breakdown: boolean): string[] {
  const lines = [`${label}:`];
  for (const [key, value] of test.compareLines(s.summary.record)) lines.push(`  ${key}: ${value}`);
  lines.push(`  Duration: ${s.summary.record.durationMs} ms`, `  AI interventions: ${s.interventions.totalInterventions}`);
  if (breakdown && s.interventions.totalInterventions > 0) {
    BREAKDOWN.forEach(([key, name], i) => {
      if (i < 3 || s.interventions[key] > 0) lines.push(`    - ${name}: ${s.interventions[key]}`);
    });
  }
  return lines;
}

function change(label: string, off: number, on: number, unit: string): string {
  if (off > on) return `  [+] ${label} reduced by ${off - on}${unit} (${off}${unit} -> ${on}${unit})`;
  if (off < on) return `  [-] ${label} increased by ${on - off}${unit} (${off}${unit} -> ${on}${unit})`;
  return `  - ${label} unchanged`;
}

/** Why the average rose with autonomy on: OOM recovery frees 40–70 % of the blocks, so fewer OOMs leave the heap fuller. */
function avgRiseLine(offAvg: number, onAvg: number, offOoms: number, onOoms: number): string | undefined {
  if (onAvg <= offAvg) return undefined;
  if (onOoms < offOoms) return `  [!] Avg pressure rises because ${offOoms - onOoms} fewer OOM recoveries emptied the heap`;
  return '  [!] Avg pressure rises because the controller raised the pressure ceiling between reclaims';
}

function impact(test: StressTest, off: CompareSide, on: CompareSide): string[] {
  const lines: string[] = [];
  const a = off.summary.record.figures;
  const b = on.summary.record.figures;
  if (test.type === 'memory') {
    lines.push(change('Peak pressure', a.peakPressure ?? 0, b.peakPressure ?? 0, '%'));
    lines.push(change('Avg pressure', a.avgPressure ?? 0, b.avgPressure ?? 0, '%'));
    const avgRise = avgRiseLine(a.avgPressure ?? 0, b.avgPressure ?? 0, off.summary.record.oomEvents, on.summary.record.oomEvents);
    if (avgRise) lines.push(avgRise);
    if (on.interventions.proactiveCompactions > 0) {
      lines.push(`  [+] Proactive compactions: ${on.interventions.proactiveCompactions}`);
    }
    const ooms = [off.summary.record.oomEvents, on.summary.record.oomEvents] as const;
    if (ooms[0] > ooms[1]) lines.push(`  [+] OOM events reduced by ${ooms[0] - ooms[1]} (${ooms[0]} -> ${ooms[1]})`);
    else if (ooms[0] < ooms[1]) lines.push(`  [-] OOM events increased by ${ooms[1] - ooms[0]} (${ooms[0]} -> ${ooms[1]})`);
    else lines.push('  - No change in OOM events');
  } else {
    for (const [key, label] of test.pairedFigures) lines.push(`  ${label}: ${a[key] ?? 0} -> ${b[key] ?? 0}`);
  }
  const total = on.interventions.totalInterventions;
  if (total > 0) {
    const early = on.interventions.proactiveCompactions + on.interventions.preemptiveOomPreventions;
    lines.push(`  [+] ${total} AI interventions (${early} early, ${total - early} reactive)`);
  } else {
    lines.push('  [!] No AI interventions (autonomy may not be active)');
  }
  return lines;
}

/** The V2 `=== Comparative Results ===` block for one OFF/ON pair. */
export function formatCompare(test: StressTest, off: CompareSide, on: CompareSide): string {
  const lines = [
    '',
    '=== Comparative Results ===',
    '',
    ...side(test, 'Autonomy OFF', off, false),
    '',
    ...side(test, 'Autonomy ON', on, true),
    '',
    'Impact:',
    ...impact(test, off, on),
    '',
  ];
  return `${lines.join('\n')}\n`;
}

/** `--runs N`: per figure, mean OFF, mean ON, the mean difference with its 95 % interval. */
export function formatPaired(test: StressTest, pairs: ReadonlyArray<readonly [CompareSide, CompareSide]>, seed: bigint): string {
  const n = pairs.length;
  const figure = (s: CompareSide, key: string): number =>
    key === 'aiInterventions' ? s.interventions.totalInterventions : (s.summary.record.figures[key] ?? 0);
  const rows = [...test.pairedFigures, ['aiInterventions', 'AI interventions'] as const].map(([key, label]) => {
    const d = pairedDifference(
      pairs.map(([off]) => figure(off, key)),
      pairs.map(([, on]) => figure(on, key)),
    );
    const f = (x: number) => x.toFixed(2);
    return `  ${label}: off=${f(d.meanOff)} on=${f(d.meanOn)} diff=${f(d.diff)} ci95=[${f(d.low)},${f(d.high)}] ${d.significant ? 'significant' : 'not significant'}`;
  });
  const last = seed + BigInt(n - 1);
  return `\n=== Paired Comparison (${n} runs, seeds ${seed}..${last}) ===\n${rows.join('\n')}\n\n`;
}
