import { Heap } from '../../heap/heap.js';
import type { Prng } from '../../prng.js';

/** What the controller may do each decision. */
export const ALLOCATE = 0;
export const HOLD = 1;
export const FREE_SOME = 2;
export const COMPACT = 3;
export const ACTION_COUNT = 4;
export const ACTION_NAMES = ['allocate', 'hold', 'free', 'compact'] as const;

/** 20 pressure buckets of 5 % × 3 trends × 2 fragmentation levels. */
export const STATE_COUNT = 20 * 3 * 2;

export interface MemoryEnvOptions {
  prng: Prng;
  /** Arena the environment manages (default 1 MiB). */
  heapBytes?: number;
  /** Pressure the controller is rewarded for holding (default 70 %). */
  targetPct?: number;
}

/** Observe, choose, update: 80–120 µs a decision before the action's own cost. */
const DECISION_BASE_US = 80;
const CACHE_BLOCK = 4096;
const CACHE_GROWTH = 4;
const WORKLOAD_MIN = 256;
const WORKLOAD_MAX = 6144;
const OOM_PENALTY = 30;
const TREND_WINDOW = 8;
const HIGH_FRAGMENTATION_PCT = 40;
const WORKLOAD_BURST = 3;
const DEMAND_MIN_PCT = 10;
const DEMAND_MAX_PCT = 85;

/**
 * A kernel heap under a fluctuating workload, and a page cache the controller sizes. The workload
 * follows a demand level that jumps every few hundred steps and frees blocks in random order (so
 * the arena fragments); a workload allocation that fails is an OOM and forces the cache to shrink
 * by half. Reward per decision: 5 − ⌊|pressure − target| / 4⌋, −30 on an OOM, −2 for a cache
 * allocation that fails, −2 − ⌊moved bytes / 64 KiB⌋ for a compaction.
 */
export class MemoryEnv {
  readonly heap: Heap;
  readonly targetPct: number;
  oomEvents = 0;
  compactions = 0;
  /** Virtual µs the last decision and its consequences took. */
  lastCostUs = 0;
  private readonly prng: Prng;
  private readonly workload: number[] = [];
  private readonly workloadSizes: number[] = [];
  private workloadBytes = 0;
  private demandBytes = 0;
  private stepsToShift = 0;
  private readonly cache: number[] = [];
  private cacheHead = 0;
  private readonly history = new Int32Array(TREND_WINDOW);
  private step = 0;
  private lastOom = false;

  constructor({ prng, heapBytes = 1024 * 1024, targetPct = 70 }: MemoryEnvOptions) {
    this.prng = prng;
    this.heap = new Heap({ sizeBytes: heapBytes });
    this.targetPct = targetPct;
  }

  /** Starts an episode: empty arena, a fresh demand level. */
  reset(): void {
    this.heap.reset();
    this.workload.length = 0;
    this.workloadSizes.length = 0;
    this.workloadBytes = 0;
    this.cache.length = 0;
    this.cacheHead = 0;
    this.history.fill(0);
    this.step = 0;
    this.oomEvents = 0;
    this.compactions = 0;
    this.shiftDemand();
  }

  get pressurePct(): number {
    return this.heap.pressurePct();
  }

  get cacheBlocks(): number {
    return this.cache.length - this.cacheHead;
  }

  /** Discretised observation: pressure bucket, trend over the last 8 decisions, fragmentation. */
  observe(): number {
    const p = this.heap.pressurePct();
    const bucket = p >= 100 ? 19 : Math.floor(p / 5);
    const delta = p - this.history[this.step % TREND_WINDOW]!;
    const trend = delta < -1 ? 0 : delta > 1 ? 2 : 1;
    const fragmented = this.heap.fragmentationPct() >= HIGH_FRAGMENTATION_PCT ? 1 : 0;
    return (bucket * 3 + trend) * 2 + fragmented;
  }

