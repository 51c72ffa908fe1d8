import { useEffect, useState } from 'react';
import type { PairedStats } from '../../parser/index.js';
import type { MetricDelta, RunRow } from '../wire.js';
import { api } from './api.js';
import { Verdict } from './live-view.js';

interface Comparison {
  a: RunRow;
  b: RunRow;
  metrics: MetricDelta[];
  paired: { a: PairedStats | null; b: PairedStats | null };
}

const fmt = (x: number | null): string => (x === null ? '–' : Number.isInteger(x) ? String(x) : x.toFixed(2));

function Paired({ label, stats }: { label: string; stats: PairedStats }) {
  return (
    <div className="paired">
      <h3>{label}: paired OFF→ON over {stats.runs} runs (seeds {stats.seed_first}…{stats.seed_last})</h3>
      <table>
        <thead><tr><th>metric</th><th>off mean</th><th>on mean</th><th>diff</th><th>95 % interval</th></tr></thead>
        <tbody>
          {stats.metrics.map((m) => (
            <tr key={m.key} className={m.significant ? 'significant' : ''}>
              <td>{m.name}</td><td>{fmt(m.off_mean)}</td><td>{fmt(m.on_mean)}</td><td>{fmt(m.diff)}</td>
              <td>[{fmt(m.ci95_low)}, {fmt(m.ci95_high)}]{m.significant ? ' *' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Two history entries side by side: every metric, b − a, and the paired intervals of `--runs` compares. */
export function CompareView({ ids }: { ids: readonly string[] }) {
  const [data, setData] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [a, b] = ids;
  useEffect(() => {
    setData(null);
    if (a === undefined || b === undefined) return;
    void api<Comparison>(`/api/stress/compare?a=${a}&b=${b}`).then((r) => {
      if (r.ok) setData(r.body);
      else setError(r.body.message);
    });
  }, [a, b]);
  if (a === undefined || b === undefined) return null;
  return (
    <section className="panel compare" data-testid="compare">
      <h2>Compare</h2>
      {error && <p className="message">{error}</p>}
      {data && (
        <>
          <table>
            <thead>
              <tr>
                <th>metric</th>
                <th>A: {data.a.type} <Verdict value={data.a.verdict} /><br /><small>{data.a.recorded_at.slice(0, 19)}</small></th>
                <th>B: {data.b.type} <Verdict value={data.b.verdict} /><br /><small>{data.b.recorded_at.slice(0, 19)}</small></th>
                <th>B − A</th><th>%</th>
              </tr>
            </thead>
            <tbody>
              {data.metrics.map((m) => (
                <tr key={m.key}>
                  <td>{m.key}</td><td>{fmt(m.a)}</td><td>{fmt(m.b)}</td>
                  <td className={m.delta === null || m.delta === 0 ? '' : m.delta > 0 ? 'up' : 'down'}>{fmt(m.delta)}</td>
                  <td>{m.delta_pct === null ? '' : `${m.delta_pct > 0 ? '+' : ''}${fmt(m.delta_pct)} %`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.paired.a && <Paired label="A" stats={data.paired.a} />}
          {data.paired.b && <Paired label="B" stats={data.paired.b} />}
        </>
      )}
    </section>
  );
}
