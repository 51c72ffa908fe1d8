/**
 * The console lines of the first decision ticks after autonomy is armed (reference §8.6), abridged:
 * the timer ISR's lines, then the decision tick's telemetry, directives and outcome. The real
 * kernel also prints two `METRIC nn_infer_*` lines per tick (its meta-agent is a neural network;
 * this controller is not).
 */
export const VERBOSE_TICKS = 5;

export const SILENT_LINE = "[AUTONOMY] Running silently (use 'autoctl status' to check)\n";

export interface TickStart {
  /** 1-based count of ticks since the timer was armed. */
  readonly tick: number;
  readonly intervalMs: number;
  readonly cntfrqHz: number;
  readonly nowUs: number;
  readonly pressurePct: number;
  readonly deadlineMisses: number;
}

export interface TickEnd {
  /** Memory, scheduling and queue directives, each -1000..1000. */
  readonly directives: readonly [number, number, number];
  readonly confidence: number;
  /** What was done, e.g. `compaction, reclaim to 86%`; empty when nothing. */
  readonly actions: string;
  /** Why prediction-based actions were deferred (low confidence), if they were. */
  readonly deferred?: string;
}

/** The timer ISR's lines and the start of the decision tick (printed before the tick acts). */
export function formatTickStart(t: TickStart): string {
  const lines: string[] = [];
  if (t.tick === 1) {
    lines.push("[TIMER] Timer running silently (use 'autoctl status' to check)", `[TIMER] Timer freq=${t.cntfrqHz} Hz`);
  }
  if (t.tick <= 3) lines.push(`[TIMER] Rearming with ${t.intervalMs}ms interval (${(t.cntfrqHz / 1000) * t.intervalMs} cycles)`);
  else lines.push(`[TIMER] Tick ${t.tick} rearmed`);
  // CTL after the interrupt: enabled, not masked, status bit set (bit0 + bit2).
  if (t.tick === 4) lines.push('[TIMER] Tick 4 CTL=5 (bit0=enable, bit1=mask, bit2=istatus)');
  lines.push('[TIMER] Calling autonomous_decision_tick()');
  lines.push(
    `[AUTONOMY] Starting decision tick at timestamp ${Math.floor(t.nowUs)}`,
    `[AUTONOMY] Telemetry: mem_pressure=${t.pressurePct} deadline_misses=${t.deadlineMisses}`,
  );
  return `${lines.join('\n')}\n`;
}

/** The tick's directives and what came of them (printed after it acted). */
export function formatTickEnd(t: TickEnd): string {
  const lines = [`[AUTONOMY] Meta-agent directives: [${t.directives.join(', ')}] confidence=${t.confidence}`];
  if (t.deferred !== undefined) lines.push(`[AUTONOMY] Low confidence (${t.confidence} < 600), deferring action: ${t.deferred}`);
  if (t.actions) lines.push(`[AUTONOMY] Actions: ${t.actions}`);
  else if (t.deferred === undefined) lines.push('[AUTONOMY] No action needed');
  return `${lines.join('\n')}\n`;
}

/**
 * The meta-agent's three directives, each -1000..1000: memory from the forecast (or the measured
 * use when there is none) around 50 %, scheduling from new deadline misses, queues from their gap.
 */
export function tickDirectives(predictedPct: number, usedPct: number, missesSince: number, queueGap: number): [number, number, number] {
  const clamp = (x: number) => Math.max(-1000, Math.min(1000, Math.round(x)));
  const memory = Number.isNaN(predictedPct) ? usedPct : predictedPct;
  return [clamp((memory - 50) * 20), clamp(missesSince * 100), clamp(queueGap * 50)];
}
