import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { VERSION } from '../../shell/version.js';

test('the CLI reports the version package.json declares', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(VERSION).toBe(pkg.version);
});
