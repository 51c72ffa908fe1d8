import { Box, Text, renderToString, useApp, useInput, useStdout } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { SIS_PROMPT_SOURCE, type EngineDriver } from '../engine/index.js';
import { isQuitLine } from '../engine/quit-lines.js';
import type { HistoryEntry } from '../results/history/index.js';
import { menuAction, menuHelpText, menuPrompt, type MenuAction } from './console-menu.js';
import { InputLine, keyToAction, useLineEditor, useRawKeys, type LineHistory } from './input/index.js';
import { useLineMenu, type LineConsole } from './line-menu.js';
import { useLiveSnapshot, type LiveFeed } from './live-state/index.js';
import { nextTimestamps, type Scrollback, type ScreenWriter } from './scrollback.js';
import { macroHelpLines } from './macros.js';
import { TerminalPrompt } from './terminal-prompt.js';
import { useTerminalFeatures, type TerminalOptions } from './use-terminal-features.js';
import { useClock } from './use-clock.js';
import type { FrameGate } from './frame-gate.js';
import { useTerminalSize } from './use-terminal-size.js';
import { CompareRunsPanel } from './views/compare-runs-panel.js';
import { HistoryPager, HistoryView, LivePanel, panelWidth, StatusLine, statusSeed, type LinkState } from './views/index.js';
import type { TestConfig } from '../parser/index.js';

export interface ConsoleInfo {
  transport: string;
  baud?: number | null;
  logFile?: string | null;
  seed?: string | null;
  speed?: string | null;
}

export interface AppProps {
  engine: EngineDriver;
  /** The prompt pattern's source: `exit`/`quit` are the console's only at the SIS prompt. */
  promptSource?: string;
  scrollback: Scrollback;
  feed: LiveFeed;
  info: ConsoleInfo;
  link: { get(): LinkState; subscribe(listener: () => void): () => void };
  history?: LineHistory;
  /** Line control and run-time logging (Ctrl-T b d r o l); absent: those keys say they are not available. */
  line?: LineConsole;
  /** True to end the console (a signal): its frame is erased, then it exits. */
  closing?: boolean;
  /** The history store's entries (oldest first) for the past-results view (Ctrl-T v); absent when none is kept. */
  pastResults?: () => Promise<readonly HistoryEntry[]>;
  /** Ctrl-T e/n/y/s and macros: the console port, `--echo`, `--macros`. */
  terminal?: TerminalOptions;
  /** Where the scrollback is written and how the screen is cleared; default through Ink's `write`. */
  screen?: ConsoleScreen;
  /** Paces the frames the unfinished line and the live panel cause during a flood; absent: every change draws. */
  pace?: FrameGate;
}

export interface ConsoleScreen {
  /** Writes finished lines above the console's frame. */
  print: ScreenWriter;
  /** Clears the visible screen without erasing the terminal's history. */
  clearScreen(): void;
}

function renderBlock(node: React.ReactElement, width: number): string {
  return renderToString(node, { columns: width });
}

/** Rows of the frame besides the live panel: the input line, its hint, the status line, and one to spare. */
const FRAME_ROWS_BESIDE_PANEL = 4;

/**
 * The target's unfinished last line (usually its prompt) as the input line's start; in line mode,
 * after unsolicited output ended with a complete line, the prompt is shown again.
 */
function promptText(tail: string, width: number, lastPrompt: string | null): { text: string; lead?: string } {
  if (tail === '' && lastPrompt !== null) return { text: lastPrompt };
  const room = Math.max(10, Math.floor(width / 2));
  // The `…` of a cut line is drawn in place of an ASCII stand-in (see InputLine's promptLead).
  return tail.length > room ? { text: `.${tail.slice(-(room - 1))}`, lead: '…' } : { text: tail };
}

const inputPrompt = ({ text, lead }: { text: string; lead?: string }) => ({ prompt: text, ...(lead !== undefined && { promptLead: lead }) });

const CTRL_T = Uint8Array.of(0x14);
const EMPTY_VIEW = { text: '', cursor: 0, candidates: [], search: undefined, hint: undefined };

function queueText(queued: readonly string[]): string | null {
  if (queued.length === 0) return null;
  const next = queued[0]!.length > 24 ? `${queued[0]!.slice(0, 23)}…` : queued[0]!;
  return `${queued.length} queued: ${next}`;
}

const KEY_ENCODER = new TextEncoder();

/** Menu actions after which the input line (or the target) takes keys again at once: none opens a form of its own. */
const KEYS_PASS_AFTER: ReadonlySet<MenuAction> = new Set<MenuAction>(['help', 'timestamps', 'metrics', 'hex', 'clear', 'send-escape', 'drop-queue', 'break', 'dtr', 'rts', 'echo', 'close']);

