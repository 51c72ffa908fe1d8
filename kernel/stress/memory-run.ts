import type { ControllerEvent, ReclaimResult, TelemetryBoard, Workload } from '../autonomy/telemetry.js';
import type { Heap } from '../heap/heap.js';
import { LatencyHistogram } from '../histogram.js';
import type { Prng } from '../prng.js';
import { BlockList } from './memory-blocks.js';
import type { MemoryProfile } from '../profiles/index.js';
import { allocLatencyNs, COMPACT_BYTES_PER_US, FREE_US, PREFILL_ALLOC_US } from './memory-costs.js';
import { KernelBuffers } from './memory-buffers.js';
import type { ProgressValues, StressContext } from './types.js';

export interface MemoryParams {
  readonly durationMs: number;
  readonly targetPct: number;
  readonly oomProbabilityPct: number;
  readonly noisePct: number;
}

const BASE_SIZE = 1536;
const PREFILL_PCT = 50;
const PREFILL_BLOCK = 1024;
const PREFILL_MAX_BLOCKS = 4096;
const PREFILL_MAX_FAILS = 5;

/**
 * The memory stress loop (reference §2.1) on the real heap, one iteration at a time. PRNG draws per
 * iteration, in order: [emergency compaction: count, then one index per removal] → [allocate: size
 * (noise > 0), injection (P > 0), freed % on OOM] | [free: % or count] | [at target: churn] →
 * [kernel buffers, every profile-given iteration: action, index or size, freed % on OOM] → busy-wait. The
 * emergency-brake iteration draws nothing.
 */
export class MemoryRun implements Workload {
  readonly typicalAllocBytes = BASE_SIZE;
  readonly largestAllocBytes: number;
  readonly latency = new LatencyHistogram();
  readonly progress: Required<Pick<ProgressValues, 'pressurePct' | 'targetPct' | 'oomEvents' | 'compactions'>>;
  peak = 0;
  oomEvents = 0;
  compactions = 0;
  iterations = 0;
  /** A METRIC batch was requested at least once. */
  reported = false;
  private sum = 0;
  private samples = 0;
  private stallUs = 0;
  private workNs = 0;
  private pressure = 0;
  private readonly heap: Heap;
  private readonly prng: Prng;
  private readonly blocks: BlockList;
  private readonly buffers: KernelBuffers;
  private readonly variance: number;
  private readonly board: TelemetryBoard;
  private readonly model: MemoryProfile;

  constructor(
    private readonly ctx: StressContext,
    private readonly params: MemoryParams,
  ) {
    this.heap = ctx.heap;
    this.prng = ctx.prng;
    this.blocks = new BlockList(ctx.heap);
    this.model = ctx.profile.memory;
    this.largestAllocBytes = this.model.buffers.maxKiB * 1024;
    this.buffers = new KernelBuffers(ctx.heap, this.model.buffers);
    this.variance = Math.floor((BASE_SIZE * params.noisePct) / 100);
    this.board = ctx.autonomy.telemetry;
    this.progress = { pressurePct: 0, targetPct: params.targetPct, oomEvents: 0, compactions: 0 };
  }

  get avgPct(): number {
    return this.samples > 0 ? Math.floor(this.sum / this.samples) : 0;
  }

  /** Step 5: 1 KiB blocks toward 50 % (whatever the target); returns µs spent. */
  prefill(): number {
    let fails = 0;
    let us = 0;
    while (this.heap.pressurePct() < PREFILL_PCT && this.blocks.length < PREFILL_MAX_BLOCKS && fails < PREFILL_MAX_FAILS) {
      const handle = this.heap.alloc(PREFILL_BLOCK);
      if (handle < 0) fails++;
      else {
        this.blocks.push(handle);
        fails = 0;
        us += PREFILL_ALLOC_US;
      }
    }
    return us;
  }

  /** Runs iterations until at least `sliceUs` µs are spent or `remainingUs` would be reached; returns the µs spent. */
  slice(sliceUs: number, remainingUs: number): number {
    let spent = 0;
    const limit = Math.min(sliceUs, remainingUs);
    while (spent < limit) spent += this.iterate();
    if (this.ctx.progressDue()) this.report();
    return spent;
  }

  /** Frees everything the run holds. */
  release(): void {
    this.blocks.clear();
    this.buffers.releaseAll();
  }

  report(): void {
    const p = this.progress;
    p.pressurePct = this.heap.pressurePct();
    p.oomEvents = this.oomEvents;
    p.compactions = this.compactions;
    this.reported = true;
    this.ctx.progress(p);
  }

  reclaim(ceilingPct: number): ReclaimResult {
    const [freedBlocks, freedBytes] = this.blocks.dropUntilPressure(ceilingPct);
    this.stallUs += freedBlocks * FREE_US;
    return { freedBlocks, freedBytes };
  }

