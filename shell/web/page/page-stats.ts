/** Counters the browser tests and the bench read as `window.sisPageStats`. */
export const pageStats: { chartDraws: number; firstChartAt: number | null; liveMessages: number } = {
  chartDraws: 0,
  /** `performance.now()` when uPlot first drew: ms since navigation started. */
  firstChartAt: null,
  liveMessages: 0,
};

(globalThis as unknown as { sisPageStats: typeof pageStats }).sisPageStats = pageStats;
