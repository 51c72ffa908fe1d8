import { systemClock, type HostClock } from '../../../uart/index.js';
import type { ParserEvent } from '../../parser/index.js';
import { autonomyFromLine } from './autonomy.js';
import { CompareRunsTracker } from './compare-runs.js';
import { RingBuffer } from './ring-buffer.js';
import { TestTracker } from './test-tracker.js';
import type { CompareEntry, LiveSnapshot, ResultEntry } from './types.js';

export interface LiveStoreOptions {
  /** Points the whole run's pressure is summarised in (even; default 200). */
  seriesCapacity?: number;
  /** Chaos events kept on the timeline (default 60). */
  chaosCapacity?: number;
  /** Finished results kept (default 50). */
  resultCapacity?: number;
  /** Compares kept (default 20). */
  compareCapacity?: number;
  /** For the progress of `compare --runs` (its `now()`), and the feed's throttle. Default the system clock. */
  clock?: HostClock;
}

export interface LiveStore {
  /** Applies one parser event in O(1); returns whether anything a view shows changed. */
  apply(event: ParserEvent): boolean;
  /** A new immutable snapshot (O(capacities)); `version` is the caller's. */
  snapshot(version?: number): LiveSnapshot;
}

/**
 * What the live views show, folded from parser events. A test starts at its header, or at the
 * first `stress_*` METRIC or chaos event when no header was seen (a board printing less); it
 * finishes with its result and is dropped when the prompt returns.
 */
export function createLiveStore(options: LiveStoreOptions = {}): LiveStore {
  const seriesCapacity = options.seriesCapacity ?? 200;
  const chaosCapacity = options.chaosCapacity ?? 60;
  const results = new RingBuffer<ResultEntry>(options.resultCapacity ?? 50);
  const compares = new RingBuffer<CompareEntry>(options.compareCapacity ?? 20);
  let nextResultId = 0;
  let nextCompareId = 0;
  let autonomy: boolean | null = null;
  let command: string | null = null;
  let test: TestTracker | null = null;
  let compareSide: 'off' | 'on' | null = null;
  /** Autonomy before the compare in progress started, which it restores. */
  let autonomyBeforeCompare: boolean | null | undefined;
  let compareRuns: CompareRunsTracker | null = null;
  const clock = options.clock ?? systemClock;
  const now = (): number => clock.now();

  function startTest(init: Partial<ConstructorParameters<typeof TestTracker>[0]>): TestTracker {
    test = new TestTracker({
      testType: null,
      title: null,
      config: { extra: {} },
      command,
      compareSide,
      seriesCapacity,
      chaosCapacity,
      ...init,
    });
    return test;
  }

  function running(): TestTracker | null {
    return test && test.phase === 'running' ? test : null;
  }

  function setAutonomy(value: boolean | null): boolean {
    if (value === null || value === autonomy) return false;
    autonomy = value;
    return true;
  }

  function apply(event: ParserEvent): boolean {
    switch (event.type) {
      case 'metric': {
        if (!event.name.startsWith('stress_')) return false;
        const t = running() ?? startTest({});
        return t.metric(event.name, event.value);
      }
      case 'test-start':
        startTest({ testType: event.testType, title: event.title, config: event.config });
        return true;
      case 'chaos-event':
        (running() ?? startTest({ testType: 'chaos' })).chaosEvent(event);
        return true;
      case 'episode':
        return running()?.episodeDone(event.episode, event.reward) ?? false;
      case 'test-cancelled':
        if (!running()) return false;
        test!.phase = 'cancelled';
        test!.cancelledAfterMs = event.afterMs;
        return true;
      case 'result': {
        const r = event.result;
        const t = test && test.phase !== 'finished' ? test : null;
        if (t && (t.testType === null || t.testType === r.testType)) t.finish(r);
        results.push({ id: nextResultId++, result: r, command, compareSide });
        return true;
      }
      case 'compare-phase':
        if (autonomyBeforeCompare === undefined) autonomyBeforeCompare = autonomy;
        compareSide = event.side;
        setAutonomy(event.side === 'on');
        return true;
      case 'compare':
        if (compareRuns) compareRuns.finished = true;
        compares.push({ id: nextCompareId++, compare: event.compare, command });
        if (autonomyBeforeCompare !== undefined) autonomy = autonomyBeforeCompare;
        autonomyBeforeCompare = undefined;
        compareSide = null;
        return true;
      case 'command':
        command = event.command;
        compareRuns = CompareRunsTracker.fromCommand(event.command, now());
        return true;
      case 'prompt':
        command = null;
        compareRuns = null;
        test = null;
        compareSide = null;
        autonomyBeforeCompare = undefined;
        return true;
      case 'autoctl-status':
        return setAutonomy(event.enabled);
      case 'autoctl':
        return setAutonomy(autonomyFromLine(`[AUTOCTL] ${event.message}`));
      case 'other':
        if (compareRuns?.line(event.text, now())) return true;
        return setAutonomy(autonomyFromLine(event.text));
      default:
        return false;
    }
  }

  return {
    apply,
    snapshot(version = 0) {
      return {
        version,
        autonomy,
        command,
        test: test && test.view(),
        compareRuns: compareRuns && compareRuns.view(),
        results: results.toArray(),
        compares: compares.toArray(),
      };
    },
  };
}
