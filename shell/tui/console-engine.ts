import type { HostClock } from '../../uart/index.js';
import { defaultConversation, type ConversationSettings } from '../connect/index.js';
import { EngineDriver, type EngineEvent, type EnginePort, type TerminalSize } from '../engine/index.js';
import type { SessionResults } from '../results/session/index.js';
import { createLiveFeed, type LiveFeed } from './live-state/live-feed.js';
import type { Scrollback } from './scrollback.js';

export interface ConsoleEngineOptions {
  port: EnginePort;
  scrollback: Scrollback;
  /** Prompt, timing and mode; default the SIS prompt at 115200 baud. */
  conversation?: ConversationSettings;
  /** Session results: every engine event and every line about to be sent. */
  results?: Pick<SessionResults, 'engineEvent' | 'submitLine'>;
  /** The terminal's size now: answered to the target's queries, and the width of cards. */
  size: () => TerminalSize;
  /** Least wall ms between live panel redraws; default 100. */
  liveIntervalMs?: number;
  /** The engine's deadlines (settle, wake, timeouts) and the live feed run on it. Default the system clock. */
  clock?: HostClock;
}

export interface ConsoleEngine {
  readonly engine: EngineDriver;
  readonly feed: LiveFeed;
  /**
   * Where result cards go (`createCardWriter`): attached once Ink, which renders them, has loaded.
   * The events a card is made from that came before are handed to it then, in order.
   */
  attachCards(cards: (event: EngineEvent) => void): void;
  dispose(): void;
}

const dim = (text: string): string => `\x1b[2m${text}\x1b[22m`;

/**
 * The TUI's side of the engine: received bytes to the scrollback, parsed events (parsed once, by
 * the engine) to the live panel and the results, cards right after the output that made them,
 * refused and lost commands as one line each.
 */
export function createConsoleEngine(options: ConsoleEngineOptions): ConsoleEngine {
  const { scrollback, results } = options;
  const conversation = options.conversation ?? defaultConversation();
  const engine = new EngineDriver({
    port: options.port,
    ...(options.clock !== undefined && { clock: options.clock }),
    prompt: conversation.prompt,
    timing: conversation.timing,
    unknownPrompt: 'hold',
    terminal: options.size(),
    ...(conversation.raw && { mode: 'raw' as const }),
    beforeSend: (line) => {
      const checked = results?.submitLine(line) ?? { ok: true as const, send: line };
      return checked.ok ? { send: checked.send } : { refused: checked.message };
    },
  });
  // The live panel redraws at most ten times a second: enough to watch, cheap during a flood.
  const feed = createLiveFeed({ minIntervalMs: options.liveIntervalMs ?? 100, ...(options.clock !== undefined && { clock: options.clock }) });
  let cards: ((event: EngineEvent) => void) | null = null;
  let beforeCards: EngineEvent[] = [];
  // An echo after unsolicited output has no prompt before it, so the parser sees no command: the
  // live views then take it from the engine, unless the parser saw it or the command already ended.
  let echoParsed = false;
  engine.on((event: EngineEvent) => {
    results?.engineEvent(event);
    switch (event.type) {
      case 'received':
        scrollback.push(event.chunk);
        break;
      case 'parsed':
        if (event.event.type === 'command' || event.event.type === 'prompt') echoParsed = true;
        feed.push([event.event]);
        break;
      case 'command-sent':
        echoParsed = false;
        break;
      case 'command-echoed':
        if (!echoParsed) feed.push([{ type: 'command', command: event.command.line }]);
        break;
      case 'command-refused':
        scrollback.writeBlock(`sis: ${event.message}`);
        break;
      case 'command-lost':
        scrollback.writeBlock(dim(`sis: '${event.command.line}' lost: ${event.detail}`));
        break;
    }
    if (cards) cards(event);
    else if (event.type === 'parsed' || event.type === 'command-sent') beforeCards.push(event);
  });
  return {
    engine,
    feed,
    attachCards(writer) {
      cards = writer;
      for (const event of beforeCards) writer(event);
      beforeCards = [];
    },
    dispose() {
      engine.dispose();
      feed.dispose();
    },
  };
}
