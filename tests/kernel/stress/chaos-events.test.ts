import { describe, expect, test } from '@jest/globals';
import { COMMANDS } from '../../../kernel/commands/index.js';
import { Prng } from '../../../kernel/prng.js';
import { createKernelState, type AutonomyState } from '../../../kernel/state.js';
import { CHAOS_EVENTS, createChaosEnv } from '../../../kernel/stress/chaos/env.js';
import { autonomyFlip } from '../../../kernel/stress/chaos/autonomy-flip.js';
import { commandBurst } from '../../../kernel/stress/chaos/command-burst.js';
import { deadlinePressure } from '../../../kernel/stress/chaos/deadline-pressure.js';
import { diskIoStall } from '../../../kernel/stress/chaos/disk-io-stall.js';
import { memoryChurn } from '../../../kernel/stress/chaos/memory-churn.js';
import { memorySpike } from '../../../kernel/stress/chaos/memory-spike.js';
import { networkPartition } from '../../../kernel/stress/chaos/network-partition.js';
import { predictionStorm } from '../../../kernel/stress/chaos/prediction-storm.js';
import { telemetryStorm } from '../../../kernel/stress/chaos/telemetry-storm.js';
import { spinUs } from '../../../kernel/stress/chaos/time.js';
import { CANCEL_SLICE_US as SLICE_US } from '../../../kernel/stress/context.js';
import type { ChaosEnv, ChaosEvent, EventOutcome } from '../../../kernel/stress/chaos/types.js';
import type { StressContext } from '../../../kernel/stress/types.js';

/** One kernel state (8 MiB heap, autonomy flags) for all rigs, reset for each: building it is the slow part. */
const STATE = createKernelState();
const HEAP = STATE.heap;
const KNOWN = new Set(COMMANDS.map((c) => c.name));
const byName = (line: string) => KNOWN.has(line.split(' ')[0]!);

interface Rig {
  env: ChaosEnv;
  autonomy: AutonomyState;
  sent: string[];
  /** A PRNG in the state the next event starts from, to replay its draws. */
  twin(): Prng;
  /** Runs one event to the end (or until cancelled); `cancelAtUs` raises Ctrl-C once that much time passed. */
  run(event: ChaosEvent, fault: boolean, cancelAtUs?: number): { outcome: EventOutcome; us: number; maxYield: number; enabledUs: number };
}

function rig(seed: number, interpret: (line: string) => boolean = byName): Rig {
  let now = 0;
  let cancelled = false;
  const sent: string[] = [];
  const autonomy: AutonomyState = STATE.autonomy;
  autonomy.enabled = false;
  const ctx: StressContext = {
    seed: BigInt(seed),
    prng: new Prng(seed),
    profile: STATE.profile,
    heap: HEAP,
    autonomy,
    metrics: STATE.metrics,
    quiet: true,
    verbose: false,
    startUs: 0,
    durationMs: 0,
    nowUs: () => now,
    get cancelled() {
      return cancelled;
    },
    line: () => {},
    event: () => {},
    detail: () => {},
    progressDue: () => false,
    progress: () => {},
    interpret: (line) => {
      sent.push(line);
      return interpret(line);
    },
    feedShell: () => 0,
  };
  HEAP.reset();
  const env = createChaosEnv(ctx);
  return {
    env,
    autonomy,
    sent,
    twin: () => new Prng(ctx.prng.state),
    run(event, fault, cancelAtUs) {
      const gen = event.run(env, fault);
      const start = now;
      let maxYield = 0;
      let enabledUs = 0;
      for (;;) {
        const step = gen.next();
        if (step.done) return { outcome: step.value, us: now - start, maxYield, enabledUs };
        maxYield = Math.max(maxYield, step.value);
        if (autonomy.enabled) enabledUs += step.value;
        now += step.value;
        if (cancelAtUs !== undefined && now - start >= cancelAtUs) cancelled = true;
      }
    },
  };
}

/** Fills the block list with `count` blocks of 8 KiB, as earlier spikes would have. */
function prefill(env: ChaosEnv, count: number): void {
  for (let i = 0; i < count; i++) env.blocks.push(env.heap.alloc(8192));
}

