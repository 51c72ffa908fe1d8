import { endOnStdoutError, exitAfterStdout } from './cli/stdout-errors.js';

/** Subcommands load on demand, so the console does not pay for what it does not use. */
const SUBCOMMANDS: Record<string, () => Promise<{ main(argv: readonly string[]): Promise<number> }>> = {
  console: () => import('./cli/console.js'),
  serve: () => import('./cli/serve.js'),
  ports: () => import('./cli/ports.js'),
  run: () => import('./cli/run.js'),
  parse: () => import('./cli/parse.js'),
  history: () => import('./cli/history.js'),
  dashboard: () => import('./web/command.js'),
};

/** A first argument of lowercase words joined by hyphens names a subcommand; a device path never looks like one. */
const SUBCOMMAND = /^[a-z]+(-[a-z]+)*$/;

const argv = process.argv.slice(2);
endOnStdoutError();
if (process.stdin.isTTY && process.stdout.isTTY && !SUBCOMMAND.test(argv[0] ?? '')) {
  // Ink renders only its final frame when it believes it runs in CI; a terminal is interactive.
  delete process.env.CI;
  // The console's first frame needs these modules: they load beside the console's own.
  void import('./tui/console-start.js').catch(() => undefined);
}

async function main(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first !== undefined && SUBCOMMAND.test(first)) {
    const load = SUBCOMMANDS[first];
    if (load) return (await load()).main(rest);
    const { closestName } = await import('../kernel/index.js');
    const guess = closestName(first, Object.keys(SUBCOMMANDS));
    process.stderr.write(
      `sis: unknown command '${first}'${guess ? ` (did you mean ${guess}?)` : ''}\nTry 'sis --help' for more information.\n`,
    );
    return 2;
  }
  return (await SUBCOMMANDS.console!()).main(argv);
}

/** 128 + SIGHUP's number: the terminal went away. */
const HANGUP_STATUS = 129;

main(argv).then(
  async (status) => {
    // With its terminal gone, Node's exit would try to restore the tty and abort on EIO: end as
    // the hangup itself does (status 129 to the parent, nothing written).
    if (status === HANGUP_STATUS && process.stdout.isTTY && (await (await import('./tui/load-console.js')).loadConsole()).terminalLost()) {
      process.kill(process.pid, 'SIGHUP');
    } else {
      exitAfterStdout(status);
    }
  },
  (error: unknown) => {
    process.stderr.write(`sis: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(70);
  },
);
