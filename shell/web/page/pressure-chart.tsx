import { useEffect, useLayoutEffect, useRef } from 'react';
import uPlot from 'uplot';
import { pageStats } from './page-stats.js';
import type { RunSeries } from './run-series.js';

export interface PressureChartProps {
  series: RunSeries;
  /** Redraws when this moves. */
  version: number;
  targetPct: number | null;
  durationS: number | null;
}

const HEIGHT = 220;

/** Heap pressure over the whole run (uPlot), with the test's target as a dashed line. */
export function PressureChart({ series, version, targetPct, durationS }: PressureChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  // Created before the first paint: the chart is on screen with the page's first frame.
  useLayoutEffect(() => {
    const el = box.current!;
    const chart = new uPlot(
      {
        width: el.clientWidth || 600,
        height: HEIGHT,
        scales: { x: { time: false }, y: { range: [0, 100] } },
        axes: [{ label: 'seconds' }, { label: 'pressure %' }],
        series: [
          {},
          { label: 'pressure', stroke: '#2b7bd6', width: 2, fill: 'rgba(43,123,214,0.12)' },
          { label: 'target', stroke: '#d6452b', dash: [6, 4], width: 1.5, points: { show: false } },
        ],
        hooks: {
          draw: [
            () => {
              pageStats.chartDraws += 1;
              pageStats.firstChartAt ??= performance.now();
            },
          ],
        },
      },
      [[], [], []],
      el,
    );
    plot.current = chart;
    const resize = new ResizeObserver(() => chart.setSize({ width: el.clientWidth, height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = plot.current;
    if (!chart) return;
    const target = series.times.map(() => targetPct);
    chart.setData([series.times, series.pressure, target] as uPlot.AlignedData, false);
    const last = series.times.at(-1) ?? 0;
    chart.setScale('x', { min: 0, max: Math.max(durationS ?? 0, last, 1) });
  }, [series, version, targetPct, durationS]);

  return <div className="chart" ref={box} data-points={series.times.length} />;
}
