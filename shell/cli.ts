import { parseCliArgs, USAGE } from './cli-args.js';
import { createModelTarget } from './model-target.js';
import { runPlainMode } from './plain-mode.js';
import { VERSION } from './version.js';

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`sis: ${parsed.message}\nTry 'sis --help' for more information.\n`);
    return 2;
  }
  const { options } = parsed;
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`sis ${VERSION}\n`);
    return 0;
  }
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const target = createModelTarget({ seed: options.seed, speed: options.speed ?? (interactive ? 'realtime' : 'max') });
  if (!interactive) {
    return runPlainMode({ port: target.port, input: process.stdin, output: process.stdout });
  }
  // Ink renders only its final frame when it believes it runs in CI; a terminal is interactive.
  delete process.env.CI;
  const { runConsole } = await import('./tui/run-console.js');
  return runConsole({ port: target.port, seed: target.seed });
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exit(status);
  },
  (error: unknown) => {
    process.stderr.write(`sis: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(70);
  },
);
