import type { ControllerProfile } from '../profiles/index.js';

/** Thresholds of the autonomy controller's decisions. */
export const POLICY = {
  /** V4: proactive compaction at most once per 1.5 s ... */
  compactionCooldownUs: 1_500_000,
  /** ... and only from 46 % pressure up. */
  compactionMinPressurePct: 46,
  /** Compact when the free space is this fragmented (100 × (1 − largest free / free)) ... */
  compactionFragmentationPct: 50,
  /** ... or when the largest free block is below this many of the workload's largest requests. */
  compactionLargestRequests: 2,
  /** Risk (0..1000) from which load is shed before the predicted OOM. */
  reclaimRisk: 400,
  /** Pressure at which the pressure part of the risk alone reaches `reclaimRisk` (a low free-memory watermark). */
  watermarkPct: 90,
  /** Prediction-based actions wait for this confidence (the real kernel's gate is 600). */
  minConfidence: 600,
  /** A reclaim puts the ceiling this many points below the watermark, or below the pressure when that is already risky. */
  ceilingStepPct: 4,
  ceilingFloorPct: 40,
  /** After this many calm ticks in a row the ceiling rises by `relaxStepPct`. */
  calmTicksToRelax: 2,
  relaxStepPct: 2,
  /** A prediction is a hit when the next tick's pressure is within this many points. */
  hitTolerancePct: 5,
  /** Pressure samples the trend is fitted over. */
  historyTicks: 4,
  /** Queues this much deeper than the shallowest one get rebalanced ... */
  imbalanceMin: 4,
  /** ... when the gap is also at least this share (%) of the deepest queue. */
  imbalancePct: 50,
  /** OOMs observed before the pressure they came at is trusted as a ceiling (one may be a fluke). */
  learnAfterOoms: 3,
  /** Request size assumed when no workload says (the memory test's typical block). */
  defaultRequestBytes: 1536,
} as const;

/** The controller's rates when no profile gives them (the `qemu` profile's). */
export const DEFAULT_CONTROLLER_PROFILE: ControllerProfile = {
  compactionCooldownUs: POLICY.compactionCooldownUs,
  compactionFragmentationPct: POLICY.compactionFragmentationPct,
  forecastEveryTicks: 1,
  learnedMarginPct: 0,
};

/** The request sizes of the running workload that the OOM risk is measured against. */
export interface RequestSizes {
  readonly typicalBytes: number;
  readonly largestBytes: number;
}

/**
 * OOM risk on a 0..1000 scale: pressure above the watermark less 20 points (20 per point, up to 600,
 * so the watermark alone reaches the reclaim level); a largest free block too small for a typical
 * request (600) or for the largest regular one (400; 250 and 100 while it holds fewer than 2 or 4 of
 * them); OOMs since the last tick (150 each, up to 300).
 */
export function oomRisk(pressurePct: number, largestFree: number, sizes: RequestSizes, oomsSince: number): number {
  const pressure = Math.min(600, Math.max(0, Math.round((pressurePct - (POLICY.watermarkPct - 20)) * 20)));
  const big = sizes.largestBytes;
  const fragmentation =
    largestFree < sizes.typicalBytes ? 600 : largestFree < big ? 400 : largestFree < 2 * big ? 250 : largestFree < 4 * big ? 100 : 0;
  const ooms = Math.min(300, oomsSince * 150);
  return Math.min(1000, pressure + fragmentation + ooms);
}

/** Least-squares line through the samples (oldest first), evaluated one tick ahead of the newest. */
export function predictNext(samples: ArrayLike<number>, count: number): number {
  if (count === 0) return 0;
  const last = samples[count - 1]!;
  if (count === 1) return last;
  let sx = 0;
  let sy = 0;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < count; i++) {
    const y = samples[i]!;
    sx += i;
    sy += y;
    sxy += i * y;
    sxx += i * i;
  }
  const slope = (count * sxy - sx * sy) / (count * sxx - sx * sx);
  const intercept = (sy - slope * sx) / count;
  return Math.min(100, Math.max(0, intercept + slope * count));
}

/** 300 per sample of history (a trend needs two), at most 1000, less 150 per miss among the last 4 predictions. */
export function confidence(samples: number, recentMisses: number): number {
  return Math.max(0, Math.min(1000, 300 * samples) - 150 * recentMisses);
}

/** Index of the deepest queue when the queues are imbalanced enough to move work, else -1. */
export function imbalancedQueue(depths: readonly number[]): number {
  if (depths.length < 2) return -1;
  let deepest = 0;
  for (let i = 1; i < depths.length; i++) if (depths[i]! > depths[deepest]!) deepest = i;
  const gap = queueGap(depths);
  return gap >= POLICY.imbalanceMin && gap * 100 >= depths[deepest]! * POLICY.imbalancePct ? deepest : -1;
}

/** Index of the deepest queue (-1 when none is published or all are empty). */
export function deepestQueue(depths: readonly number[]): number {
  let deepest = -1;
  for (let i = 0; i < depths.length; i++) if (depths[i]! > 0 && (deepest < 0 || depths[i]! > depths[deepest]!)) deepest = i;
  return deepest;
}

/** Deepest minus shallowest queue (0 with fewer than two queues). */
export function queueGap(depths: readonly number[]): number {
  if (depths.length < 2) return 0;
  let max = depths[0]!;
  let min = depths[0]!;
  for (const d of depths) {
    if (d > max) max = d;
    if (d < min) min = d;
  }
  return max - min;
}
