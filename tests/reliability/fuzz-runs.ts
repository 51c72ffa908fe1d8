/**
 * How many cases each fuzz property runs. In `npm test` a property runs 10^4 cases unless it is
 * given a smaller budget (stated where it is used); `FUZZ_RUNS` (`npm run fuzz` sets 10^5)
 * runs that many cases for every property. `FUZZ_SEED` replays a reported failure.
 */
const requested = readPositive(process.env.FUZZ_RUNS);
const seed = readInteger(process.env.FUZZ_SEED);

export const FUZZ_RUNS = requested ?? 10_000;

/** fast-check parameters: FUZZ_RUNS cases when set, else `budget` (at most 10^4). */
export function fuzzParams(budget = 10_000): { numRuns: number; seed?: number } {
  const numRuns = requested ?? Math.min(budget, 10_000);
  return seed === undefined ? { numRuns } : { numRuns, seed };
}

/** A jest timeout for a property whose `budget` cases take about `msPerCase` on a busy machine. */
export function fuzzTimeout(msPerCase: number, budget = 10_000): number {
  return Math.max(30_000, Math.ceil(msPerCase * fuzzParams(budget).numRuns * 3));
}

/** Throws with `message` (and the offending text) when `ok` is false: cheaper than expect() in a hot property. */
export function check(ok: boolean, message: string, detail?: string): void {
  if (!ok) throw new Error(detail === undefined ? message : `${message}\n${JSON.stringify(detail)}`);
}

function readPositive(text: string | undefined): number | undefined {
  const value = text === undefined ? NaN : Number(text);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

function readInteger(text: string | undefined): number | undefined {
  const value = text === undefined || text === '' ? NaN : Number(text);
  return Number.isInteger(value) ? value : undefined;
}

/**
 * The longest one case may take, in wall ms: generous enough for a busy machine (a linear parse of
 * 100 KB takes a few ms), far below what a backtracking regex takes on the same line (seconds).
 */
export const CASE_LIMIT_MS = 500;

/** Runs one case and fails it, naming `what`, when it takes longer than CASE_LIMIT_MS. */
export function withinCaseLimit<T>(what: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  const ms = performance.now() - start;
  check(ms <= CASE_LIMIT_MS, `one case took ${ms.toFixed(0)} ms (limit ${CASE_LIMIT_MS} ms)`, what);
  return result;
}
