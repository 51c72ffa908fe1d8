/** Counters the browser tests and the bench read as `window.sisPageStats`. */
export const pageStats: { chartDraws: number; firstChartAt: number | null; liveRenders: number } = {
  chartDraws: 0,
  firstChartAt: null,
  liveRenders: 0,
};

(globalThis as unknown as { sisPageStats: typeof pageStats }).sisPageStats = pageStats;
