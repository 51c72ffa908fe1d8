import { existsSync } from 'node:fs';
import { describe, test } from '@jest/globals';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * `describe` for suites that drive Debian's chromium. Without it: under CI the suite fails with
 * the install command; elsewhere it is skipped and says so.
 */
export function describeWithChromium(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      test('chromium is installed', () => {
        throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does this)`);
      });
    });
    return;
  }
  process.stderr.write(`tests/web: skipped the suite '${name}': ${CHROMIUM} is missing (apt-get install -y chromium)\n`);
  describe.skip(name, body);
}
