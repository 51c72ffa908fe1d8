/**
 * CI validation of stress-test results (the report's "CI/CD Integration" script):
 *   node --import ./scripts/ts-node-register.mjs scripts/validate_stress_tests.ts results.json [...]
 * Exit status: 0 every check passed, 1 a check failed, 2 usage error or an unreadable/invalid file.
 */
import { parseArgs } from 'node:util';
import { runChecks, type SourcedDoc } from './validate/checks.js';
import { loadResults } from './validate/load.js';
import { checkThreshold, readThresholdsFile, THRESHOLD_KEYS, type Thresholds } from './validate/thresholds.js';

const USAGE = `Usage: validate_stress_tests.ts RESULTS.json [...] [options]

Checks sis results documents (sis run --output-json, sis parse --json): each file must match
schema/results.schema.json (schema_version 1); then runs of one type must vary across seeds,
every compare must show enough autonomy interventions, no latency p99 may be 0, and the
thresholds given must hold. Prints [PASS]/[FAIL]/[NOTE] lines and "N passed, N failed".

Options:
  --max-oom N             most OOM events a (standalone) run may have
  --min-success-rate PCT  least success rate of a run that reports one (chaos)
  --min-interventions N   least interventions with autonomy on in a compare (default 5)
  --thresholds FILE       JSON: {"max_oom": N, "min_success_rate": PCT, "min_interventions": N};
                          flags override it
  -h, --help              show this help

Exit status: 0 all checks passed, 1 a check failed, 2 usage error or a file that cannot be
read, is not JSON, does not match the schema or has another schema_version.
`;

const FLAGS: Record<string, keyof Thresholds> = {
  'max-oom': 'max_oom',
  'min-success-rate': 'min_success_rate',
  'min-interventions': 'min_interventions',
};

function usageError(message: string): number {
  process.stderr.write(`validate_stress_tests: ${message}\nTry --help for more information.\n`);
  return 2;
}

function main(argv: readonly string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        'max-oom': { type: 'string' },
        'min-success-rate': { type: 'string' },
        'min-interventions': { type: 'string' },
        thresholds: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return usageError((error as Error).message.split('\n')[0]!);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length === 0) return usageError('give at least one results file');
  let thresholds: Thresholds = {};
  if (values.thresholds !== undefined) {
    const file = readThresholdsFile(values.thresholds);
    if (!file.ok) return usageError(file.message);
    thresholds = file.thresholds;
  }
  for (const [flag, key] of Object.entries(FLAGS)) {
    const text = values[flag as keyof typeof values];
    if (typeof text !== 'string') continue;
    const checked = checkThreshold(key, text, `--${flag}`);
    if (typeof checked === 'string') return usageError(checked);
    thresholds[key] = checked;
  }
  const docs: SourcedDoc[] = [];
  for (const path of positionals) {
    const loaded = loadResults(path);
    if (!loaded.ok) {
      process.stderr.write(`validate_stress_tests: ${loaded.message}\n`);
      return 2;
    }
    docs.push({ path, doc: loaded.doc });
  }
  const runs = docs.reduce((n, d) => n + d.doc.runs.length, 0);
  const shown = THRESHOLD_KEYS.filter((k) => thresholds[k] !== undefined).map((k) => `${k}=${thresholds[k]}`);
  process.stdout.write(`Validating ${positionals.length} file${positionals.length === 1 ? '' : 's'}, ${runs} run${runs === 1 ? '' : 's'}` +
    `${shown.length > 0 ? ` (${shown.join(', ')})` : ''}\n`);
  const results = runChecks(docs, thresholds);
  for (const r of results) process.stdout.write(`[${r.status}] ${r.message}\n`);
  const passed = results.filter((r) => r.status === 'PASS').length;
  const failed = results.filter((r) => r.status === 'FAIL').length;
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
