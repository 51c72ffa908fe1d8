import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isCi, missingTools, missingToolsNotice } from './helpers/tool-scan.js';

/** End-to-end tests run the built CLI: build it once before any test file runs. */
export default function globalSetup() {
  const notice = missingToolsNotice(missingTools(fileURLToPath(new URL('.', import.meta.url))), isCi(process.env));
  if (notice !== '') process.stderr.write(`\n${notice}\n`);
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
