import { execFileSync } from 'node:child_process';

/** End-to-end tests run the built CLI: build it once before any test file runs. */
export default function globalSetup() {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