/** Spike (8 KiB) and churn (2 KiB) blocks alternating, as a run's list holds them. */
function prefillMixed(env: ChaosEnv, count: number): void {
  for (let i = 0; i < count; i++) env.blocks.push(env.heap.alloc(i % 2 === 0 ? 8192 : 2048));
}

function heldBytes(env: ChaosEnv): number {
  let total = 0;
  const handles: number[] = [];
  for (let h = env.blocks.shift(); h >= 0; h = env.blocks.shift()) handles.push(h);
  for (const h of handles) {
    total += env.heap.sizeOf(h);
    env.blocks.push(h);
  }
  return total;
}

const SEEDS = Array.from({ length: 400 }, (_, i) => i + 1);

describe('every event kind', () => {
  test('the draw order holds the twelve report events, V2 slots first', () => {
    expect(CHAOS_EVENTS.map((e) => e.name)).toEqual([
      'Memory spike',
      'Memory release',
      'Autonomy flip',
      'Command burst',
      'Telemetry storm',
      'Hot retrain',
      'Deadline pressure',
      'Prediction storm',
      'Workload spike',
      'Network partition',
      'Memory churn',
      'Disk I/O stall',
    ]);
  });

  test.each(CHAOS_EVENTS.map((e) => [e.name, e] as const))('%s: never fails unfaulted; faulted it sometimes recovers, sometimes fails', (_, event) => {
    const statuses = { ok: 0, recovered: 0, failed: 0, cancelled: 0 };
    for (const seed of SEEDS.slice(0, 150)) {
      for (const fault of [false, true]) {
        const r = rig(seed);
        prefillMixed(r.env, 100);
        const { outcome, maxYield } = r.run(event, fault);
        expect(maxYield).toBeLessThanOrEqual(SLICE_US);
        if (!fault) expect(outcome.status).toBe('ok');
        else expect(['recovered', 'failed']).toContain(outcome.status);
        if (outcome.status === 'failed') expect(outcome.reason).toMatch(/\S/);
        statuses[outcome.status]++;
        expect(heldBytes(r.env)).toBe(r.env.heap.allocatedBytes);
      }
    }
    expect(statuses.ok).toBe(150);
    expect(statuses.recovered).toBeGreaterThan(10);
    expect(statuses.failed).toBeGreaterThan(10);
  });
});

describe('network partition', () => {
  /** The spec, independently: sends every I ms while cut, 24-slot outbox, 1.5 ms per retransmit, 60 ms TTL. */
  function expected(partitionMs: number, intervalMs: number): { failed: false | string; us: number } {
    const sends = Math.ceil(partitionMs / intervalMs);
    const overflowAt = 24 * intervalMs;
    if (sends > 24 && overflowAt < 60) return { failed: 'overflow', us: overflowAt * 1000 };
    if (partitionMs > 60) return { failed: 'expired', us: 60_000 };
    for (let k = 0; k < sends; k++) {
      const start = partitionMs * 1000 + 1500 * k;
      if (start + 1500 > k * intervalMs * 1000 + 60_000) return { failed: 'expired', us: Math.max(start, k * intervalMs * 1000 + 60_000) };
    }
    return { failed: false, us: partitionMs * 1000 + 1500 * sends };
  }

  test('queues while cut, retransmits in order after; fails on overflow or expiry, exactly as specified', () => {
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      for (const fault of [false, true]) {
        const r = rig(seed);
        const twin = r.twin();
        const base = twin.randRange(5, 41);
        const ms = fault ? base * twin.randRange(2, 5) : base;
        const interval = twin.randRange(2, 7);
        const want = expected(ms, interval);
        const { outcome, us } = r.run(networkPartition, fault);
        expect(outcome.param).toBe(ms);
        expect(us).toBe(want.us);
        if (want.failed === false) expect(outcome.status).toBe(fault ? 'recovered' : 'ok');
        else expect(outcome).toMatchObject({ status: 'failed', reason: want.failed === 'overflow' ? 'outbox overflow after 24 messages' : expect.stringMatching(/^message \d+ expired in the outbox$/) });
        seen.add(`${fault}:${outcome.status}:${want.failed}`);
      }
    }
    expect([...seen].sort()).toEqual(['false:ok:false', 'true:failed:expired', 'true:failed:overflow', 'true:recovered:false']);
  });

  test('Ctrl-C during a partition stops it within one slice', () => {
    for (const seed of SEEDS.slice(0, 50)) {
      const r = rig(seed);
      const { outcome, us } = r.run(networkPartition, true, 5000);
      expect(outcome.status).toBe('cancelled');
      expect(us).toBeLessThanOrEqual(5000 + SLICE_US);
    }
  });
});

