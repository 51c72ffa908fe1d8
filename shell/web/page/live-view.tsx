import type { LiveTest } from '../../tui/live-state/index.js';
import { ChaosTimeline } from './chaos-timeline.js';
import type { DashboardState } from './event-store.js';
import { PressureChart } from './pressure-chart.js';
import type { RunSeries } from './run-series.js';

const ns = (value: number | null): string => (value === null ? '–' : value >= 1e6 ? `${(value / 1e6).toFixed(1)} ms` : value >= 1e3 ? `${(value / 1e3).toFixed(1)} µs` : `${value} ns`);
const num = (value: number | null | undefined): string => (value === null || value === undefined ? '–' : String(value));

function Progress({ test }: { test: LiveTest }) {
  const pct = test.phase === 'finished' ? 100 : test.progress.pct ?? 0;
  const eta = test.progress.etaMs;
  return (
    <div className="progress">
      <div className="bar"><div style={{ width: `${Math.min(100, pct)}%` }} /></div>
      <span data-testid="progress-pct">{pct}%</span>
      <span>{test.phase}</span>
      {eta !== null && test.phase === 'running' && <span>ETA {(eta / 1000).toFixed(1)} s</span>}
    </div>
  );
}

export interface LiveViewProps {
  state: DashboardState;
  series: RunSeries;
}

/** The running test (or the last one, until the prompt returns): progress, charts, counters. */
export function LiveView({ state, series }: LiveViewProps) {
  const live = state.live;
  const test = state.shownTest;
  const last = live?.results.at(-1) ?? null;
  const running = live?.test?.phase === 'running';
  // The result may close the test in the same batch as the prompt that drops it: take its latency.
  const m = last?.result.metrics;
  // A finished test shows its summary's counts: the last METRIC sample came before the last events.
  const done = !running && last !== null && test !== null && last.result.testType === test.testType ? last.result.metrics : undefined;
  const latency = test?.latency ?? (!running && m?.latency_p50_ns !== undefined
    ? { kind: m.latency_kind ?? null, p50Ns: m.latency_p50_ns ?? null, p95Ns: m.latency_p95_ns ?? null, p99Ns: m.latency_p99_ns ?? null }
    : null);
  const durationS = test?.progress.durationMs != null ? test.progress.durationMs / 1000 : null;
  return (
    <section className="panel live" data-testid="live">
      <h2>
        Live {test ? `— ${running ? '' : 'last: '}${test.testType ?? 'test'}${test.compareSide ? ` (autonomy ${test.compareSide})` : ''}` : '— idle'}
        <small>autonomy {live?.autonomy === null || live === null ? '?' : live.autonomy ? 'on' : 'off'}</small>
      </h2>
      {test && <Progress test={running ? test : { ...test, phase: test.phase === 'running' ? 'finished' : test.phase }} />}
      {test?.command && <code className="command">{test.command}</code>}
      <PressureChart series={series} version={series.version} targetPct={test?.pressure.targetPct ?? null} durationS={durationS} />
      <ChaosTimeline chaos={series.chaos} durationS={durationS} version={series.version} />
      <div className="counters">
        <Stat label="pressure" value={test?.pressure.lastPct != null ? `${test.pressure.lastPct}%` : '–'} />
        <Stat label="peak" value={test?.pressure.peakPct != null ? `${test.pressure.peakPct}%` : '–'} />
        <Stat label="target" value={test?.pressure.targetPct != null ? `${test.pressure.targetPct}%` : '–'} />
        <Stat label="OOM" value={num(done?.oom_events ?? test?.counters.oomEvents)} />
        <Stat label="compactions" value={num(done?.compaction_triggers ?? test?.counters.compactions)} />
        <Stat label="events" value={num(done?.chaos_events_count ?? test?.counters.events)} />
        <Stat
          label="ok / failed"
          value={test ? `${num(done?.successful_recoveries ?? test.counters.successes)} / ${num(done?.failed_recoveries ?? test.counters.failures)}` : '–'}
        />
        <Stat label={`${latency?.kind ?? 'latency'} p50`} value={ns(latency?.p50Ns ?? null)} />
        <Stat label="p95" value={ns(latency?.p95Ns ?? null)} />
        <Stat label="p99" value={ns(latency?.p99Ns ?? null)} />
        <Stat label="autonomy decisions" value={String(series.autonomy.decisions)} />
        <Stat label="interventions" value={String(series.autonomy.actions)} />
      </div>
      {series.autonomy.lastAction && <p className="autonomy-action">last intervention: {series.autonomy.lastAction}</p>}
      {last && (
        <p className="last-result" data-testid="last-result">
          last result: {last.result.testType} <Verdict value={last.result.verdict} /> {last.command && <code>{last.command}</code>}
        </p>
      )}
    </section>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="stat">
      <span>{label}</span>
      <b>{value}</b>
    </div>
  );
}

export function Verdict({ value }: { value: string | null }) {
  if (value === null) return <span className="verdict">–</span>;
  return <span className={`verdict verdict-${value.replace(' ', '-').toLowerCase()}`}>{value}</span>;
}
