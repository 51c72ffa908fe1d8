import { constants } from 'node:os';

export const EXIT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type ExitSignal = (typeof EXIT_SIGNALS)[number];

/** 128 + the signal number, as shells report a process a signal ended: 130, 143, 129. */
export function signalStatus(signal: ExitSignal): number {
  return 128 + constants.signals[signal];
}

/**
 * On SIGINT, SIGTERM or SIGHUP: runs `beforeExit` (synchronous work only, e.g. a log's
 * flushSync) and exits with 128 + the signal number. Returns a function that removes the handlers.
 */
export function exitOnSignals(beforeExit: (signal: ExitSignal) => void): () => void {
  const handlers = EXIT_SIGNALS.map((signal) => {
    const handler = (): void => {
      beforeExit(signal);
      process.exit(signalStatus(signal));
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}
