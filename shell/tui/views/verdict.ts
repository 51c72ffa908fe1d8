import type { Verdict } from '../../parser/index.js';

/** Ink colour names for a verdict; a run without a status line reads `DONE` in the default colour. */
export function verdictColor(verdict: Verdict | null): string | undefined {
  switch (verdict) {
    case 'PASS':
      return 'green';
    case 'PARTIAL PASS':
      return 'yellow';
    case 'FAIL':
      return 'red';
    case 'CANCELLED':
      return 'gray';
    default:
      return undefined;
  }
}

export function verdictLabel(verdict: Verdict | null): string {
  return verdict ?? 'DONE';
}