describe('disk I/O stall', () => {
  test('a request times out after 25 ms and is resubmitted twice; the queue drains 250 us per request once the device is back', () => {
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      for (const fault of [false, true]) {
        const r = rig(seed);
        const twin = r.twin();
        const requests = twin.randRange(4, 13);
        const ms = fault ? twin.randRange(20, 161) : twin.randRange(2, 21);
        const { outcome, us } = r.run(diskIoStall, fault);
        expect(outcome.param).toBe(ms);
        const attempts = ms * 1000 + 250 <= 25_000 ? 1 : ms * 1000 + 250 <= 50_000 ? 2 : ms * 1000 + 250 <= 75_000 ? 3 : 0;
        if (attempts === 0) {
          expect(outcome).toEqual({ status: 'failed', param: ms, reason: 'I/O timed out 3 times' });
          expect(us).toBe(75_000);
        } else {
          expect(outcome.status).toBe(fault ? 'recovered' : 'ok');
          expect(us).toBe(ms * 1000 + requests * 250);
        }
        seen.add(`${fault}:${attempts}`);
      }
    }
    expect([...seen].sort()).toEqual(['false:1', 'true:0', 'true:1', 'true:2', 'true:3']);
  });
});

describe('memory events', () => {
  test('a faulted spike runs into real allocation failures, reclaims at most 16 old blocks, and returns the competing allocation', () => {
    let failed = 0;
    let recovered = 0;
    for (const seed of SEEDS.slice(0, 100)) {
      const r = rig(seed);
      prefill(r.env, 100);
      const { outcome } = r.run(memorySpike, true);
      expect(heldBytes(r.env)).toBe(r.env.heap.allocatedBytes);
      const n = outcome.param;
      if (outcome.status === 'failed') {
        failed++;
        expect(outcome.reason).toBe('heap exhausted, reclaim budget spent');
        expect(r.env.allocFailures).toBe(17);
        expect(r.env.blocks.length).toBeLessThan(100 - 16 + n);
      } else {
        recovered++;
        expect(r.env.blocks.length).toBe(100 - Math.min(16, r.env.allocFailures) + n);
      }
    }
    expect(failed).toBeGreaterThan(0);
    expect(recovered).toBeGreaterThan(0);
  });

  test('an unfaulted spike on a nearly full heap recovers by reclaiming old blocks', () => {
    const r = rig(5);
    const n = r.twin().randRange(20, 101);
    prefill(r.env, 1024 - (n - 5));
    const { outcome } = r.run(memorySpike, false);
    expect(outcome).toEqual({ status: 'recovered', param: n });
    expect(r.env.allocFailures).toBe(5);
    expect(r.env.blocks.length).toBe(1024);
  });

  test('lost frees in a faulted churn are found by the audits and reclaimed: nothing leaks', () => {
    const reasons = new Set<string>();
    for (const seed of SEEDS.slice(0, 100)) {
      const r = rig(seed);
      prefillMixed(r.env, 100);
      const { outcome } = r.run(memoryChurn, true);
      expect(heldBytes(r.env)).toBe(r.env.heap.allocatedBytes);
      if (outcome.status === 'failed') {
        const leaked = Number(/^(\d+) bytes leaked between audits$/.exec(outcome.reason!)![1]);
        expect(leaked).toBeGreaterThan(12 * 1024);
        reasons.add('leak');
      }
    }
    expect(reasons.has('leak')).toBe(true);
  });
});

