import type { TestConfig } from '../../parser/index.js';

/**
 * The seed the status line shows: the running (or last) test's, from its `Seed: N (profile P)`
 * header, which is the one that reproduces it; before any test, the kernel's boot seed, marked so.
 */
export function statusSeed(bootSeed: string | null, test: TestConfig | null): string | null {
  if (test?.seed !== undefined) return test.profile ? `${test.seed} profile ${test.profile}` : test.seed;
  return bootSeed === null ? null : `${bootSeed} (boot)`;
}
