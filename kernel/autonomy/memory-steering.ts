import type { Heap } from '../heap/heap.js';
import type { ControllerProfile } from '../profiles/index.js';
import { MEMORY_RISK } from './outcomes.js';
import { oomRisk, POLICY } from './policy.js';
import type { Reading, SteeringContext } from './steering.js';
import { NO_CEILING } from './telemetry.js';

/**
 * The memory half of a decision: compaction when the free space is fragmented (at most once per
 * 1.5 s), then the pressure ceiling. The ceiling is lowered, and load shed down to it, when the OOM
 * risk at the measured or predicted pressure reaches the reclaim level; it is raised step by step
 * after calm ticks while the raised level stays below that level.
 */
export class MemorySteering {
  private lastCompactionUs = Number.NEGATIVE_INFINITY;
  private calmTicks = 0;

  constructor(
    private readonly heap: Heap,
    private readonly profile: Pick<ControllerProfile, 'compactionCooldownUs' | 'compactionFragmentationPct'> = POLICY,
  ) {}

  reset(): void {
    this.calmTicks = 0;
  }

  /** Also forgets when it last compacted (a re-armed controller starts afresh). */
  restart(): void {
    this.calmTicks = 0;
    this.lastCompactionUs = Number.NEGATIVE_INFINITY;
  }

  /** Returns why a prediction-based action was deferred, if one was, and the bytes shed. */
  steer(r: Reading, s: SteeringContext): { deferred?: string; freedBytes: number } {
    const heap = this.heap;
    const { board, metrics, outcomes, done } = s;
    let largest = heap.largestFreeBlock;
    if (
      r.pressurePct >= POLICY.compactionMinPressurePct &&
      r.nowUs - this.lastCompactionUs >= this.profile.compactionCooldownUs &&
      heap.freeBytes >= r.sizes.largestBytes &&
      (largest < POLICY.compactionLargestRequests * r.sizes.largestBytes || heap.fragmentationPct() >= this.profile.compactionFragmentationPct)
    ) {
      const riskBefore = oomRisk(r.usedPct, largest, r.sizes, r.oomsSince);
      const result = heap.compact();
      this.lastCompactionUs = r.nowUs;
      if (result.movedBlocks > 0) {
        const largestBefore = largest;
        largest = heap.largestFreeBlock;
        metrics.recordProactiveCompaction();
        outcomes.expect(MEMORY_RISK, riskBefore);
        s.tell({ kind: 'compaction', movedBlocks: result.movedBlocks, movedBytes: result.movedBytes, largestBefore, largestAfter: largest });
        done?.push('compaction');
      }
    }
    const workload = board.workload;
    if (!workload?.reclaim) return { freedBytes: 0 };
    const measured = oomRisk(r.usedPct, largest, r.sizes, r.oomsSince);
    const trend = Number.isNaN(r.predictedPct) ? r.usedPct : Math.max(r.usedPct, r.predictedPct);
    const predicted = oomRisk(trend, largest, r.sizes, r.oomsSince);
    const ceiling = board.pressureCeilingPct;
    const learned = r.learnedCeilingPct;
    if (learned < ceiling || (learned === ceiling && r.pressurePct > ceiling)) {
      // What this session's OOMs taught: hold the workload below the pressure they came at, and
      // shed load whenever a tick finds it above.
      const next = Math.max(POLICY.ceilingFloorPct, learned);
      board.pressureCeilingPct = next;
      const freed = workload.reclaim(next);
      if (next === ceiling && freed.freedBlocks === 0) return { freedBytes: 0 };
      metrics.recordOomPrevention();
      outcomes.expect(MEMORY_RISK, Math.max(measured, 1));
      s.tell({ kind: 'reclaim', ceilingPct: next, predictedPct: Math.round(trend), ...freed });
      done?.push(`reclaim to ${next}% (learned)`);
      return { freedBytes: freed.freedBytes };
    }
    if (predicted >= POLICY.reclaimRisk) {
      this.calmTicks = 0;
      if (measured < POLICY.reclaimRisk && r.confidence < POLICY.minConfidence) {
        return { deferred: Number.isNaN(r.predictedPct) ? 'insufficient history' : 'unstable predictions', freedBytes: 0 };
      }
      let next = Math.min(ceiling, POLICY.watermarkPct - POLICY.ceilingStepPct);
      if (measured >= POLICY.reclaimRisk) next = Math.min(next, r.pressurePct - POLICY.ceilingStepPct);
      next = Math.max(POLICY.ceilingFloorPct, next);
      if (next >= ceiling && r.pressurePct <= next) return { freedBytes: 0 };
      board.pressureCeilingPct = next;
      const freed = workload.reclaim(next);
      metrics.recordOomPrevention();
      outcomes.expect(MEMORY_RISK, predicted);
      s.tell({ kind: 'reclaim', ceilingPct: next, predictedPct: Math.round(trend), ...freed });
      done?.push(`reclaim to ${next}%`);
      return { freedBytes: freed.freedBytes };
    }
    if (ceiling < NO_CEILING && ++this.calmTicks >= POLICY.calmTicksToRelax) {
      this.calmTicks = 0;
      const next = Math.min(NO_CEILING, ceiling + POLICY.relaxStepPct);
      if (next > learned) return { freedBytes: 0 };
      if (oomRisk(next, largest, r.sizes, 0) >= POLICY.reclaimRisk) return { freedBytes: 0 };
      board.pressureCeilingPct = next;
      metrics.recordPolicyUpdate();
      outcomes.expect(MEMORY_RISK, POLICY.reclaimRisk);
      s.tell({ kind: 'relax', ceilingPct: next });
      done?.push(`ceiling ${next}%`);
    }
    return { freedBytes: 0 };
  }
}
