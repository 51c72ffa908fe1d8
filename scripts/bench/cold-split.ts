import { execFileSync } from 'node:child_process';

const CHILD = new URL('./cold-split-child.ts', import.meta.url).pathname;
const REGISTER = new URL('../ts-node-register.mjs', import.meta.url).pathname;

export interface ColdSplit {
  /** Wall ms of the kernel alone running the 60 s test, in a fresh process. */
  readonly kernelMs: number;
  /** Wall ms of the engine, parser and results collector taking that test's output, same process, cold too. */
  readonly hostMs: number;
  readonly lines: number;
}

/** Where a whole-process run's time goes, kernel vs host path, each measured cold as `sis` runs them. */
export function coldSplit(type: 'memory' | 'chaos'): ColdSplit {
  const out = execFileSync(process.execPath, ['--import', REGISTER, CHILD, type], { encoding: 'utf8' });
  return JSON.parse(out) as ColdSplit;
}
