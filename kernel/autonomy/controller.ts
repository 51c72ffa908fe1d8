import type { AutonomyMetrics } from './metrics.js';
import type { Heap } from '../heap/heap.js';
import type { ControllerProfile } from '../profiles/index.js';
import type { Scheduler } from '../scheduler.js';
import type { AutonomyState } from '../state.js';
import { MemorySteering } from './memory-steering.js';
import { OomKnowledge } from './oom-knowledge.js';
import { PendingOutcomes } from './outcomes.js';
import { PressureTrend } from './pressure-trend.js';
import { DEFAULT_CONTROLLER_PROFILE, oomRisk, POLICY, queueGap } from './policy.js';
import { PredictionLog } from './prediction-log.js';
import { steerScheduling, type Reading, type SteeringContext } from './steering.js';
import { NO_CEILING, type ControllerAction } from './telemetry.js';
import { formatTickEnd, formatTickStart, SILENT_LINE, tickDirectives, VERBOSE_TICKS } from './tick-log.js';

/** What the controller needs of the kernel: its clock and its console. */
export interface ControllerHost {
  readonly clock: Scheduler;
  print(text: string): void;
}

export interface AutonomyControllerOptions {
  readonly autonomy: AutonomyState;
  readonly heap: Heap;
  readonly metrics: AutonomyMetrics;
  /** Counter frequency for the printed timer cycles (default 62 500 000 Hz, QEMU virt). */
  readonly cntfrqHz?: number;
  /** Compaction rate, forecast period and learned margin (default: the `qemu` profile's). */
  readonly profile?: ControllerProfile;
}

/**
 * The autonomy controller: a decision every `autonomy.intervalMs` on the kernel's scheduler. Its
 * timer always re-arms itself and a tick does nothing while `autonomy.enabled` is false, so whoever
 * flips the flag (autoctl, chaos, compare) needs no call here.
 */
export class AutonomyController {
  readonly predictions = new PredictionLog();
  private readonly autonomy: AutonomyState;
  private readonly heap: Heap;
  private readonly metrics: AutonomyMetrics;
  private readonly cntfrqHz: number;
  private readonly outcomes = new PendingOutcomes();
  private readonly memory: MemorySteering;
  private readonly profile: ControllerProfile;
  private readonly ooms: OomKnowledge;
  private ticksEnabled = 0;
  private host: ControllerHost | undefined;
  private timer = -1;
  private announcing = false;
  private ticksSinceArm = 0;
  private readonly trend = new PressureTrend(this.predictions);
  private seenOoms = 0;
  private seenMisses = 0;
  /** Names of this tick's actions while its lines are printed, else undefined. */
  private done: string[] | undefined;

  constructor(options: AutonomyControllerOptions) {
    this.autonomy = options.autonomy;
    this.heap = options.heap;
    this.metrics = options.metrics;
    this.cntfrqHz = options.cntfrqHz ?? 62_500_000;
    this.profile = options.profile ?? DEFAULT_CONTROLLER_PROFILE;
    this.memory = new MemorySteering(options.heap, this.profile);
    this.ooms = new OomKnowledge(this.profile.learnedMarginPct);
  }

  get attached(): boolean {
    return this.host !== undefined;
  }

  /** Connects the clock and console and starts the timer; with autonomy on (boot) the first ticks are printed. Idempotent. */
  attach(host: ControllerHost): void {
    if (this.host) return;
    this.host = host;
    this.announcing = this.autonomy.enabled;
    this.ticksSinceArm = 0;
    this.schedule();
  }

  /** `autoctl on` / `reset`: re-arm the timer from now and restart the printed tick count. */
  arm(): void {
    this.announcing = true;
    this.ticksSinceArm = 0;
    if (!this.host) return;
    this.host.clock.cancel(this.timer);
    this.schedule();
  }

  /**
   * `compare`: forget the trend and restart the timer from now, so each half's decisions fall at the
   * same offsets from its start; prints nothing. What the session's OOMs taught is kept.
   */
  rearm(): void {
    this.trend.reset();
    this.ticksEnabled = 0;
    this.memory.restart();
    this.outcomes.clear();
    this.autonomy.telemetry.pressureCeilingPct = NO_CEILING;
    if (!this.host) return;
    this.host.clock.cancel(this.timer);
    // The first decision falls at the start of the run, the next ones every interval after it.
    this.schedule(0);
  }

  /** The pressure ceiling learned from this session's OOMs (NaN while there is none). */
  get learnedCeilingPct(): number {
    return this.ooms.ceilingPct;
  }
  /** `autoctl off`: no tick lines until the next arm. */
  silence(): void {
    this.announcing = false;
  }

