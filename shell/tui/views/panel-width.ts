/** The widest any of the console's panels is drawn: live panel, result card, compare table. */
export const PANEL_MAX_WIDTH = 100;
/** Narrower than this, a panel is still drawn this wide and the terminal wraps or cuts it. */
export const PANEL_MIN_WIDTH = 20;

/** The one width rule: a panel fills the terminal up to PANEL_MAX_WIDTH columns. */
export function panelWidth(columns: number, maxWidth = PANEL_MAX_WIDTH): number {
  return Math.max(PANEL_MIN_WIDTH, Math.min(columns, maxWidth));
}
