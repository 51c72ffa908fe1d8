import { expect } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { bootedKernel } from './kernel-rig.js';

const GOLDEN = new URL('../fixtures/golden/', import.meta.url);

/**
 * Byte-for-byte against tests/fixtures/golden/NAME. Regenerate with
 * `UPDATE_GOLDEN=1 node --experimental-vm-modules node_modules/jest/bin/jest.js <test file>`, then read the diff.
 */
export function expectGolden(name: string, actual: string): void {
  const url = new URL(name, GOLDEN);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(url, actual, 'latin1');
  expect(actual).toBe(readFileSync(url, 'latin1'));
}

/** Output of `line` on a booted kernel with autonomy off; `metrics` leaves METRIC lines on. */
export function transcript(line: string, metrics = false): string {
  const rig = bootedKernel({ seed: 1 });
  rig.run('autoctl off\r');
  if (!metrics) rig.run('metricsctl off\r');
  return rig.run(`${line}\r`);
}
