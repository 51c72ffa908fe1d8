import { Box, Text, renderToString, useApp, useInput, useStdout } from 'ink';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { SIS_PROMPT_SOURCE, type EngineDriver } from '../engine/index.js';
import { isQuitLine } from '../engine/quit-lines.js';
import type { TestRun } from '../results/index.js';
import { menuAction, menuHelpText, menuPrompt, type MenuAction } from './console-menu.js';
import { InputLine, useLineEditor, useRawKeys, type LineHistory } from './input/index.js';
import { useLiveSnapshot, type LiveFeed } from './live-state/index.js';
import type { Scrollback } from './scrollback.js';
import { useClock } from './use-clock.js';
import { useTerminalSize } from './use-terminal-size.js';
import { CompareRunsPanel } from './views/compare-runs-panel.js';
import { HistoryView, LivePanel, StatusLine, type LinkState } from './views/index.js';

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
  /** Past results for Ctrl-T r; absent when no history store is kept. */
  pastRuns?: () => Promise<readonly TestRun[]>;
  /** Where the scrollback is written and how the screen is cleared; default through Ink's `write`. */
  terminal?: ConsoleTerminal;
}

export interface ConsoleTerminal {
  /** Writes finished lines above the console's frame. */
  print(text: string): void;
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
function promptText(tail: string, width: number, lastPrompt: string | null): string {
  if (tail === '' && lastPrompt !== null) return lastPrompt;
  const room = Math.max(10, Math.floor(width / 2));
  return tail.length > room ? `…${tail.slice(-(room - 1))}` : tail;
}

const CTRL_T = Uint8Array.of(0x14);
const EMPTY_VIEW = { text: '', cursor: 0, candidates: [], search: undefined, hint: undefined };

function queueText(queued: readonly string[]): string | null {
  if (queued.length === 0) return null;
  const next = queued[0]!.length > 24 ? `${queued[0]!.slice(0, 23)}…` : queued[0]!;
  return `${queued.length} queued: ${next}`;
}

/** The `sis>` console: scrollback above (written by the Scrollback), live panel, input line, status line. */
export function App({ engine, promptSource = SIS_PROMPT_SOURCE, scrollback, feed, info, link, history, pastRuns, terminal }: AppProps) {
  const { exit } = useApp();
  const { write } = useStdout();
  const { columns: width, rows } = useTerminalSize();
  // Without a terminal of its own (tests), the screen is cleared by scrolling it into the history.
  const screen = terminal ?? { print: write, clearScreen: () => write('\n'.repeat(rows)) };
  const view = useSyncExternalStore(engine.subscribe, engine.getView);
  const tail = useSyncExternalStore((l) => scrollback.subscribe(l), () => scrollback.tail);
  const linkNow = useSyncExternalStore(link.subscribe, link.get);
  const live = useLiveSnapshot(feed);
  const [menuOpen, setMenuOpen] = useState(false);
  const [, setSettingsVersion] = useState(0);
  const lineMode = view.mode === 'line';

  useEffect(() => {
    scrollback.setWriter(screen.print);
    return () => scrollback.setWriter(undefined);
  }, [screen.print]);

  const note = (text: string): void => scrollback.writeBlock(`\x1b[2msis: ${text}\x1b[22m`);

  const submit = (line: string): void => {
    if (isQuitLine(line) && promptSource === SIS_PROMPT_SOURCE) return exit();
    engine.submit(line);
    if (!engine.view.link) note(`the link is down: '${line}' is queued and goes out once the target's prompt is back`);
  };

  const input = useLineEditor({
    history,
    isActive: !menuOpen && lineMode,
    onSubmit: submit,
    onInterrupt: () => {
      if (engine.view.running === null && input.view.text !== '') return input.clear();
      const dropped = engine.view.running === null ? engine.view.queued.length : 0;
      if (engine.interrupt() === 'cleared-queue') note(`dropped ${dropped} queued line${dropped === 1 ? '' : 's'} (Ctrl-C again sends ^C)`);
    },
    onEof: () => exit(),
    onEscape: () => setMenuOpen(true),
  });

  useRawKeys({
    isActive: !menuOpen && !lineMode,
    onBytes: (bytes) => engine.key(bytes),
    onEscape: (next) => (next === undefined ? setMenuOpen(true) : act(menuAction(next.slice(0, 1), next.charCodeAt(0) === 0x14, false))),
  });

  const act = (action: MenuAction): void => {
    setMenuOpen(false);
    const s = scrollback.settings;
    switch (action) {
      case 'quit':
        return exit();
      case 'help':
        return scrollback.writeBlock(menuHelpText());
      case 'timestamps':
        scrollback.update({ timestamps: !s.timestamps });
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
        void (pastRuns?.() ?? Promise.resolve([])).then((runs) =>
          scrollback.writeBlock(runs.length > 0 ? renderBlock(<HistoryView runs={runs} width={width} />, width) : 'No past results recorded.'),
        );
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

  useInput((text, key) => act(menuAction(text, key.ctrl, key.escape)), { isActive: menuOpen });

  const settings = scrollback.settings;
  const flags = [settings.timestamps && 'timestamps', settings.metrics && 'METRIC shown', settings.hex && 'hex'].filter(Boolean);
  const running = live.test && live.test.phase === 'running' ? live.test : null;
  const compareRuns = running === null ? live.compareRuns : null;
  const clock = useClock(compareRuns !== null && !compareRuns.finished);
  const queue = queueText(view.queued);
  const hint = queue !== null ? 'Ctrl-T u drops' : view.running !== null && lineMode ? 'Ctrl-C cancels' : 'Ctrl-T h help';
  return (
    <Box flexDirection="column">
      {running && <LivePanel test={running} width={Math.min(width, 100)} maxRows={rows - FRAME_ROWS_BESIDE_PANEL} />}
      {compareRuns && <CompareRunsPanel runs={compareRuns} width={Math.min(width, 100)} nowMs={clock} maxRows={rows - FRAME_ROWS_BESIDE_PANEL} />}
      <InputLine prompt={promptText(tail, width, lineMode ? view.prompt : null)} view={lineMode ? input.view : EMPTY_VIEW} />
      {menuOpen ? (
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
          logFile={info.logFile ?? null}
          seed={info.seed ?? null}
          speed={info.speed ?? null}
          mode={view.mode}
          queue={queue}
          hint={[...flags, hint].join(' | ')}
        />
      )}
    </Box>
  );
}
