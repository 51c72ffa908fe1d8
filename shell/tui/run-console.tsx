import { render } from 'ink';
import type { BytePort, SessionLogWriter } from '../../uart/index.js';
import { signalStatus, type ExitSignal } from '../connect/index.js';
import { ConsoleSession } from '../console-session.js';
import { createOutputParser } from '../parser/index.js';
import { SGR_RESET } from '../sanitize/index.js';
import type { TestRun } from '../results/index.js';
import { App, type ConsoleInfo } from './app.js';
import { openConsoleHistory } from './input/index.js';
import { linkState, type StatefulPort } from './link-state.js';
import { createLiveFeed } from './live-state/index.js';
import { Scrollback } from './scrollback.js';

export interface RunConsoleOptions {
  port: BytePort & StatefulPort;
  seed?: bigint;
  info?: Partial<ConsoleInfo>;
  /** The session log: its first write failure is shown in the scrollback at once. */
  log?: Pick<SessionLogWriter, 'onError'>;
  /** Past results for the history view. */
  pastRuns?: () => Promise<readonly TestRun[]>;
  /** Session results: sees every received chunk and every line about to be sent. */
  results?: {
    receive(chunk: Uint8Array): void;
    submitLine(line: string): { ok: true; send: string } | { ok: false; message: string };
  };
}

/** Runs the interactive console until the user quits; resolves with the exit status. */
export async function runConsole(options: RunConsoleOptions): Promise<number> {
  const { port } = options;
  const scrollback = new Scrollback();
  const { results } = options;
  const session = new ConsoleSession({
    port,
    ...(results && {
      beforeSend: (line: string) => {
        const checked = results.submitLine(line);
        return checked.ok ? { send: checked.send } : { refused: checked.message };
      },
    }),
    onRefused: (message) => scrollback.writeBlock(`sis: ${message}`),
  });
  const parser = createOutputParser();
  // The live panel redraws at most ten times a second: enough to watch, cheap during a flood.
  const feed = createLiveFeed({ minIntervalMs: 100 });
  session.onChunk((chunk) => {
    scrollback.push(chunk);
    feed.push(parser.push(chunk));
    results?.receive(chunk);
  });
  let retryTimer: NodeJS.Timeout | undefined;
  const linkListeners = new Set<() => void>();
  let current = linkState(port.state, Date.now());
  const refreshLink = (): void => {
    current = linkState(port.state, Date.now());
    clearTimeout(retryTimer);
    if (current.kind === 'waiting') retryTimer = setTimeout(refreshLink, 250);
    if (port.state?.status === 'connected') session.resync();
    for (const listener of linkListeners) listener();
  };
  port.onState?.(refreshLink);
  const link = {
    get: () => current,
    subscribe: (listener: () => void) => {
      linkListeners.add(listener);
      return () => linkListeners.delete(listener);
    },
  };
  options.log?.onError((error) => scrollback.writeBlock(`sis: ${error.message}`));
  const history = openConsoleHistory({ onNote: (note) => scrollback.writeBlock(`sis: ${note}`) });
  if (history.note) scrollback.writeBlock(`sis: ${history.note}`);
  const info: ConsoleInfo = {
    transport: port.description,
    ...(options.seed !== undefined && { seed: String(options.seed) }),
    ...options.info,
  };
  const app = render(
    <App
      session={session}
      scrollback={scrollback}
      feed={feed}
      info={info}
      link={link}
      history={history}
      {...(options.pastRuns && { pastRuns: options.pastRuns })}
    />,
    { exitOnCtrlC: false, patchConsole: false, maxFps: 60 },
  );
  let endedBy: ExitSignal | undefined;
  const quitOn = (signal: ExitSignal) => (): void => {
    endedBy = signal;
    app.unmount();
  };
  const onTerm = quitOn('SIGTERM');
  const onHup = quitOn('SIGHUP');
  process.once('SIGTERM', onTerm);
  process.once('SIGHUP', onHup);
  await session.open();
  await app.waitUntilExit();
  clearTimeout(retryTimer);
  scrollback.flush();
  // Whatever styling a device sequence left on, the user's shell gets the terminal back plain.
  if (process.stdout.isTTY) process.stdout.write(SGR_RESET);
  feed.dispose();
  await history.flush();
  process.off('SIGTERM', onTerm);
  process.off('SIGHUP', onHup);
  // As in plain mode, a signal is 128 + its number; the caller then closes the link and flushes the log.
  return endedBy === undefined ? 0 : signalStatus(endedBy);
}