/** The `sis>` console: scrollback above (written by the Scrollback), live panel, input line, status line. */
export function App({ engine, promptSource = SIS_PROMPT_SOURCE, scrollback, feed, info, link, history, pastResults, line, closing = false, terminal = {}, screen: ownScreen, pace }: AppProps) {
  const { exit } = useApp();
  const { write } = useStdout();
  const { columns: width, rows } = useTerminalSize();
  // Without a terminal of its own (tests), the screen is cleared by scrolling it into the history.
  const writePieces = useCallback((text: string | readonly string[]) => write(typeof text === 'string' ? text : text.join('')), [write]);
  const screen = ownScreen ?? { print: writePieces, clearScreen: () => write('\n'.repeat(rows)) };
  const view = useSyncExternalStore(engine.subscribe, engine.getView);
  const tailSubscribe = useMemo(() => {
    const subscribe = (listener: () => void) => scrollback.subscribe(listener);
    return pace ? pace.gate(subscribe) : subscribe;
  }, [scrollback, pace]);
  const tail = useSyncExternalStore(tailSubscribe, useCallback(() => scrollback.tail, [scrollback]));
  const linkNow = useSyncExternalStore(link.subscribe, link.get);
  const live = useLiveSnapshot(feed, pace);
  const [menuOpen, setMenuOpen] = useState(false);
  const [past, setPast] = useState<readonly HistoryEntry[] | null>(null);
  const [quitting, setQuitting] = useState(false);
  const ending = quitting || closing;
  // Quitting draws an empty frame first, so the status line, menu and live panel leave the screen.
  const quit = (): void => {
    scrollback.flush();
    setQuitting(true);
  };
  useEffect(() => {
    if (ending) exit();
  }, [ending, exit]);
  const [, setSettingsVersion] = useState(0);
  const lineMode = view.mode === 'line';

  useEffect(() => {
    scrollback.setWriter(screen.print);
    return () => scrollback.setWriter(undefined);
  }, [screen.print]);

  const note = (text: string): void => scrollback.writeBlock(`\x1b[2msis: ${text}\x1b[22m`);
  const lineMenu = useLineMenu(line, note);
  const features = useTerminalFeatures({ engine, scrollback, note, options: terminal });

  const submit = (line: string): void => {
    if (isQuitLine(line) && promptSource === SIS_PROMPT_SOURCE) return quit();
    engine.submit(line);
    if (!engine.view.link) note(`the link is down: '${line}' is queued and goes out once the target's prompt is back`);
  };

  const input = useLineEditor({
    history,
    isActive: !menuOpen && !lineMenu.open && !features.busy && past === null && lineMode,
    onSubmit: submit,
    onInterrupt: () => {
      if (engine.view.running === null && input.view.text !== '') return input.clear();
      const dropped = engine.view.running === null ? engine.view.queued.length : 0;
      if (engine.interrupt() === 'cleared-queue') note(`dropped ${dropped} queued line${dropped === 1 ? '' : 's'} (Ctrl-C again sends ^C)`);
    },
    onEof: () => quit(),
    onEscape: (next) => escapeWith(next),
  });

  useRawKeys({
    isActive: !menuOpen && !lineMenu.open && !features.busy && past === null && !lineMode,
    onBytes: (bytes) => (engine.key(bytes), features.echoKeys(bytes)),
    onEscape: (next) => escapeWith(next),
  });

  /** Ctrl-T: opens the menu, or acts at once on the key that came in the same read. */
  const escapeWith = (next: string | undefined): void =>
    next === undefined ? setMenuOpen(true) : act(menuAction(next.slice(0, 1), next.charCodeAt(0) === 0x14, false), next.slice(0, 1));

  const act = (action: MenuAction, key = ''): void => {
    setMenuOpen(false);
    if (lineMenu.run(action)) return;
    if (features.handles(action)) return features.act(action, key);
    const s = scrollback.settings;
    switch (action) {
      case 'quit':
        return quit();
      case 'help':
        return scrollback.writeBlock(menuHelpText(macroHelpLines(terminal.macros ?? [])));
      case 'timestamps':
        scrollback.update({ timestamps: nextTimestamps(s.timestamps) });
        break;
      case 'metrics':
        scrollback.update({ metrics: !s.metrics });
        break;
      case 'hex':
        scrollback.update({ hex: !s.hex });
        break;
      case 'clear':
        scrollback.flush();
        screen.clearScreen();
        break;
      case 'results':
        if (!pastResults) note('no results history is kept (--no-history)');
        else void pastResults().then((entries) => (entries.length > 0 ? setPast(entries) : note('no results recorded yet')));
        break;
      case 'send-escape':
        engine.key(CTRL_T);
        break;
      case 'keys-mode':
        engine.setForcedMode(engine.view.mode === 'raw' && engine.view.promptKnown ? 'auto' : 'raw');
        break;
      case 'drop-queue': {
        const dropped = engine.dropQueue();
        note(dropped.length > 0 ? `dropped ${dropped.length} queued line${dropped.length === 1 ? '' : 's'}` : 'no lines queued');
        break;
      }
      case 'close':
        break;
    }
    setSettingsVersion((v) => v + 1);
  };

  // Always listening: Ink moves its listeners in effects, after the frame. The menu takes keys from
  // the frame that opens it (the key after Ctrl-T may come before the line editor has let go), and
  // lets go of them only in the effects of the frame that closes it, with the line editor taking
  // them in the same pass: no key falls between the two. Keys read after the menu's key go where
  // they would once it is closed (the input line, or the target in raw mode), not to the menu again;
  // after an action that opens a form of its own they are dropped.
  const menuShown = useRef(false);
  const afterMenuKey = useRef<'forward' | 'drop' | null>(null);
  if (menuOpen) menuShown.current = true;
  useEffect(() => {
    if (menuOpen) return;
    menuShown.current = false;
    afterMenuKey.current = null;
  }, [menuOpen]);
  useInput((text, key) => {
    if (!menuShown.current || afterMenuKey.current === 'drop') return;
    if (afterMenuKey.current === 'forward') {
      if (lineMode) return input.dispatch(keyToAction(text, key, undefined));
      const bytes = KEY_ENCODER.encode(text);
      engine.key(bytes);
      return features.echoKeys(bytes);
    }
    const action = menuAction(text, key.ctrl, key.escape);
    afterMenuKey.current = KEYS_PASS_AFTER.has(action) ? 'forward' : 'drop';
    act(action, text);
  });

  const settings = scrollback.settings;
  const flags = [settings.timestamps !== 'off' && `timestamps ${settings.timestamps}`, settings.metrics && 'METRIC shown', settings.hex && 'hex', ...features.flags].filter(Boolean);
  const running = live.test && live.test.phase === 'running' ? live.test : null;
  const lastTest = useRef<TestConfig | null>(null);
  if (live.test?.config.seed !== undefined) lastTest.current = live.test.config;
  const compareRuns = running === null ? live.compareRuns : null;
  const clock = useClock(compareRuns !== null && !compareRuns.finished);
  const queue = queueText(view.queued);
  const hint = queue !== null ? 'Ctrl-T u drops' : view.running !== null && lineMode ? 'Ctrl-C cancels' : 'Ctrl-T h help';
  if (ending) return null;
  return (
    <Box flexDirection="column">
      <HistoryPager
        entries={past}
        width={width}
        rows={rows}
        onClose={() => setPast(null)}
        onKeep={(page, pageSize) => {
          if (past) scrollback.writeBlock(renderBlock(<HistoryView entries={past} width={width} page={page} pageSize={pageSize} />, width));
          setPast(null);
        }}
      />
      {past === null && running && <LivePanel test={running} width={panelWidth(width)} maxRows={rows - FRAME_ROWS_BESIDE_PANEL} />}
      {past === null && compareRuns && <CompareRunsPanel runs={compareRuns} width={panelWidth(width)} nowMs={clock} maxRows={rows - FRAME_ROWS_BESIDE_PANEL} />}
      <InputLine {...inputPrompt(promptText(tail, width, lineMode ? view.prompt : null))} view={lineMode ? input.view : EMPTY_VIEW} />
      {features.asking !== null ? (
        <TerminalPrompt asking={features.asking} mapText={features.mapText} defaultProtocol={terminal.sendProtocol ?? 'raw'} width={width} />
      ) : lineMenu.overlay ?? (menuOpen ? (
        <Text color="cyan" wrap="truncate-end">
          {menuPrompt()}
        </Text>
      ) : (
        <StatusLine
          transport={info.transport}
          link={linkNow}
          width={width}
          baud={info.baud ?? null}
          autonomy={live.autonomy}
          logFile={lineMenu.status.logFile ?? info.logFile ?? null}
          logError={lineMenu.status.logError}
          line={lineMenu.status.line}
          seed={statusSeed(info.seed ?? null, lastTest.current)}
          speed={info.speed ?? null}
          mode={view.mode}
          queue={queue}
          hint={[...flags, hint].join(' | ')}
        />
      ))}
    </Box>
  );
}