describe('other sub-models', () => {
  test('autonomy flip: on for exactly its window when the change lands, then the previous value is back', () => {
    for (const previous of [false, true]) {
      for (const seed of SEEDS.slice(0, 60)) {
        const r = rig(seed);
        r.autonomy.enabled = previous;
        const unfaulted = r.run(autonomyFlip, false);
        expect(unfaulted.us).toBe(unfaulted.outcome.param);
        if (!previous) expect(unfaulted.enabledUs).toBe(unfaulted.outcome.param);
        expect(r.autonomy.enabled).toBe(previous);
        const faulted = r.run(autonomyFlip, true);
        expect(r.autonomy.enabled).toBe(previous);
        if (faulted.outcome.status === 'failed') {
          expect(faulted.us).toBe(2 * faulted.outcome.param);
          if (!previous) expect(faulted.enabledUs).toBe(0);
        }
      }
    }
  });

  test('command burst: every line really goes to the interpreter; a faulty link drops bytes of command names, which are resent', () => {
    const r = rig(3);
    const { outcome } = r.run(commandBurst, false);
    expect(r.sent).toHaveLength(outcome.param);
    expect(r.sent.every(byName)).toBe(true);
    let sawRetry = false;
    for (const seed of SEEDS.slice(0, 50)) {
      const f = rig(seed);
      const run = f.run(commandBurst, true);
      const rejected = f.sent.filter((line) => !byName(line));
      if (rejected.length > 0) sawRetry = true;
      if (run.outcome.status === 'recovered') expect(f.sent.length - rejected.length).toBe(run.outcome.param);
      else expect(run.outcome.reason).toBe('command rejected 3 times');
    }
    expect(sawRetry).toBe(true);
    const deaf = rig(1, () => false);
    expect(deaf.run(commandBurst, false).outcome).toMatchObject({ status: 'failed', reason: 'command rejected 3 times' });
    expect(deaf.sent).toHaveLength(3);
  });

  test('deadline pressure: a missed deadline is boosted and must finish within 0.1 W of it', () => {
    for (const seed of SEEDS.slice(0, 100)) {
      const r = rig(seed);
      const twin = r.twin();
      const n = twin.randRange(5000, 20001);
      const work = spinUs(n, STATE.profile.chaos.spinNs);
      const deadline = work + Math.floor(work / 4);
      const grace = Math.floor(work / 10);
      const interference = twin.randRange(grace, Math.floor((work * 4) / 5));
      const { outcome, us } = r.run(deadlinePressure, true);
      expect(outcome.param).toBe(n);
      if (work + interference <= deadline) expect([outcome.status, us]).toEqual(['recovered', work + interference]);
      else if (outcome.status === 'failed') expect(us).toBe(deadline + grace);
      else expect(us).toBeLessThanOrEqual(deadline + grace);
    }
  });

  test('telemetry storm: back-pressure absorbs a consumer stall of up to 5 periods (4-slot ring, 2 periods of waiting)', () => {
    for (const seed of SEEDS.slice(0, 100)) {
      const r = rig(seed);
      const twin = r.twin();
      const n = twin.randRange(5, 31);
      const stall = twin.randRange(1, n + 1);
      const { outcome } = r.run(telemetryStorm, true);
      expect(outcome.status).toBe(stall > 5 ? 'failed' : 'recovered');
    }
  });

  test('prediction storm: a slowed predictor misses the 1 ms deadline; up to 8 misses are answered from the cached forecast', () => {
    for (const seed of SEEDS.slice(0, 100)) {
      const r = rig(seed);
      const twin = r.twin();
      const n = twin.randRange(10, 41);
      const slow = twin.randRange(2, 9);
      const missed = Math.max(0, n - Math.floor(1000 / (25 * slow)));
      const { outcome } = r.run(predictionStorm, true);
      expect(outcome.status).toBe(missed > 8 ? 'failed' : 'recovered');
      if (missed > 8) expect(outcome.reason).toBe(`${missed} predictions missed their deadline`);
    }
  });
});
