import { Box, Text, renderToString, useApp, useInput, useStdout } from 'ink';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ConsoleSession } from '../console-session.js';
import type { TestRun } from '../results/index.js';
import { menuAction, menuHelpText, menuPrompt, type MenuAction } from './console-menu.js';
import { InputLine, useLineEditor, type LineHistory } from './input/index.js';
import { useLiveSnapshot, type LiveFeed } from './live-state/index.js';
import type { Scrollback } from './scrollback.js';
import { CompareTable, HistoryView, LivePanel, ResultCard, StatusLine, type LinkState } from './views/index.js';

export interface ConsoleInfo {
  transport: string;
  baud?: number | null;
  logFile?: string | null;
  seed?: string | null;
  speed?: string | null;
}

export interface AppProps {
  session: ConsoleSession;
  scrollback: Scrollback;
  feed: LiveFeed;
  info: ConsoleInfo;
  link: { get(): LinkState; subscribe(listener: () => void): () => void };
  history?: LineHistory;
  /** Past results for Ctrl-T r; absent when no history store is kept. */
  pastRuns?: () => Promise<readonly TestRun[]>;
}

function renderBlock(node: React.ReactElement, width: number): string {
  return renderToString(node, { columns: width });
}

/**
 * Ink clears the whole terminal, scrollback included, when its live frame is taller than the
 * screen: the frame must stay short whatever the device prints, so an unfinished line shows only
 * its end and the live panel needs room to spare.
 */
const LIVE_PANEL_MIN_ROWS = 24;

function promptText(tail: string, atPrompt: boolean, width: number): string {
  if (tail === '') return atPrompt ? 'sis> ' : '';
  const room = Math.max(10, Math.floor(width / 2));
  return tail.length > room ? `…${tail.slice(-(room - 1))}` : tail;
}

const QUIT_COMMANDS = new Set(['exit', 'quit']);
const CTRL_T = Uint8Array.of(0x14);

/** The `sis>` console: scrollback above (written by the Scrollback), live panel, input line, status line. */
export function App({ session, scrollback, feed, info, link, history, pastRuns }: AppProps) {
  const { exit } = useApp();
  const { write, stdout } = useStdout();
  const view = useSyncExternalStore((l) => session.subscribe(l), () => session.state);
  const tail = useSyncExternalStore((l) => scrollback.subscribe(l), () => scrollback.tail);
  const linkNow = useSyncExternalStore(link.subscribe, link.get);
  const live = useLiveSnapshot(feed);
  const [menuOpen, setMenuOpen] = useState(false);
  const [, setSettingsVersion] = useState(0);
  const printed = useRef({ result: -1, compare: -1 });
  const width = stdout.columns || 80;
  const rows = stdout.rows || 24;

  useEffect(() => {
    scrollback.setWriter(write);
    return () => scrollback.setWriter(undefined);
  }, [write]);

  useEffect(() => {
    const blocks: Array<() => string> = [];
    for (const entry of live.results) {
      if (entry.id <= printed.current.result) continue;
      printed.current.result = entry.id;
      blocks.push(() => renderBlock(<ResultCard result={entry.result} compareSide={entry.compareSide} width={width} />, width));
    }
    for (const entry of live.compares) {
      if (entry.id <= printed.current.compare) continue;
      printed.current.compare = entry.id;
      blocks.push(() => renderBlock(<CompareTable compare={entry.compare} command={entry.command} width={Math.min(width, 100)} />, width));
    }
    // Ink's layout engine is not re-entrant: render the cards after this commit has finished.
    if (blocks.length > 0) setImmediate(() => blocks.forEach((block) => scrollback.writeBlock(block())));
  }, [live.results, live.compares]);

  const submit = (line: string): void => {
    if (QUIT_COMMANDS.has(line.trim())) return exit();
    session.submit(line);
  };

  const input = useLineEditor({
    history,
    isActive: !menuOpen,
    onSubmit: submit,
    onInterrupt: () => (session.state.busy ? session.interrupt() : input.clear()),
    onEof: () => exit(),
    onEscape: () => setMenuOpen(true),
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
        write('\x1b[2J\x1b[3J\x1b[H');
        break;
      case 'results':
        void (pastRuns?.() ?? Promise.resolve([])).then((runs) =>
          scrollback.writeBlock(runs.length > 0 ? renderBlock(<HistoryView runs={runs} width={width} />, width) : 'No past results recorded.'),
        );
        break;
      case 'send-escape':
        session.interruptWith(CTRL_T);
        break;
      case 'close':
        break;
    }
    setSettingsVersion((v) => v + 1);
  };

  useInput((text, key) => act(menuAction(text, key.ctrl, key.escape)), { isActive: menuOpen });

  const settings = scrollback.settings;
  const flags = [settings.timestamps && 'timestamps', settings.metrics && 'METRIC shown', settings.hex && 'hex'].filter(Boolean);
  const running = live.test && live.test.phase === 'running' ? live.test : null;
  const hint = view.queued > 0 ? `${view.queued} queued` : view.busy ? 'Ctrl-C cancels' : 'Ctrl-T h help';
  return (
    <Box flexDirection="column">
      {running && rows >= LIVE_PANEL_MIN_ROWS && <LivePanel test={running} width={Math.min(width, 100)} />}
      <InputLine prompt={promptText(tail, session.atPrompt, width)} view={input.view} />
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
          hint={[...flags, hint].join(' | ')}
        />
      )}
    </Box>
  );
}
