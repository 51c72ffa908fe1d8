import { parseSoakArgs, SOAK_USAGE } from './soak/args.js';
import { formatSoak, runSoak } from './soak/run-soak.js';

/** `npm run soak -- --minutes N [--target tcp:HOST:PORT]`: random commands against the model or a target, invariants checked. */
async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseSoakArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`soak: ${parsed.message}\n${SOAK_USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(`${SOAK_USAGE}\n`);
    return 0;
  }
  const { options } = parsed;
  const target = options.target ?? 'the embedded model (virtual port, full speed)';
  process.stdout.write(`sis soak: ${options.minutes} min against ${target}, seed ${options.seed}\n`);
  const result = await runSoak(options, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(formatSoak(result, options));
  return result.status;
}

main(process.argv.slice(2)).then(
  (status) => process.exit(status),
  (error: unknown) => {
    process.stderr.write(`soak: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(70);
  },
);
