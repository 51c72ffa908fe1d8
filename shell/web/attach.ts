import { appendHistory, historyEntries, type HistoryRecorder } from '../results/history/index.js';
import { defaultConversation, type Connection, type ConversationSettings } from '../connect/index.js';
import { EngineDriver, type CommandRef, type EngineView, type LostReason } from '../engine/index.js';
import type { ParserEvent } from '../parser/index.js';
import { parseCommandFlags, type ResultsDocument } from '../results/index.js';
import { createSessionResults } from '../results/session/index.js';
import type { ReconnectState } from '../../uart/index.js';
import { createHistoryIndex, entryId, type HistoryIndex } from './history-index.js';
import type { WireLink } from './wire.js';

export type AttachEvent =
  /** Parsed once by the engine; `command` is the id of the command they belong to. */
  | { type: 'parsed'; events: readonly ParserEvent[]; command: number | null }
  | { type: 'raw'; bytes: Uint8Array }
  | { type: 'link'; link: WireLink }
  | { type: 'command'; phase: 'sent' | 'echoed' | 'finished'; command: CommandRef }
  | { type: 'command'; phase: 'lost'; command: CommandRef; reason: LostReason; detail: string }
  | { type: 'command'; phase: 'refused'; line: string; message: string }
  /** Results of command `command` went to the history under these ids (before its `finished`). */
  | { type: 'recorded'; command: number | null; ids: string[] }
  | { type: 'engine'; view: EngineView };

/**
 * Everything the dashboard needs from the target, in one place: the conversation engine (which
 * decides when a line goes out and which command output belongs to), the session results it
 * feeds, and the history they are recorded to.
 */
export interface Attachment {
  readonly description: string;
  readonly link: WireLink;
  readonly engine: EngineView;
  readonly history: HistoryIndex;
  /** Queues a line for the engine, sent once the prompt is back. */
  submit(line: string): void;
  interrupt(): void;
  /** Keys typed at the web terminal, straight to the target. */
  writeRaw(bytes: Uint8Array): void;
  onEvent(listener: (event: AttachEvent) => void): () => void;
  close(): Promise<void>;
}

export interface AttachOptions {
  connection: Connection;
  version: string;
  /** Null: results are kept in memory only (`--no-history`). */
  historyPath: string | null;
  /** Prompt, timing and mode; default the SIS prompt at 115200 baud. */
  conversation?: ConversationSettings;
}

export async function attachTarget(options: AttachOptions): Promise<Attachment> {
  const { connection, historyPath } = options;
  const { port, clock } = connection;
  const listeners = new Set<(event: AttachEvent) => void>();
  const emit = (event: AttachEvent): void => {
    for (const listener of [...listeners]) listener(event);
  };
  const history = createHistoryIndex(historyPath);
  history.refresh();
  const target = { kind: connection.target.kind === 'model' ? ('model' as const) : ('board' as const), transport: port.description };
  let running: number | null = null;
  let runningLine: string | null = null;

  const recorder: HistoryRecorder = {
    path: historyPath ?? '',
    record(doc) {
      const entries = historyEntries(withCommand(doc, runningLine), 'console', new Date(clock.wallMs()));
      const lines = entries.map((e) => JSON.stringify(e));
      if (historyPath === null) {
        history.addLines(lines);
      } else {
        const written = appendHistory(historyPath, entries);
        if (!written.ok) return written;
        history.refresh();
      }
      emit({ type: 'recorded', command: running, ids: lines.map(entryId) });
      return { ok: true, appended: entries.length };
    },
  };
  const results = createSessionResults({ version: options.version, target, history: recorder, clock });
  const conversation = options.conversation ?? defaultConversation();
  const driver = new EngineDriver({
    port,
    clock,
    prompt: conversation.prompt,
    timing: conversation.timing,
    unknownPrompt: 'hold',
    ...(conversation.raw && { mode: 'raw' as const }),
    beforeSend: (line) => {
      const checked = results.submitLine(line);
      return checked.ok ? { send: checked.send } : { refused: checked.message };
    },
  });
  driver.on((event) => {
    if (event.type === 'command-sent') {
      running = event.command.id;
      runningLine = event.command.line;
    }
    results.engineEvent(event);
    switch (event.type) {
      case 'received':
        return emit({ type: 'raw', bytes: event.chunk });
      case 'parsed':
        return emit({ type: 'parsed', events: [event.event], command: event.command });
      case 'command-sent':
      case 'command-echoed':
      case 'command-finished':
        if (event.type === 'command-finished') {
          running = null;
          runningLine = null;
        }
        return emit({ type: 'command', phase: event.type.slice('command-'.length) as 'sent', command: event.command });
      case 'command-lost':
        running = null;
        runningLine = null;
        return emit({ type: 'command', phase: 'lost', command: event.command, reason: event.reason, detail: event.detail });
      case 'command-refused':
        return emit({ type: 'command', phase: 'refused', line: event.line, message: event.message });
    }
  });
  const view = (): EngineView => driver.getView();
  let last = JSON.stringify(view());
  const viewChanged = (): void => {
    const next = view();
    const text = JSON.stringify(next);
    if (text === last) return;
    last = text;
    emit({ type: 'engine', view: next });
  };
  driver.subscribe(viewChanged);
  driver.on((event) => {
    if (event.type === 'queue' || event.type === 'queue-dropped') queueMicrotask(viewChanged);
  });
  port.onState((state) => emit({ type: 'link', link: wireLink(state, port.description, clock.now()) }));
  await driver.open();

  return {
    description: port.description,
    get link() {
      return wireLink(port.state, port.description, clock.now());
    },
    get engine() {
      return view();
    },
    history,
    submit: (line) => driver.submit(line),
    interrupt: () => void driver.interrupt(),
    writeRaw: (bytes) => driver.key(bytes),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      driver.dispose();
      await results.finish();
      await connection.close();
    },
  };
}

/**
 * The results builder names a run's command from the echo `sis> {line}`; an echo that follows
 * kernel noise printed after the prompt has no prompt before it. The engine still knows which
 * command the output belongs to: its line names the runs that lack one.
 */
export function withCommand(doc: ResultsDocument, line: string | null): ResultsDocument {
  if (line === null) return doc;
  return {
    ...doc,
    runs: doc.runs.map((run) =>
      run.command === null ? { ...run, command: line, config: { ...run.config, flags: parseCommandFlags(line) } } : run,
    ),
    compares: doc.compares.map((compare) =>
      compare.command === null
        ? { ...compare, command: line, type: compare.type ?? ((/^stresstest compare (\w+)/.exec(line)?.[1] ?? null) as typeof compare.type) }
        : compare,
    ),
  };
}

/** `nowMs` on the clock the port's `retryAtMs` is on. */
export function wireLink(state: ReconnectState, target: string, nowMs: number): WireLink {
  switch (state.status) {
    case 'connecting':
    case 'connected':
      return { status: state.status, target };
    case 'waiting':
      return {
        status: 'waiting',
        target,
        attempt: state.attempt,
        retryInMs: Math.max(0, state.retryAtMs - nowMs),
        error: state.lastError.message,
      };
    case 'disconnected':
      return { status: 'disconnected', target, error: state.reason?.message ?? null };
  }
}
