import { systemClock, type HostClock, type SessionLogWriter } from '../../uart/index.js';
import { defaultConversation, type ConsolePort, type ConversationSettings } from '../connect/index.js';
import { DEFAULT_BREAK_MS } from '../connect/line-flags.js';
import type { EngineDriver, EnginePort } from '../engine/index.js';
import type { SessionResults } from '../results/session/index.js';
import { createConsoleEngine, type ConsoleEngine } from './console-engine.js';
import { FrameStdout } from './frame-stdout.js';
import { openConsoleHistory, type ConsoleHistory } from './input/history-file.js';
import { LineState, type LinePort } from './line-state.js';
import { linkChangeNote, linkState, type StatefulPort } from './link-state.js';
import type { LiveFeed } from './live-state/live-feed.js';
import { HIDE_CURSOR, LiveRegion, type TerminalSize } from './live-region.js';
import type { LogDefaults } from './log-form.js';
import { RuntimeLog } from './runtime-log.js';
import { Scrollback, type ScreenWriter } from './scrollback.js';
import { slicePort } from './sliced-port.js';
import { startEarlyTerminal } from './early-terminal.js';
import { terminalLineEnds } from './terminal-output.js';
import { assumeSizeWhenUnknown } from './terminal-size.js';
import type { LinkState } from './views/index.js';

export interface StartConsoleOptions {
  port: EnginePort & StatefulPort & LinePort & Pick<ConsolePort, 'addLog'>;
  /** The `--log` writer: its first write failure is shown at once; Ctrl-T l stops it. */
  log?: SessionLogWriter;
  /** The `--log-*` options, offered first by Ctrl-T l. */
  logDefaults?: LogDefaults;
  /** How long Ctrl-T b holds the BREAK; default 250 ms. */
  breakMs?: number;
  /** Session results: sees every engine event and every line about to be sent. */
  results?: Pick<SessionResults, 'engineEvent' | 'submitLine'>;
  /** Prompt, timing and mode; default the SIS prompt at 115200 baud. */
  conversation?: ConversationSettings;
  /** The clock the port runs on (its `retryAtMs`); every timer of the console runs on it. Default the system clock. */
  clock?: HostClock;
}

/** The console's working parts, running before Ink has loaded; `runConsole` draws them with Ink. */
export interface StartedConsole {
  readonly clock: HostClock;
  readonly port: EnginePort & StatefulPort & LinePort;
  readonly conversation: ConversationSettings;
  readonly scrollback: Scrollback;
  readonly engine: EngineDriver;
  readonly feed: LiveFeed;
  readonly attachCards: ConsoleEngine['attachCards'];
  readonly region: LiveRegion;
  readonly frames: FrameStdout;
  readonly screen: { print: ScreenWriter; clearScreen(): void };
  readonly link: { get(): LinkState; subscribe(listener: () => void): () => void };
  readonly lineState: LineState;
  readonly runtimeLog: RuntimeLog;
  /** Read from its file on first use (by the input line, once Ink draws): not on the way to the first frame. */
  readonly history: ConsoleHistory;
  /** The port's opening, started at once; a target that is not there yet keeps it waiting. */
  readonly opened: Promise<void>;
  /** The target's first output is on the screen (or it is silent): Ink may load, which blocks for tens of ms. */
  readonly shown: Promise<void>;
  /** Ink's frames replace the first frame from here on. */
  handOver(): void;
  /** Everything `startConsole` set up, undone; the frame itself is left to the caller. */
  stop(): Promise<void>;
}

const dim = (text: string): string => `\x1b[2m${text}\x1b[22m`;

/** As Ink decides it (`is-in-ci`): with CI set it writes no frame until it exits, unless in debug mode. */
export function inCi(): boolean {
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

/**
 * Connects the console to its target and the terminal before Ink is loaded (Ink and React take
 * longer to load than Node itself to start): the target's output reaches the scrollback, and its
 * unfinished last line (usually its prompt) the first frame, at once. Keys typed meanwhile wait
 * in the terminal, unechoed, for the input line.
 */
export function startConsole(options: StartConsoleOptions): StartedConsole {
  const clock = options.clock ?? systemClock;
  const forgetSize = assumeSizeWhenUnknown(process.stdout);
  // A flood from the far end is handled in slices between keys and frames.
  const port = slicePort({ port: options.port, clock });
  const conversation = options.conversation ?? defaultConversation();
  const scrollback = new Scrollback({ clock, rows: () => process.stdout.rows || 24 });
  const size = () => ({ columns: process.stdout.columns || 80, rows: process.stdout.rows || 24 });
  const consoleEngine = createConsoleEngine({ port, scrollback, conversation, size, clock, ...(options.results && { results: options.results }) });
  const { engine } = consoleEngine;
  // Ink renders frames into `frames`; the region draws them, and the scrollback above them. Both
  // read the size from the terminal itself, which knows of a resize before its signal arrives.
  // Ink throttles its frames itself, except in debug mode, where the region does.
  const region = new LiveRegion({ write: (text) => void process.stdout.write(terminalLineEnds(text)), size: liveSize, frameMs: inCi() ? 16 : 0, clock });
  const frames = new FrameStdout({ size: liveSize, onFrame: (text) => region.frame(text), debug: inCi() });
  const screen = { print: (text: string | readonly string[]) => region.print(text), clearScreen: () => region.clearScreen() };
  const onResize = (): void => {
    engine.resizeTerminal(size());
    region.resized();
    frames.resized();
  };
  process.stdout.on('resize', onResize);
  // The region draws no cursor of its own (the input line shows one): the terminal's is hidden while the console runs.
  if (process.stdout.isTTY) process.stdout.write(HIDE_CURSOR);
  const early = startEarlyTerminal({ scrollback, region, engine, clock, description: port.description, print: screen.print });

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
  let history: ConsoleHistory | undefined;
  const openHistory = (): ConsoleHistory => {
    const opened = openConsoleHistory({ clock, onNote: (note) => scrollback.writeBlock(`sis: ${note}`) });
    if (opened.note) scrollback.writeBlock(`sis: ${opened.note}`);
    return opened;
  };
  const opened = engine.open();
  // Awaited by the caller once Ink draws; until then a failure must not count as unhandled.
  opened.catch(() => undefined);
  return {
    clock,
    opened,
    shown: early.shown,
    port,
    conversation,
    scrollback,
    engine,
    feed: consoleEngine.feed,
    attachCards: consoleEngine.attachCards,
    region,
    frames,
    screen,
    link,
    lineState,
    runtimeLog,
    get history() {
      return (history ??= openHistory());
    },
    handOver: early.stop,
    async stop() {
      early.stop();
      consoleEngine.dispose();
      lineState.dispose();
      await runtimeLog.close();
      process.off('exit', flushRuntimeLog);
      stopRetryTimer();
      process.stdout.off('resize', onResize);
      forgetSize();
      await history?.flush();
    },
  };
}
