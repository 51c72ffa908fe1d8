import type { ChaosPoint } from './run-series.js';

export interface ChaosTimelineProps {
  chaos: readonly ChaosPoint[];
  durationS: number | null;
  version: number;
}

const COLORS: Record<ChaosPoint['outcome'], string> = {
  ok: '#2e9d4f',
  recovered: '#e0a100',
  failed: '#d6452b',
  unknown: '#8a8f98',
};

/** Marks drawn at most: beyond that the newest ones. */
const MAX_MARKS = 1500;

/** The chaos events of the run on a time strip, coloured by outcome, with the tallies. */
export function ChaosTimeline({ chaos, durationS }: ChaosTimelineProps) {
  const span = Math.max(durationS ?? 0, chaos.at(-1)?.t ?? 0, 1);
  const shown = chaos.slice(-MAX_MARKS);
  const tally = { ok: 0, recovered: 0, failed: 0, unknown: 0 };
  for (const point of chaos) tally[point.outcome] += 1;
  return (
    <div className="timeline-box">
      <div className="timeline" data-events={chaos.length}>
        {shown.map((point, i) => (
          <span
            key={i}
            className={`mark mark-${point.outcome}`}
            title={`${point.t.toFixed(1)} s ${point.name}: ${point.outcome}`}
            style={{ left: `${(point.t / span) * 100}%`, background: COLORS[point.outcome] }}
          />
        ))}
      </div>
      <div className="legend">
        {(Object.keys(COLORS) as Array<ChaosPoint['outcome']>).map((outcome) => (
          <span key={outcome}>
            <i style={{ background: COLORS[outcome] }} /> {outcome} {tally[outcome]}
          </span>
        ))}
      </div>
    </div>
  );
}
