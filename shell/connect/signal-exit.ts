import { constants } from 'node:os';

export const EXIT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type ExitSignal = (typeof EXIT_SIGNALS)[number];

/** 128 + SIGPIPE (13): what shells report for a writer whose reader went away (`sis history | head`). */
export const PIPE_STATUS = 128 + constants.signals.SIGPIPE;

/** 128 + the signal number, as shells report a process a signal ended: 130, 143, 129. */
export function signalStatus(signal: ExitSignal): number {
  return 128 + constants.signals[signal];
}

export interface SignalStop {
  /** Resolves with the first SIGINT, SIGTERM or SIGHUP. */
  readonly stopped: Promise<ExitSignal>;
  remove(): void;
}

/**
 * The first SIGINT, SIGTERM or SIGHUP runs `first` (synchronous work, e.g. a log's flushSync) and
 * resolves `stopped`, so the session can end cleanly and write its results; a second one exits at
 * once with 128 + its number.
 */
export function stopOnSignals(first: (signal: ExitSignal) => void): SignalStop {
  let resolveStopped!: (signal: ExitSignal) => void;
  const stopped = new Promise<ExitSignal>((resolve) => (resolveStopped = resolve));
  let seen = false;
  const handlers = EXIT_SIGNALS.map((signal) => {
    const handler = (): void => {
      if (seen) process.exit(signalStatus(signal));
      seen = true;
      first(signal);
      resolveStopped(signal);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return {
    stopped,
    remove: () => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    },
  };
}
