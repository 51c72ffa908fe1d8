import { PIPE_STATUS } from '../connect/signal-exit.js';

/** sysexits' EX_IOERR: standard output could not be written for another reason (a full disk). */
const IO_ERROR_STATUS = 74;

/**
 * Standard output failing ends the command with its status and at most one line, never a stack
 * trace. A part that listens for these errors itself (plain mode finishes its session first, the
 * TUI and `sis run` have their own rules) decides instead.
 */
export function endOnStdoutError(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (process.stdout.listenerCount('error') > 1) return;
    if (error.code === 'EPIPE') process.exit(PIPE_STATUS);
    process.stderr.write(`sis: standard output: ${error.message}\n`);
    process.exit(IO_ERROR_STATUS);
  });
}

/**
 * Exits once standard output has taken what was written, so a write the reader did not take is
 * seen: the status is then 141 as for SIGPIPE, whether the failure was known before or not
 * (unless the subcommand has its own rule for stdout's errors, and its status says what happened).
 */
export function exitAfterStdout(status: number): void {
  const ownRule = process.stdout.listenerCount('error') > 1;
  process.stdout.write('', (error?: Error | null) => {
    const gone = (error as NodeJS.ErrnoException | null | undefined)?.code === 'EPIPE';
    process.exit(gone && !ownRule ? PIPE_STATUS : status);
  });
}
