export type PanelPart = 'progress' | 'pressure' | 'counters' | 'chaos' | 'episodes' | 'latency';

export interface PanelPlan {
  border: boolean;
  /** Rows of the pressure chart; 0 shows only its summary line. */
  chartHeight: number;
  parts: ReadonlySet<PanelPart>;
}

export function planRows(plan: PanelPlan): number {
  let rows = (plan.border ? 2 : 0) + 1;
  for (const part of plan.parts) rows += part === 'pressure' ? 1 + plan.chartHeight : 1;
  return rows;
}

/**
 * How the live panel fits in `maxRows`: it gives up, in order, chart rows down to two, the
 * latency and episode lines, the rest of the chart, its border, then the pressure, chaos, counter
 * and progress lines; its title line stays. Null only when there is no row at all.
 */
export function planPanel(present: readonly PanelPart[], maxRows: number, chartHeight = 4): PanelPlan | null {
  if (maxRows < 1) return null;
  const parts = new Set(present);
  const plan = { border: true, chartHeight, parts };
  const fits = (): boolean => planRows(plan) <= maxRows;
  const steps: Array<() => void> = [
    ...Array.from({ length: Math.max(0, chartHeight - 2) }, () => () => void (plan.chartHeight -= 1)),
    () => void parts.delete('latency'),
    () => void parts.delete('episodes'),
    ...Array.from({ length: Math.min(2, chartHeight) }, () => () => void (plan.chartHeight = Math.max(0, plan.chartHeight - 1))),
    () => void (plan.border = false),
    () => void parts.delete('pressure'),
    () => void parts.delete('chaos'),
    () => void parts.delete('counters'),
    () => void parts.delete('progress'),
  ];
  for (const step of steps) {
    if (fits()) break;
    step();
  }
  return plan;
}