  notify(e: ControllerEvent): void {
    const a = e.action;
    const ctx = this.ctx;
    if (a.kind === 'compaction') {
      this.compactions++;
      const us = Math.ceil(a.movedBytes / COMPACT_BYTES_PER_US);
      this.stallUs += us;
      if (ctx.verbose) {
        ctx.detail(`[MEM] AI compaction #${this.compactions} at ${e.pressurePct}%: moved ${a.movedBlocks} blocks (${a.movedBytes >> 10} KiB), largest free ${a.largestBefore} -> ${a.largestAfter} in ${us}us`);
      }
    } else if (!ctx.verbose) {
      return;
    } else if (a.kind === 'reclaim') {
      ctx.detail(`[MEM] AI reclaim at ${e.pressurePct}% (predicted ${a.predictedPct}%): freed ${a.freedBlocks} blocks (${a.freedBytes >> 10} KiB), ceiling ${a.ceilingPct}%`);
    } else {
      ctx.detail(`[MEM] AI ceiling raised to ${a.ceilingPct}%`);
    }
  }

  /** One iteration of step 6; returns its µs. */
  private iterate(): number {
    const { heap, prng, blocks, params, board } = this;
    let cost = this.model.iterationOverheadUs + this.stallUs;
    this.stallUs = 0;
    const pressure = heap.pressurePct();
    this.pressure = pressure;
    if (pressure > this.peak) this.peak = pressure;
    this.sum += pressure;
    this.samples++;
    if (pressure >= 100 && blocks.length > 10) {
      const n = Math.floor((blocks.length * 30) / 100);
      blocks.dropFront(n);
      this.iterations++;
      return cost + n * FREE_US;
    }
    const ceiling = board.pressureCeilingPct;
    const limit = Math.min(params.targetPct, ceiling);
    if (pressure >= 80 && this.iterations % 50 === 0) cost += this.emergencyCompaction(pressure);
    if (pressure < limit) {
      const size = this.variance > 0 ? prng.randRange(BASE_SIZE - this.variance, BASE_SIZE + this.variance) : BASE_SIZE;
      const injected = params.oomProbabilityPct > 0 && prng.randRange(0, 100) < params.oomProbabilityPct;
      if (injected || !this.allocate(size)) cost += this.recover(size, injected ? ' (injected)' : '');
    } else if (pressure > limit + 5 || pressure > ceiling) {
      const n = pressure - limit > 10 ? Math.max(Math.floor((blocks.length * prng.randRange(10, 20)) / 100), 5) : prng.randRange(5, 10);
      cost += Math.min(n, blocks.length) * FREE_US;
      blocks.dropFront(n);
    } else if (this.iterations % 10 === 0 && blocks.length > 5) {
      const churn = prng.randRange(0, 3);
      if (churn === 0) blocks.dropFront(1);
      else if (churn === 1) this.allocate(2048);
    }
    if (this.iterations % this.model.buffers.everyIterations === 0 && !this.buffers.step(prng)) {
      cost += this.recover(this.buffers.failedBytes, ' (kernel buffer)');
    }
    this.iterations++;
    cost += prng.randRange(100, 500) + Math.floor(this.workNs / 1000);
    this.workNs %= 1000;
    return cost;
  }

  private allocate(size: number): boolean {
    const handle = this.heap.alloc(size);
    if (handle < 0) return false;
    this.blocks.push(handle);
    const ns = allocLatencyNs(this.heap, handle, size, this.model.allocCost);
    this.latency.record(ns);
    this.workNs += ns;
    return true;
  }

  /** Step 6.5, emergency compaction: 5–9 random blocks dropped (the real kernel moves nothing), counted as a trigger; returns µs spent. */
  private emergencyCompaction(pressure: number): number {
    this.compactions++;
    let dropped = 0;
    if (this.blocks.length > 10) {
      dropped = this.prng.randRange(5, 10);
      for (let k = 0; k < dropped; k++) this.blocks.removeAt(this.prng.randRange(0, this.blocks.length));
    }
    if (this.ctx.verbose) this.ctx.detail(`[MEM] Compaction #${this.compactions} at ${pressure}%: dropped ${dropped} blocks`);
    return dropped * FREE_US;
  }

  /** OOM recovery: frees 20–40 % of the held blocks (newest first) with autonomy on, 40–70 % without; returns µs spent. */
  private recover(size: number, what: string): number {
    this.oomEvents++;
    this.board.oomEvents = this.oomEvents;
    this.board.oomPressures.push(this.pressure);
    const free = this.heap.freeBytes;
    const largest = this.heap.largestFreeBlock;
    const pct = this.ctx.autonomy.enabled ? this.prng.randRange(20, 40) : this.prng.randRange(40, 70);
    const n = Math.floor((this.blocks.length * pct) / 100);
    this.blocks.truncate(this.blocks.length - n);
    const us = n * FREE_US;
    if (this.ctx.verbose) {
      this.ctx.detail(`[MEM] OOM #${this.oomEvents} at ${this.pressure}%: size=${size}${what} free=${free} largest=${largest} -> freed ${pct}% (${n} blocks) in ${us}us`);
    }
    return us;
  }
}
