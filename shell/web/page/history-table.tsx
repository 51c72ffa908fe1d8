import { useEffect, useState } from 'react';
import type { RunRow } from '../wire.js';
import { api } from './api.js';
import { Verdict } from './live-view.js';

type SortKey = 'recorded_at' | 'type' | 'verdict' | 'key_metrics';

const TYPES = ['', 'memory', 'commands', 'multi', 'learning', 'redteam', 'chaos', 'compare'];
const VERDICTS = ['', 'PASS', 'PARTIAL PASS', 'FAIL', 'CANCELLED'];
const PAGE = 50;

export interface HistoryTableProps {
  /** Refetches when this moves (a result reached the history). */
  recorded: number;
  selected: readonly string[];
  onSelect(ids: string[]): void;
}

/** The history, newest first: filters and paging on the server, sorting of the page here. */
export function HistoryTable({ recorded, selected, onSelect }: HistoryTableProps) {
  const [type, setType] = useState('');
  const [verdict, setVerdict] = useState('');
  const [offset, setOffset] = useState(0);
  const [sort, setSort] = useState<{ key: SortKey; down: boolean }>({ key: 'recorded_at', down: true });
  const [rows, setRows] = useState<RunRow[]>([]);
  const [total, setTotal] = useState(0);

  useEffect(() => {
    const query = new URLSearchParams({ offset: String(offset), limit: String(PAGE) });
    if (type) query.set('type', type);
    if (verdict) query.set('verdict', verdict);
    void api<{ total: number; items: RunRow[] }>(`/api/stress/runs?${query}`).then((r) => {
      if (!r.ok) return;
      setRows(r.body.items);
      setTotal(r.body.total);
    });
  }, [type, verdict, offset, recorded]);

  const sorted = [...rows].sort((a, b) => {
    const x = a[sort.key] ?? '';
    const y = b[sort.key] ?? '';
    return (x < y ? -1 : x > y ? 1 : 0) * (sort.down ? -1 : 1);
  });
  const header = (key: SortKey, label: string) => (
    <th onClick={() => setSort({ key, down: sort.key === key ? !sort.down : true })} className="sortable">
      {label}{sort.key === key ? (sort.down ? ' ▾' : ' ▴') : ''}
    </th>
  );
  const toggle = (id: string): void => {
    if (selected.includes(id)) onSelect(selected.filter((s) => s !== id));
    else onSelect([...selected, id].slice(-2));
  };

  return (
    <section className="panel history" data-testid="history">
      <h2>History <small>{total} entries</small></h2>
      <div className="filters">
        <select name="type" value={type} onChange={(e) => { setType(e.target.value); setOffset(0); }}>
          {TYPES.map((t) => <option key={t} value={t}>{t || 'any type'}</option>)}
        </select>
        <select name="verdict" value={verdict} onChange={(e) => { setVerdict(e.target.value); setOffset(0); }}>
          {VERDICTS.map((v) => <option key={v} value={v}>{v || 'any verdict'}</option>)}
        </select>
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>newer</button>
        <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>older</button>
        <span className="note">select two rows to compare</span>
      </div>
      <table>
        <thead>
          <tr><th />{header('recorded_at', 'date (UTC)')}{header('type', 'type')}{header('verdict', 'verdict')}{header('key_metrics', 'key metrics')}<th>command</th></tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.id} data-id={row.id} className={selected.includes(row.id) ? 'selected' : ''}>
              <td><input type="checkbox" aria-label={`select ${row.id}`} checked={selected.includes(row.id)} onChange={() => toggle(row.id)} /></td>
              <td>{row.recorded_at.slice(0, 19).replace('T', ' ')}</td>
              <td>{row.type}</td>
              <td><Verdict value={row.verdict} /></td>
              <td className="metrics">{row.key_metrics}</td>
              <td><code>{row.command ?? ''}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
