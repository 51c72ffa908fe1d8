import { readFileSync } from 'node:fs';

export interface Thresholds {
  /** Most OOM events a standalone run may have. */
  max_oom?: number;
  /** Least success rate (percent) a run that reports one may have. */
  min_success_rate?: number;
  /** Least interventions with autonomy on in a compare; default 5 (the report's check). */
  min_interventions?: number;
}

export const DEFAULT_MIN_INTERVENTIONS = 5;

const LIMITS: Record<keyof Thresholds, [number, number, string]> = {
  max_oom: [0, Number.MAX_SAFE_INTEGER, 'an integer >= 0'],
  min_success_rate: [0, 100, 'an integer 0..100'],
  min_interventions: [0, Number.MAX_SAFE_INTEGER, 'an integer >= 0'],
};

export const THRESHOLD_KEYS = Object.keys(LIMITS) as Array<keyof Thresholds>;

export type ThresholdsParse = { ok: true; thresholds: Thresholds } | { ok: false; message: string };

/** A threshold value from a flag (text) or the file (a JSON number). */
export function checkThreshold(key: keyof Thresholds, value: unknown, where: string): number | string {
  const [min, max, expected] = LIMITS[key];
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max) return n;
  return `${where}: invalid value ${JSON.stringify(value)} (expected ${expected})`;
}

/** `{ "max_oom": 5, "min_success_rate": 80, "min_interventions": 5 }`; every key optional. */
export function readThresholdsFile(path: string): ThresholdsParse {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: `--thresholds ${path}: ${code ? `cannot read the file (${code})` : `not JSON (${(error as Error).message})`}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: `--thresholds ${path}: expected a JSON object with ${THRESHOLD_KEYS.join(', ')}` };
  }
  const thresholds: Thresholds = {};
  for (const [key, v] of Object.entries(value)) {
    if (!(THRESHOLD_KEYS as string[]).includes(key)) {
      return { ok: false, message: `--thresholds ${path}: unknown key '${key}' (expected ${THRESHOLD_KEYS.join(', ')})` };
    }
    const checked = checkThreshold(key as keyof Thresholds, v, `--thresholds ${path}: ${key}`);
    if (typeof checked === 'string') return { ok: false, message: checked };
    thresholds[key as keyof Thresholds] = checked;
  }
  return { ok: true, thresholds };
}
