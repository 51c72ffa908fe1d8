import type { Verdict } from '../types.js';

/** floor(successes × 100 / events); 100 when nothing happened (reference §3.2). */
export function successRatePct(successes: number, events: number): number {
  return events === 0 ? 100 : Math.floor((successes * 100) / events);
}

export interface VerdictInput {
  readonly failures: number;
  readonly successRate: number;
  readonly expectFailures: boolean;
}

/**
 * With --expect-failures: PASS at ≥ 50 % success, else FAIL. Without: PASS when nothing failed,
 * PARTIAL PASS at ≥ 50 %, FAIL below.
 */
export function chaosVerdict({ failures, successRate, expectFailures }: VerdictInput): Verdict {
  if (expectFailures) return successRate >= 50 ? 'PASS' : 'FAIL';
  if (failures === 0) return 'PASS';
  return successRate >= 50 ? 'PARTIAL PASS' : 'FAIL';
}