  accuracyPct(last: number): number | undefined {
    return this.predictions.accuracyPct(last);
  }

  /** One decision (what the timer runs). */
  tick(): void {
    const a = this.autonomy;
    const board = a.telemetry;
    this.ooms.observe(board.oomPressures);
    if (!a.enabled) {
      this.ticksEnabled = 0;
      // Forget the trend and lift the directives, so nothing stale steers a later run.
      this.trend.reset();
      this.memory.reset();
      this.outcomes.clear();
      board.pressureCeilingPct = NO_CEILING;
      return;
    }
    a.totalDecisions++;
    this.ticksSinceArm++;
    this.ticksEnabled++;
    this.done = this.announcing && this.ticksSinceArm <= VERBOSE_TICKS ? [] : undefined;
    const r = this.read();
    if (this.announcing && this.host) this.announceStart(r);
    this.outcomes.settle(this.metrics, oomRisk(r.usedPct, this.heap.largestFreeBlock, r.sizes, r.oomsSince), r.missesSince, queueGap(board.queueDepths));
    const steering: SteeringContext = {
      board,
      metrics: this.metrics,
      outcomes: this.outcomes,
      done: this.done,
      tell: (action) => this.tell(r, action),
    };
    const memory = this.memory.steer(r, steering);
    // Scored at the next tick against what the heap will be after the load this tick shed.
    this.trend.expect(r.predictedPct - (memory.freedBytes * 100) / this.heap.totalBytes);
    steerScheduling(r, steering);
    if (this.done && this.host) this.announceEnd(r, memory.deferred);
  }

  private read(): Reading {
    const board = this.autonomy.telemetry;
    const heap = this.heap;
    const oomsSince = board.oomEvents >= this.seenOoms ? board.oomEvents - this.seenOoms : board.oomEvents;
    const missesSince = board.deadlineMisses >= this.seenMisses ? board.deadlineMisses - this.seenMisses : board.deadlineMisses;
    this.seenOoms = board.oomEvents;
    this.seenMisses = board.deadlineMisses;
    const usedPct = (heap.allocatedBytes * 100) / heap.totalBytes;
    this.trend.sample(usedPct);
    // A trend needs two samples; the forecast is made every `forecastEveryTicks` ticks.
    const forecast = this.trend.ready && this.ticksEnabled % this.profile.forecastEveryTicks === 0;
    const predictedPct = forecast ? this.trend.forecast() : Number.NaN;
    if (forecast) this.metrics.recordMemoryPrediction();
    return {
      nowUs: this.host ? this.host.clock.nowUs : 0,
      pressurePct: heap.pressurePct(),
      usedPct,
      predictedPct,
      sizes: board.workload
        ? { typicalBytes: board.workload.typicalAllocBytes, largestBytes: board.workload.largestAllocBytes }
        : { typicalBytes: POLICY.defaultRequestBytes, largestBytes: POLICY.defaultRequestBytes },
      oomsSince,
      missesSince,
      confidence: this.trend.confidence(),
      learnedCeilingPct: this.ooms.ceilingPct,
    };
  }

  private announceStart(r: Reading): void {
    const host = this.host!;
    if (!this.done) {
      // The real kernel also switches METRIC output off here; the live views need METRIC lines, so it stays on.
      host.print(SILENT_LINE);
      this.announcing = false;
      return;
    }
    host.print(
      formatTickStart({
        tick: this.ticksSinceArm,
        intervalMs: this.autonomy.intervalMs,
        cntfrqHz: this.cntfrqHz,
        nowUs: r.nowUs,
        pressurePct: r.pressurePct,
        deadlineMisses: r.missesSince,
      }),
    );
  }

  private announceEnd(r: Reading, deferred: string | undefined): void {
    const directives = tickDirectives(r.predictedPct, r.usedPct, r.missesSince, queueGap(this.autonomy.telemetry.queueDepths));
    this.host!.print(formatTickEnd({ directives, confidence: r.confidence, actions: this.done!.join(', '), deferred }));
    this.done = undefined;
  }

  private schedule(delayUs = this.autonomy.intervalMs * 1000): void {
    this.timer = this.host!.clock.after(delayUs, () => {
      this.schedule();
      this.tick();
    });
  }

  private tell(r: Reading, action: ControllerAction): void {
    this.autonomy.telemetry.workload?.notify?.({ atUs: r.nowUs, pressurePct: r.pressurePct, action });
  }
}
