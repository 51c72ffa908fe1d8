import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';

/**
 * `npm run fuzz [-- --runs N] [--seed S]`: the fuzz properties of tests/reliability with 10^5
 * cases each (npm test runs them with 10^4 or less); `--seed` replays a failure fast-check reported.
 */
const FUZZ_FILES = [
  'tests/reliability/command-fuzz.test.ts',
  'tests/reliability/line-discipline-fuzz.test.ts',
  'tests/reliability/output-parser-fuzz.test.ts',
];

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' } }, strict: true }));
  } catch (error) {
    process.stderr.write(`fuzz: ${(error as Error).message}\nUsage: npm run fuzz -- [--runs N] [--seed S]\n`);
    process.exit(2);
  }
  const runs = values.runs ?? '100000';
  if (!/^[1-9]\d*$/.test(runs)) {
    process.stderr.write(`fuzz: --runs: invalid value '${runs}' (expected a positive integer)\n`);
    process.exit(2);
  }
  if (values.seed !== undefined && !/^-?\d+$/.test(values.seed)) {
    process.stderr.write(`fuzz: --seed: invalid value '${values.seed}' (expected an integer)\n`);
    process.exit(2);
  }
  const env = { ...process.env, FUZZ_RUNS: runs, ...(values.seed !== undefined && { FUZZ_SEED: values.seed }) };
  const jest = spawn(process.execPath, ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', ...FUZZ_FILES], {
    env,
    stdio: 'inherit',
  });
  jest.on('close', (status) => process.exit(status ?? 1));
}

main();