  /** Applies the controller's action, then one workload step; returns the (integer) reward. */
  act(action: number): number {
    const prng = this.prng;
    let reward = 0;
    let costUs = DECISION_BASE_US + prng.randRange(0, 41);
    if (action === ALLOCATE) {
      for (let i = 0; i < CACHE_GROWTH; i++) {
        const handle = this.heap.alloc(CACHE_BLOCK);
        costUs += 2;
        if (handle < 0) {
          reward -= 2;
          break;
        }
        this.cache.push(handle);
      }
    } else if (action === FREE_SOME) {
      const count = Math.max(CACHE_GROWTH, this.cacheBlocks >> 2);
      costUs += this.shrinkCache(count);
    } else if (action === COMPACT) {
      const moved = this.heap.compact();
      this.compactions++;
      reward -= 2 + Math.floor(moved.movedBytes / 65536);
      costUs += 150 + Math.floor(moved.movedBytes / 1024);
    }
    costUs += this.workloadStep();
    this.history[this.step % TREND_WINDOW] = this.heap.pressurePct();
    this.step++;
    const p = this.heap.pressurePct();
    reward += 5 - Math.floor(Math.abs(p - this.targetPct) / 4);
    this.lastCostUs = costUs;
    return this.lastOom ? reward - OOM_PENALTY : reward;
  }

  /** The workload moves towards its demand level: allocate below it, free a random block above it. */
  private workloadStep(): number {
    const prng = this.prng;
    this.lastOom = false;
    if (--this.stepsToShift <= 0) this.shiftDemand();
    let costUs = 0;
    const below = this.workloadBytes < this.demandBytes;
    const grow = below ? prng.randRange(0, 100) < 80 : prng.randRange(0, 100) < 20;
    if (grow) {
      const burst = below ? prng.randRange(1, WORKLOAD_BURST + 1) : 1;
      for (let i = 0; i < burst; i++) costUs += this.workloadAlloc(prng.randRange(WORKLOAD_MIN, WORKLOAD_MAX + 1));
    } else if (this.workload.length > 0) {
      const i = prng.randRange(0, this.workload.length);
      const last = this.workload.length - 1;
      this.heap.free(this.workload[i]!);
      this.workloadBytes -= this.workloadSizes[i]!;
      this.workload[i] = this.workload[last]!;
      this.workloadSizes[i] = this.workloadSizes[last]!;
      this.workload.pop();
      this.workloadSizes.pop();
      costUs += 1;
    }
    return costUs;
  }

  /** One workload allocation; on failure an OOM: the cache is halved and the request retried once. */
  private workloadAlloc(size: number): number {
    let handle = this.heap.alloc(size);
    let costUs = 2;
    if (handle < 0) {
      this.oomEvents++;
      this.lastOom = true;
      costUs += this.shrinkCache(Math.max(1, this.cacheBlocks >> 1));
      handle = this.heap.alloc(size);
    }
    if (handle >= 0) {
      this.workload.push(handle);
      this.workloadSizes.push(size);
      this.workloadBytes += size;
    }
    return costUs;
  }

  /** Frees the oldest `count` cache blocks; returns the µs spent. */
  private shrinkCache(count: number): number {
    let freed = 0;
    while (freed < count && this.cacheHead < this.cache.length) {
      this.heap.free(this.cache[this.cacheHead++]!);
      freed++;
    }
    if (this.cacheHead > 1024 && this.cacheHead * 2 > this.cache.length) {
      this.cache.splice(0, this.cacheHead);
      this.cacheHead = 0;
    }
    return freed;
  }

  /** A new demand level in 10–85 % of the arena, held for 200–800 decisions. */
  private shiftDemand(): void {
    const pct = this.prng.randRange(DEMAND_MIN_PCT, DEMAND_MAX_PCT + 1);
    this.demandBytes = Math.floor((this.heap.totalBytes * pct) / 100);
    this.stepsToShift = this.prng.randRange(200, 801);
  }
}
