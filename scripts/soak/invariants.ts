import type { ParsedResult, ParserEvent } from '../../shell/parser/index.js';
import type { PlannedCommand } from './commands.js';
import type { CommandOutcome } from './session.js';

/** Counters a test's METRIC lines report; within one run they never go down. */
const COUNTERS = ['stress_events', 'stress_successes', 'stress_failures', 'stress_oom_events', 'stress_compactions'];
const PERCENTS = ['stress_pressure_pct', 'stress_target_pct', 'stress_progress_pct'];
/** Result figures that may be negative (learning rewards) or are not numbers of things. */
const SIGNED = new Set(['total_rewards', 'avg_reward']);
/** Messages kept in full; the rest are counted. */
const KEPT = 50;

/**
 * Checks what the parser makes of the kernel's output, as it arrives (METRIC lines) and per
 * command (its events against what the planned line should get).
 */
export class InvariantChecker {
  private readonly messages: string[] = [];
  private count = 0;
  private context = '';
  private batch = new Map<string, number>();
  private counters = new Map<string, number>();
  /** The test whose METRIC lines are arriving. */
  private testType: string | null = null;

  get failures(): number {
    return this.count;
  }

  get kept(): readonly string[] {
    return this.messages;
  }

  begin(index: number, line: string): void {
    this.context = `#${index} '${line}'`;
  }

  fail(message: string): void {
    this.count++;
    if (this.messages.length < KEPT) this.messages.push(`${this.context}: ${message}`);
  }

  /** Streaming checks, called for every parser event. */
  onEvent(event: ParserEvent): void {
    if (event.type === 'test-start') {
      this.counters.clear();
      this.testType = event.testType;
    }
    if (event.type !== 'metric') return;
    const { name, value } = event;
    if (value < 0) this.fail(`METRIC ${name}=${value} is negative`);
    if (PERCENTS.includes(name) && value > 100) this.fail(`METRIC ${name}=${value} is above 100`);
    if (name === 'stress_progress_pct') this.batch = new Map();
    this.batch.set(name, value);
    if (COUNTERS.includes(name)) {
      const before = this.counters.get(name);
      if (before !== undefined && value < before) this.fail(`METRIC ${name} went down: ${before} -> ${value}`);
      this.counters.set(name, value);
    }
    // Chaos counts every event as a success or a failure; other tests count other things.
    if (name === 'stress_failures' && this.testType === 'chaos') {
      const events = this.batch.get('stress_events');
      const successes = this.batch.get('stress_successes');
      if (events !== undefined && successes !== undefined && successes + value !== events) {
        this.fail(`METRIC successes ${successes} + failures ${value} != events ${events}`);
      }
    }
  }

  /** What the whole command produced, against its plan. */
  onOutcome(planned: PlannedCommand, outcome: CommandOutcome): void {
    if (!outcome.returned) return this.fail(`no prompt within the timeout (${outcome.wallMs} ms)`);
    const count = (type: ParserEvent['type']): number => outcome.events.filter((e) => e.type === type).length;
    const errors = count('error');
    const unknown = count('unknown-command');
    if (planned.expect === 'error') {
      if (errors !== 1) this.fail(`expected one [ERROR] line, got ${errors}`);
      if (count('test-start') > 0) this.fail('a refused line started a test');
      return;
    }
    if (planned.expect === 'unknown') {
      if (unknown !== 1) this.fail(`expected one 'Unknown command', got ${unknown}`);
      return;
    }
    if (errors + unknown > 0) this.fail(`a valid line was refused (${errors} [ERROR], ${unknown} unknown)`);
    const results = outcome.events.flatMap((e) => (e.type === 'result' ? [e.result] : []));
    for (const result of results) this.checkResult(result, outcome.interrupted);
    if (outcome.interrupted) return;
    const wanted: Partial<Record<PlannedCommand['expect'], ParserEvent['type']>> = {
      test: 'result',
      compare: 'compare',
      report: 'report',
      status: 'autoctl-status',
    };
    const type = wanted[planned.expect];
    if (type !== undefined && count(type) !== 1) this.fail(`expected one '${type}' event, got ${count(type)}`);
  }

  private checkResult(result: ParsedResult, interrupted: boolean): void {
    const m = result.metrics;
    if (result.verdict === 'CANCELLED' && !interrupted) this.fail('CANCELLED without a Ctrl-C');
    for (const [key, value] of Object.entries(m)) {
      if (typeof value === 'number' && !SIGNED.has(key) && value < 0) this.fail(`${result.testType} ${key}=${value} is negative`);
    }
    for (const key of ['peak_pressure', 'avg_memory_pressure', 'success_rate'] as const) {
      const value = m[key];
      if (value !== undefined && (value < 0 || value > 100)) this.fail(`${result.testType} ${key}=${value} outside 0..100`);
    }
    if (m.avg_memory_pressure !== undefined && m.peak_pressure !== undefined && m.avg_memory_pressure > m.peak_pressure) {
      this.fail(`avg pressure ${m.avg_memory_pressure} above peak ${m.peak_pressure}`);
    }
    const { chaos_events_count: events, successful_recoveries: ok, failed_recoveries: failed } = m;
    if (events !== undefined && ok !== undefined && failed !== undefined && ok + failed !== events) {
      this.fail(`chaos: successes ${ok} + failures ${failed} != events ${events}`);
    }
    const { latency_p50_ns: p50, latency_p95_ns: p95, latency_p99_ns: p99 } = m;
    if (p50 !== undefined && p95 !== undefined && p99 !== undefined && !(p50 <= p95 && p95 <= p99)) {
      this.fail(`latency percentiles out of order: p50=${p50} p95=${p95} p99=${p99}`);
    }
  }
}
