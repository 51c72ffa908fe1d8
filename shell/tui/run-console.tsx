import { render } from 'ink';
import { systemClock, type HostClock, type SessionLogWriter } from '../../uart/index.js';
import { defaultConversation, signalStatus, type ConsolePort, type ConversationSettings, type ExitSignal } from '../connect/index.js';
import { DEFAULT_BREAK_MS } from '../connect/line-flags.js';
import type { EnginePort } from '../engine/index.js';
import { SGR_RESET } from '../sanitize/index.js';
import type { HistoryEntry } from '../results/history/index.js';
import type { SessionResults } from '../results/session/index.js';
import { App, type ConsoleInfo } from './app.js';
import { ClockContext } from './clock-context.js';
import { FrameStdout } from './frame-stdout.js';
import { HIDE_CURSOR, LiveRegion, SHOW_CURSOR, type TerminalSize } from './live-region.js';
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
  /** The clock the port runs on (its `retryAtMs`); every timer of the console runs on it. Default the system clock. */
  clock?: HostClock;
}

let lostTerminal = false;

/** Whether the console's terminal went away (writes failed): the process must not touch it again. */
export function terminalLost(): boolean {
  return lostTerminal;
}

const dim = (text: string): string => `\x1b[2m${text}\x1b[22m`;

/** As Ink decides it (`is-in-ci`): with CI set it writes no frame until it exits, unless in debug mode. */
function inCi(): boolean {
  return ['CI', 'CONTINUOUS_INTEGRATION'].some((key) => key in process.env && process.env[key] !== '0' && process.env[key] !== 'false');
}

function liveSize(): TerminalSize {
  if (process.stdout.isTTY) {
    try {
      const [columns, rows] = process.stdout.getWindowSize();
      if (columns > 0 && rows > 0) return { columns, rows };
    } catch {
      // a terminal that went away: the last known size
    }
  }
  return { columns: process.stdout.columns || 80, rows: process.stdout.rows || 24 };
}

/** Runs the interactive console until the user quits; resolves with the exit status. */
export async function runConsole(options: RunConsoleOptions): Promise<number> {
  const { results } = options;
  const clock = options.clock ?? systemClock;
  const forgetSize = assumeSizeWhenUnknown(process.stdout);
  // A flood from the far end is handled in slices between keys and frames.
  const port = slicePort({ port: options.port, clock });
  const conversation = options.conversation ?? defaultConversation();
  const scrollback = new Scrollback({ clock, rows: () => process.stdout.rows || 24 });
  const size = () => ({ columns: process.stdout.columns || 80, rows: process.stdout.rows || 24 });
  const { engine, feed, dispose } = createConsoleEngine({
    port,
    scrollback,
    conversation,
    size,
    clock,
    ...(results && { results }),
  });
  // Ink renders frames into `frames`; the region draws them, and the scrollback above them. Both
  // read the size from the terminal itself, which knows of a resize before its signal arrives.
  // Ink throttles its frames itself, except in debug mode, where the region does.
  const region = new LiveRegion({ write: (text) => void process.stdout.write(text), size: liveSize, frameMs: inCi() ? 16 : 0, clock });
  const frames = new FrameStdout({ size: liveSize, onFrame: (text) => region.frame(text), debug: inCi() });
  const screen = { print: (text: string) => region.print(text), clearScreen: () => region.clearScreen() };
  const onResize = (): void => {
    engine.resizeTerminal(size());
    region.resized();
    frames.resized();
  };
  process.stdout.on('resize', onResize);
  // The region draws no cursor of its own (the input line shows one): the terminal's is hidden while the console runs.
  const showCursor = (): void => {
    if (process.stdout.isTTY && !lostTerminal) process.stdout.write(SHOW_CURSOR);
  };
  if (process.stdout.isTTY) process.stdout.write(HIDE_CURSOR);
  // However the process ends, the shell's prompt comes below the frame, with a cursor.
  const restoreOnExit = (): void => {
    if (!lostTerminal) region.close();
    showCursor();
  };
  process.once('exit', restoreOnExit);

  let retryTimer: unknown;
  const stopRetryTimer = (): void => {
    if (retryTimer !== undefined) clock.clearTimer(retryTimer);
    retryTimer = undefined;
  };
  const linkListeners = new Set<() => void>();
  let current = linkState(port.state, clock.now());
  let everUp = current.kind === 'connected';
  const refreshLink = (): void => {
    const wasUp = current.kind === 'connected';
    current = linkState(port.state, clock.now());
    stopRetryTimer();
    if (current.kind === 'waiting') retryTimer = clock.setTimer(refreshLink, 250);
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
  const lineState = new LineState({ port, breakMs: options.breakMs ?? DEFAULT_BREAK_MS, clock });
  const runtimeLog = new RuntimeLog({
    port,
    clock,
    ...(options.log !== undefined && { initial: options.log }),
    ...(options.logDefaults !== undefined && { defaults: options.logDefaults }),
  });
  const flushRuntimeLog = (): void => runtimeLog.flushSync();
  process.on('exit', flushRuntimeLog);
  const history = openConsoleHistory({ clock, onNote: (note) => scrollback.writeBlock(`sis: ${note}`) });
  if (history.note) scrollback.writeBlock(`sis: ${history.note}`);
  const info: ConsoleInfo = {
    transport: port.description,
    ...(options.seed !== undefined && { seed: String(options.seed) }),
    ...options.info,
  };
  const consoleApp = (closing: boolean) => (
    <ClockContext.Provider value={clock}>
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
        screen={screen}
      />
    </ClockContext.Provider>
  );
  // Ink writes each whole frame to `frames` (at most 60 a second) and leaves the terminal to the region.
  const app = render(consoleApp(false), { stdout: frames as unknown as NodeJS.WriteStream, debug: inCi(), maxFps: 60, exitOnCtrlC: false, patchConsole: false });
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
  // SIGINT too ends the console through its own cleanup (the frame's cursor is at its top).
  const onInt = quitOn('SIGINT');
  process.once('SIGTERM', onTerm);
  process.once('SIGHUP', onHup);
  process.once('SIGINT', onInt);
  await engine.open();
  await app.waitUntilExit();
  if (!lostTerminal) {
    // Lines received after the console's last (empty) frame still reach the scrollback, before the
    // link closes; then the region leaves the cursor where the frame began, for the shell's prompt.
    scrollback.setWriter(screen.print);
    scrollback.flush();
    scrollback.setWriter(undefined);
    region.close();
  }
  dispose();
  lineState.dispose();
  await runtimeLog.close();
  process.off('exit', flushRuntimeLog);
  stopRetryTimer();
  process.stdout.off('resize', onResize);
  forgetSize();
  // Whatever styling a device sequence left on, the user's shell gets the terminal back plain.
  if (process.stdout.isTTY && !lostTerminal) process.stdout.write(SGR_RESET);
  showCursor();
  process.off('exit', restoreOnExit);
  await history.flush();
  process.off('SIGTERM', onTerm);
  process.off('SIGHUP', onHup);
  process.off('SIGINT', onInt);
  process.stdout.off('error', onStdoutError);
  // A log started with Ctrl-T l that failed is reported as --log's is: one line, exit status 2.
  const failed = runtimeLog.failure;
  if (failed !== undefined && !lostTerminal) process.stderr.write(`sis: ${failed.message}\n`);
  // As in plain mode, a signal is 128 + its number; the caller then closes the link and flushes the log.
  if (endedBy !== undefined) return signalStatus(endedBy);
  return failed === undefined ? 0 : 2;
}
