/**
 * The rows `npm run calibrate` checks, per profile: what the report (seed-report.md, Validation
 * Results and Usage Examples) or the real kernel (sis-kernel-reference.md §2.1, §2.7) shows, and the
 * range the model's mean must lie in. Where the source gives one value, the range is that value
 * ± about a third, the spread the report's own variable rows show.
 */
export interface CalibrationRow {
  readonly label: string;
  /** Scenario: the command, run on a freshly booted kernel per seed. */
  readonly command: string;
  /** Which number of the output: a `Key` of a summary or compare line (`OFF Peak pressure`), or `Key p50`. */
  readonly key: string;
  readonly reference: string;
  readonly range: readonly [number, number];
  /** Printed values are in ns; shown and ranged in this unit. */
  readonly scale?: number;
}

const MEMORY = 'stresstest memory';
const COMPARE = 'stresstest compare memory --duration 20000';
const CHAOS20 = 'stresstest chaos --fail-rate 20';
const MS = 1_000_000;

export const ROWS: Readonly<Record<string, readonly CalibrationRow[]>> = {
  report: [
    { label: 'memory peak pressure (%)', command: MEMORY, key: 'Peak Pressure', reference: '87-95', range: [87, 95] },
    { label: 'memory avg pressure (%)', command: MEMORY, key: 'Avg Pressure', reference: '68-79', range: [68, 79] },
    { label: 'memory OOM events', command: MEMORY, key: 'OOM Events', reference: '2-8', range: [2, 8] },
    { label: 'alloc latency p50 (ns)', command: MEMORY, key: 'Alloc Latency p50', reference: '52', range: [36, 68] },
    { label: 'alloc latency p95 (ns)', command: MEMORY, key: 'Alloc Latency p95', reference: '143', range: [100, 186] },
    { label: 'alloc latency p99 (ns)', command: MEMORY, key: 'Alloc Latency p99', reference: '367-512', range: [367, 512] },
    { label: 'compare peak OFF (%)', command: COMPARE, key: 'OFF Peak pressure', reference: '92', range: [87, 95] },
    { label: 'compare peak ON (%)', command: COMPARE, key: 'ON Peak pressure', reference: '73', range: [68, 78] },
    { label: 'compare OOM OFF', command: COMPARE, key: 'OFF OOM events', reference: '8', range: [5, 11] },
    { label: 'compare OOM ON', command: COMPARE, key: 'ON OOM events', reference: '2', range: [0, 4] },
    { label: 'compare AI interventions ON', command: COMPARE, key: 'ON AI interventions', reference: '23', range: [15, 31] },
    { label: '  proactive compactions', command: COMPARE, key: 'ON Proactive compactions', reference: '5', range: [3, 8] },
    { label: '  OOM preventions', command: COMPARE, key: 'ON OOM preventions', reference: '6', range: [3, 9] },
    { label: '  memory predictions', command: COMPARE, key: 'ON Memory predictions', reference: '12', range: [8, 16] },
    { label: 'compare AI interventions OFF', command: COMPARE, key: 'OFF AI interventions', reference: '0', range: [0, 0] },
    { label: 'chaos --fail-rate 20: events / 10 s', command: CHAOS20, key: 'Chaos Events', reference: '88-102', range: [88, 102] },
    { label: 'chaos --fail-rate 20: failed', command: CHAOS20, key: 'Failed Recoveries', reference: '9-18', range: [9, 18] },
    { label: 'chaos --fail-rate 20: success (%)', command: CHAOS20, key: 'Success Rate', reference: '79-91', range: [79, 91] },
    { label: 'recovery latency p50 (ms)', command: CHAOS20, key: 'Recovery Latency p50', reference: '145', range: [100, 200], scale: MS },
    { label: 'recovery latency p95 (ms)', command: CHAOS20, key: 'Recovery Latency p95', reference: '2100', range: [1400, 2800], scale: MS },
    { label: 'recovery latency p99 (ms)', command: CHAOS20, key: 'Recovery Latency p99', reference: '3200', range: [2100, 4300], scale: MS },
  ],
  qemu: [
    { label: 'memory peak pressure (%)', command: MEMORY, key: 'Peak Pressure', reference: '50-56', range: [50, 56] },
    { label: 'memory avg pressure (%)', command: MEMORY, key: 'Avg Pressure', reference: '48-53', range: [48, 53] },
    { label: 'memory OOM events', command: MEMORY, key: 'OOM Events', reference: '0', range: [0, 0] },
    { label: 'chaos events / 10 s', command: 'stresstest chaos', key: 'Chaos Events', reference: '340-383', range: [340, 383] },
    { label: 'compare OOM OFF', command: COMPARE, key: 'OFF OOM events', reference: '0', range: [0, 0] },
    { label: 'compare OOM ON', command: COMPARE, key: 'ON OOM events', reference: '0', range: [0, 0] },
    { label: 'compare AI interventions OFF', command: COMPARE, key: 'OFF AI interventions', reference: '0', range: [0, 0] },
  ],
};
