import { appendHistory, historyEntries, type HistoryRecorder } from '../history/index.js';
import type { Connection } from '../connect/index.js';
import type { ParserEvent } from '../parser/index.js';
import { createSessionResults } from '../session-results/index.js';
import type { ReconnectState } from '../../uart/index.js';
import { createHistoryIndex, entryId, type HistoryIndex } from './history-index.js';
import type { WireLink } from './wire.js';

export type AttachEvent =
  | { type: 'parsed'; events: readonly ParserEvent[] }
  | { type: 'raw'; bytes: Uint8Array }
  | { type: 'link'; link: WireLink }
  /** Results of `command` went to the history under these ids (before its prompt's event). */
  | { type: 'recorded'; command: string | null; ids: string[] };

/**
 * Everything the dashboard needs from the target, in one place: send a line, Ctrl-C or raw keys;
 * hear parsed events, raw bytes, the link and what reached the history. Built on the console's
 * parts (the opened connection, the session results with their parser, the history store).
 */
export interface Attachment {
  readonly description: string;
  readonly link: WireLink;
  readonly history: HistoryIndex;
  /** Sends a line as typed at `sis>` (then Enter). */
  submit(line: string): void;
  interrupt(): void;
  writeRaw(bytes: Uint8Array): void;
  onEvent(listener: (event: AttachEvent) => void): () => void;
  close(): Promise<void>;
}

export interface AttachOptions {
  connection: Connection;
  version: string;
  /** Null: results are kept in memory only (`--no-history`). */
  historyPath: string | null;
  /** Clock for `recorded_at`; default `() => new Date()`. */
  now?: () => Date;
}

const ENTER = Uint8Array.of(0x0d);
const CTRL_C = Uint8Array.of(0x03);
const PROMPT = 'sis> ';

export function attachTarget(options: AttachOptions): Attachment {
  const { connection, historyPath } = options;
  const { port } = connection;
  const now = options.now ?? (() => new Date());
  const listeners = new Set<(event: AttachEvent) => void>();
  const emit = (event: AttachEvent): void => {
    for (const listener of [...listeners]) listener(event);
  };
  const history = createHistoryIndex(historyPath);
  history.refresh();
  const target = { kind: connection.target.kind === 'model' ? ('model' as const) : ('board' as const), transport: port.description };

  const recorder: HistoryRecorder = {
    path: historyPath ?? '',
    record(doc) {
      const entries = historyEntries(doc, 'console', now());
      const lines = entries.map((e) => JSON.stringify(e));
      if (historyPath === null) {
        history.addLines(lines);
      } else {
        const written = appendHistory(historyPath, entries);
        if (!written.ok) return written;
        history.refresh();
      }
      const ids = lines.map(entryId);
      const command = doc.runs[0]?.command ?? doc.compares[0]?.command ?? null;
      emit({ type: 'recorded', command, ids });
      return { ok: true, appended: entries.length };
    },
  };
  /** A line waiting for a fresh prompt (the one shown had kernel noise printed after it). */
  let queued: string | null = null;
  /** Whether the stream received so far ends with the prompt. */
  let tailIsPrompt = false;
  const send = (line: string): void => {
    const submitted = results.submitLine(line);
    const text = submitted.ok ? submitted.send : line;
    tailIsPrompt = false;
    port.write(Buffer.concat([Buffer.from(text, 'utf8'), ENTER]));
  };
  const results = createSessionResults({
    version: options.version,
    target,
    history: recorder,
    onEvents: (events) => {
      emit({ type: 'parsed', events });
      if (queued !== null && tailIsPrompt && events.some((e) => e.type === 'prompt')) {
        const line = queued;
        queued = null;
        send(line);
      }
    },
    now,
  });

  port.onData((bytes) => {
    emit({ type: 'raw', bytes });
    tailIsPrompt = Buffer.from(bytes).toString('latin1').endsWith(PROMPT);
    results.receive(bytes);
  });
  port.onState((state) => emit({ type: 'link', link: wireLink(state, port.description) }));

  return {
    description: port.description,
    get link() {
      return wireLink(port.state, port.description);
    },
    history,
    submit(line) {
      if (tailIsPrompt) return send(line);
      // Sent after noise, the echo would not start with the prompt and the parser could not
      // tie the output to the line: ask for a fresh prompt first.
      queued = line;
      port.write(ENTER);
    },
    interrupt: () => port.write(CTRL_C),
    writeRaw: (bytes) => port.write(bytes),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await results.finish();
      await connection.close();
    },
  };
}

export function wireLink(state: ReconnectState, target: string): WireLink {
  switch (state.status) {
    case 'connecting':
    case 'connected':
      return { status: state.status, target };
    case 'waiting':
      return {
        status: 'waiting',
        target,
        attempt: state.attempt,
        retryInMs: Math.max(0, state.retryAtMs - Date.now()),
        error: state.lastError.message,
      };
    case 'disconnected':
      return { status: 'disconnected', target, error: state.reason?.message ?? null };
  }
}
