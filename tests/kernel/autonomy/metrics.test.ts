import { describe, expect, test } from '@jest/globals';
import { AUTONOMY_COUNTER_LABELS, AutonomyMetrics, type AutonomySnapshot } from '../../../kernel/autonomy/metrics.js';

const ZERO: AutonomySnapshot = {
  proactiveCompactions: 0,
  preemptiveOomPreventions: 0,
  memoryPressurePredictions: 0,
  deadlineAdjustments: 0,
  priorityBoosts: 0,
  workloadRebalancing: 0,
  policyUpdates: 0,
  explorationActions: 0,
  exploitationActions: 0,
  totalInterventions: 0,
  interventionSuccessCount: 0,
};

describe('AutonomyMetrics', () => {
  test('a fresh instance is all zero', () => {
    const m = new AutonomyMetrics();
    expect(m.snapshot()).toEqual(ZERO);
    expect(m.successRatePct()).toBe(0);
    expect(m.avgLatencyNs()).toBe(0);
    expect(m.interventionLatencySumNs).toBe(0);
    expect(m.interventionLatencyCount).toBe(0);
  });

  test('each record method increments its counter and the total', () => {
    const m = new AutonomyMetrics();
    m.recordProactiveCompaction();
    m.recordOomPrevention();
    m.recordOomPrevention();
    m.recordMemoryPrediction();
    m.recordMemoryPrediction();
    m.recordMemoryPrediction();
    m.recordDeadlineAdjustment();
    m.recordPriorityBoost();
    m.recordWorkloadRebalancing();
    m.recordPolicyUpdate();
    m.recordExploration();
    m.recordExploitation();
    m.recordExploitation();
    expect(m.snapshot()).toEqual({
      proactiveCompactions: 1,
      preemptiveOomPreventions: 2,
      memoryPressurePredictions: 3,
      deadlineAdjustments: 1,
      priorityBoosts: 1,
      workloadRebalancing: 1,
      policyUpdates: 1,
      explorationActions: 1,
      exploitationActions: 2,
      totalInterventions: 13,
      interventionSuccessCount: 0,
    });
  });

  test('success and latency do not count as interventions', () => {
    const m = new AutonomyMetrics();
    m.recordSuccess();
    m.recordLatency(1000);
    expect(m.snapshot()).toEqual({ ...ZERO, interventionSuccessCount: 1 });
    expect(m.interventionLatencySumNs).toBe(1000);
    expect(m.interventionLatencyCount).toBe(1);
  });

  test('success rate is floored and capped at 100', () => {
    const m = new AutonomyMetrics();
    m.recordSuccess();
    expect(m.successRatePct()).toBe(0);
    m.recordOomPrevention();
    m.recordOomPrevention();
    m.recordOomPrevention();
    expect(m.successRatePct()).toBe(33);
    m.recordSuccess();
    m.recordSuccess();
    m.recordSuccess();
    m.recordSuccess();
    expect(m.successRatePct()).toBe(100);
  });

  test('average latency is the floored mean', () => {
    const m = new AutonomyMetrics();
    m.recordLatency(1000);
    m.recordLatency(2001);
    m.recordLatency(0);
    expect(m.avgLatencyNs()).toBe(1000);
    expect(() => m.recordLatency(-5)).toThrow(RangeError);
  });

  test('snapshots are frozen copies', () => {
    const m = new AutonomyMetrics();
    m.recordPriorityBoost();
    const before = m.snapshot();
    m.recordPriorityBoost();
    expect(before.priorityBoosts).toBe(1);
    expect(m.snapshot().priorityBoosts).toBe(2);
    expect(Object.isFrozen(before)).toBe(true);
  });

  test('reset zeroes counters and latency', () => {
    const m = new AutonomyMetrics();
    m.recordExploration();
    m.recordSuccess();
    m.recordLatency(77);
    m.reset();
    expect(m.snapshot()).toEqual(ZERO);
    expect(m.avgLatencyNs()).toBe(0);
    expect(m.interventionLatencyCount).toBe(0);
  });

  test('labels list every counter once, in kernel order', () => {
    expect(AUTONOMY_COUNTER_LABELS.map(([key]) => key)).toEqual(Object.keys(ZERO));
    expect(AUTONOMY_COUNTER_LABELS.slice(0, 3)).toEqual([
      ['proactiveCompactions', 'Proactive compactions'],
      ['preemptiveOomPreventions', 'OOM preventions'],
      ['memoryPressurePredictions', 'Memory predictions'],
    ]);
    expect(Object.keys(new AutonomyMetrics().snapshot())).toEqual(Object.keys(ZERO));
  });
});
