import { render } from 'ink';
import type { SessionLogWriter } from '../../uart/index.js';
import { defaultConversation, signalStatus, type ConsolePort, type ConversationSettings, type ExitSignal } from '../connect/index.js';
import { DEFAULT_BREAK_MS } from '../connect/line-flags.js';
import type { EnginePort } from '../engine/index.js';
import { SGR_RESET } from '../sanitize/index.js';
import type { HistoryEntry } from '../history/index.js';
import type { SessionResults } from '../session-results/index.js';
import { App, type ConsoleInfo } from './app.js';
import { openConsoleHistory } from './input/index.js';
import { linkChangeNote, linkState, type StatefulPort } from './link-state.js';
import { createConsoleEngine } from './console-engine.js';
import { Scrollback } from './scrollback.js';
import type { LogDefaults } from './log-form.js';
import { LineState, type LinePort } from './line-state.js';
import { RuntimeLog } from './runtime-log.js';
import { assumeSizeWhenUnknown } from './terminal-size.js';
import { slicePort } from './sliced-port.js';
import type { TerminalOptions } from './use-terminal-features.js';

export interface RunConsoleOptions {
  port: EnginePort & StatefulPort & LinePort & Pick<ConsolePort, 'addLog'>;
  seed?: bigint;
  info?: Partial<ConsoleInfo>;
  /** The `--log` writer: its first write failure is shown at once; Ctrl-T l stops it. */
  log?: SessionLogWriter;
  /** The `--log-*` options, offered first by Ctrl-T l. */
  logDefaults?: LogDefaults;
  /** How long Ctrl-T b holds the BREAK; default 250 ms. */
  breakMs?: number;
  /** The history store's entries for the past-results view. */
  pastResults?: () => Promise<readonly HistoryEntry[]>;
  /** Session results: sees every engine event and every line about to be sent. */
  results?: Pick<SessionResults, 'engineEvent' | 'submitLine'>;
  /** Prompt, timing and mode; default the SIS prompt at 115200 baud. */
  conversation?: ConversationSettings;
  /** Local echo, mapping, hex and file sends, macros (Ctrl-T e/n/y/s/0-9). */
  terminal?: TerminalOptions;
}

let lostTerminal = false;

/** Whether the console's terminal went away (writes failed): the process must not touch it again. */
export function terminalLost(): boolean {
  return lostTerminal;
}

const CURSOR_UP = '\x1b[1A';

const dim = (text: string): string => `\x1b[2m${text}\x1b[22m`;

/** Runs the interactive console until the user quits; resolves with the exit status. */
export async function runConsole(options: RunConsoleOptions): Promise<number> {
  const { results } = options;
  const forgetSize = assumeSizeWhenUnknown(process.stdout);
  // A flood from the far end is handled in slices between keys and frames.
  const port = slicePort({ port: options.port });
  const conversation = options.conversation ?? defaultConversation();
  const scrollback = new Scrollback({ rows: () => process.stdout.rows || 24 });
  const size = () => ({ columns: process.stdout.columns || 80, rows: process.stdout.rows || 24 });
  const { engine, feed, dispose } = createConsoleEngine({
    port,
    scrollback,
    conversation,
    size,
    ...(results && { results }),
  });
  const onResize = (): void => engine.resizeTerminal(size());
  process.stdout.on('resize', onResize);

  let retryTimer: NodeJS.Timeout | undefined;
  const linkListeners = new Set<() => void>();
  let current = linkState(port.state, Date.now());
  let everUp = current.kind === 'connected';
  const refreshLink = (): void => {
    const wasUp = current.kind === 'connected';
    current = linkState(port.state, Date.now());
    clearTimeout(retryTimer);
    if (current.kind === 'waiting') retryTimer = setTimeout(refreshLink, 250);
    const note = linkChangeNote(port.description, port.state, wasUp, everUp);
    if (note !== null) scrollback.writeBlock(dim(`sis: ${note}`));
    everUp ||= current.kind === 'connected';
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
  const lineState = new LineState({ port, breakMs: options.breakMs ?? DEFAULT_BREAK_MS });
  const runtimeLog = new RuntimeLog({
    port,
    ...(options.log !== undefined && { initial: options.log }),
    ...(options.logDefaults !== undefined && { defaults: options.logDefaults }),
  });
  const flushRuntimeLog = (): void => runtimeLog.flushSync();
  process.on('exit', flushRuntimeLog);
  const history = openConsoleHistory({ onNote: (note) => scrollback.writeBlock(`sis: ${note}`) });
  if (history.note) scrollback.writeBlock(`sis: ${history.note}`);
  const info: ConsoleInfo = {
    transport: port.description,
    ...(options.seed !== undefined && { seed: String(options.seed) }),
    ...options.info,
  };
  const consoleApp = (closing: boolean) => (
    <App
      engine={engine}
      promptSource={conversation.prompt.source}
      scrollback={scrollback}
      feed={feed}
      info={info}
      link={link}
      history={history}
      line={{ state: lineState, log: runtimeLog }}
      closing={closing}
      {...(options.pastResults && { pastResults: options.pastResults })}
      {...(options.terminal && { terminal: options.terminal })}
    />
  );
  const app = render(consoleApp(false), { exitOnCtrlC: false, patchConsole: false, maxFps: 60 });
  let endedBy: ExitSignal | undefined;
  // The console's frame is erased before it ends, unless the terminal is gone.
  const quitOn = (signal: ExitSignal) => (): void => {
    endedBy = signal;
    if (lostTerminal) app.unmount();
    else app.rerender(consoleApp(true));
  };
  // A terminal that went away (its window closed: SIGHUP, then EIO on every write) ends the
  // console quietly; the log and results are still written by the caller.
  const onStdoutError = (): void => {
    lostTerminal = true;
    quitOn('SIGHUP')();
  };
  process.stdout.on('error', onStdoutError);
  const onTerm = quitOn('SIGTERM');
  const onHup = quitOn('SIGHUP');
  process.once('SIGTERM', onTerm);
  process.once('SIGHUP', onHup);
  await engine.open();
  await app.waitUntilExit();
  if (!lostTerminal) {
    // The empty last frame left the cursor one line below where the frame began: back onto that
    // (now blank) line, so the shell's prompt follows the scrollback directly.
    if (process.stdout.isTTY) process.stdout.write(CURSOR_UP);
    // Lines received after the console's last frame still reach the scrollback, before the link closes.
    scrollback.setWriter((text) => void process.stdout.write(text));
    scrollback.flush();
    scrollback.setWriter(undefined);
  }
  dispose();
  lineState.dispose();
  await runtimeLog.close();
  process.off('exit', flushRuntimeLog);
  clearTimeout(retryTimer);
  process.stdout.off('resize', onResize);
  forgetSize();
  // Whatever styling a device sequence left on, the user's shell gets the terminal back plain.
  if (process.stdout.isTTY && !lostTerminal) process.stdout.write(SGR_RESET);
  await history.flush();
  process.off('SIGTERM', onTerm);
  process.off('SIGHUP', onHup);
  process.stdout.off('error', onStdoutError);
  // A log started with Ctrl-T l that failed is reported as --log's is: one line, exit status 2.
  const failed = runtimeLog.failure;
  if (failed !== undefined && !lostTerminal) process.stderr.write(`sis: ${failed.message}\n`);
  // As in plain mode, a signal is 128 + its number; the caller then closes the link and flushes the log.
  if (endedBy !== undefined) return signalStatus(endedBy);
  return failed === undefined ? 0 : 2;
}
