import fc from 'fast-check';

/**
 * Lines built to make a backtracking regex slow: the start of a line some parser rule looks at,
 * then one short unit repeated to a length up to 100 KB, then one last character. Each is fed
 * after a context that puts the parser in the state where that rule runs.
 */
export const RULE_PREFIXES = [
  '[CHAOS] ', '[CHAOS] a', '[SUMMARY] ', '[SUMMARY] x: ', 'METRIC ', 'METRIC x=1', '[TIMER] ', '[AUTONOMY] ',
  '[STRESSTEST] ', '[STRESSTEST] Memory completed: ', '[STRESS TEST] ', '[STRESS TEST] Cancelled after 1',
  'Episode 1: ', 'Episode 1: reward=1', '[ERROR] ', "[ERROR] unknown flag '", "[ERROR] --x: invalid value '",
  '[ERROR] --x: missing value (expected ', 'Unknown command: ', '[COMPARE] Running with autonomy ',
  '=== ', '  ', '  Status: ', '  Latency: ', '  Duration: ', '  Failure breakdown: ', '  a', '  -> ',
  '  -> FAILED after 1us (', '  -> recovered in 1', '- ', '- a: 1', '[+] ', 'off=1 on=', 'a: off=1 on=1 diff=1 ci95=[',
  'memory AUTO ', 'sis> ', '...', '(repeats 1',
] as const;

export const REPEATED_UNITS = [
  ' ', 'a', '1', 'a ', '1 ', 'a=', 'a=1 ', 'a:', 'a: ', ': ', '(', ')', '( ', "'", "' for '", "' (expected ",
  '.', '1.', '=', ' =', '-', '%', ',', ' ===', '[', ']', 'x1', '1x', 'ms ', 'us', '/sec)', 'p50=1ns ', ' completed', '\t',
] as const;

export const CONTEXTS = [
  '',
  '=== Memory Stress Test ===\n',
  '=== Chaos Engineering Stress Test ===\n',
  '[STRESS TEST] Memory complete\n',
  '[STRESS TEST] Chaos complete\n  Status: PASS\n',
  '=== Comparative Results ===\n',
  '=== Comparative Results ===\nAutonomy OFF:\n',
  '=== Paired Comparison (3 runs, seeds 1..3) ===\n',
  '=== Stress Test History ===\n',
  '=== Autonomous Control Status ===\n',
] as const;

export interface HostileLine {
  context: string;
  line: string;
}

export function hostileLine(prefix: string, unit: string, length: number, last: string, context: string): HostileLine {
  return { context, line: `${prefix}${unit.repeat(Math.max(0, Math.floor((length - prefix.length) / unit.length)))}${last}` };
}

/** One hostile line of up to `maxLength` characters. */
export const hostileLines = (maxLength: number): fc.Arbitrary<HostileLine> =>
  fc
    .tuple(
      fc.constantFrom(...RULE_PREFIXES),
      fc.constantFrom(...REPEATED_UNITS),
      fc.integer({ min: 1, max: maxLength }),
      fc.constantFrom('', 'x', ' ', ')', ':', '=', "'", '?', '1', '%', '\r'),
      fc.constantFrom(...CONTEXTS),
    )
    .map(([prefix, unit, length, last, context]) => hostileLine(prefix, unit, length, last, context));
