import { systemClock, type HostClock } from '../../../uart/index.js';
import type { EngineEvent } from '../../engine/index.js';
import type { ParserEvent } from '../../parser/index.js';
import { createOutputParser } from '../../parser/index.js';
import type { HistoryRecorder } from '../history/index.js';
import {
  createResultsBuilder,
  toResultsJson,
  writeFileAtomic,
  type ResultsBuilder,
  type ResultsDocument,
  type ResultsTarget,
} from '../index.js';
import { describeCounts } from './counts.js';
import { takeLineOptions } from './line-options.js';
import { checkOutputPath } from './output-path.js';

export interface SessionNotice {
  level: 'info' | 'error';
  message: string;
}

export interface SessionResultsOptions {
  /** Generator version written to every document (the package version). */
  version: string;
  target: ResultsTarget;
  /** The whole session's document is written here by finish() (`sis --output-json F`). Default none. */
  outputJson?: string | null;
  /** Records each command's runs and compares when its prompt returns. Default none. */
  history?: HistoryRecorder | null;
  /** Files written, write and history failures. Default: dropped. */
  onNotice?: (notice: SessionNotice) => void;
  /** Every parser event, in order, for views that want them. */
  onEvents?: (events: readonly ParserEvent[]) => void;
  /** Its wall time stamps everything. Default the system clock. */
  clock?: HostClock;
}

export type SubmittedLine = { ok: true; send: string; outputJson: string | null } | { ok: false; message: string };

export interface SessionFinish {
  document: ResultsDocument;
  /** False when a results file could not be written, or a line was refused because its file could not be. */
  ok: boolean;
}

export interface SessionResults {
  /**
   * Takes console options (`--output-json PATH`) off a line about to be sent and ties them to
   * the command it starts; `send` is what goes to the target. Call it when the line is sent,
   * after receive() has been given every byte up to the prompt the sender saw.
   */
  submitLine(line: string): SubmittedLine;
  /** Every byte received from the target, in order, for a stream without an engine (`sis parse`). */
  receive(chunk: Uint8Array): void;
  /**
   * The conversation engine's events, for a live session: its parsed events (each chunk is
   * parsed once, by the engine) and its command boundaries, which open and close the cycles.
   */
  engineEvent(event: EngineEvent): void;
  /** Commands the target did not know (`Unknown command: …`), in order. */
  readonly unknownCommands: readonly string[];
  /** The session so far. */
  document(): ResultsDocument;
  /**
   * Ends the stream: the last command is closed, pending files are written. Idempotent. With
   * `cancelled` (a signal ended the session) a test still running is recorded as CANCELLED.
   */
  finish(options?: { cancelled?: boolean }): Promise<SessionFinish>;
}

interface Cycle {
  builder: ResultsBuilder;
  line: string | null;
  outputJson: string | null;
}

/**
 * Results of a console session, command by command: a cycle runs from one prompt to the next;
 * when it closes, its runs go to the history and, if its line asked, to its own JSON file.
 */
export function createSessionResults(options: SessionResultsOptions): SessionResults {
  const { version, target } = options;
  const { clock } = options;
  const wallClock = clock ?? systemClock;
  /** When the bytes of the last read arrived (engine-driven). */
  let arrivedMs: number | null = null;
  const notice = options.onNotice ?? (() => undefined);
  const parser = createOutputParser();
  const session = createResultsBuilder({ version, target, ...(clock && { clock }) });
  const pending: Array<Promise<boolean>> = [];
  const unknownCommands: string[] = [];
  let historyFailed = false;
  let refusedOutput = false;
  let finishing: Promise<SessionFinish> | null = null;
  const newCycle = (): Cycle => ({ builder: createResultsBuilder({ version, target, ...(clock && { clock }) }), line: null, outputJson: null });
  let cycle = newCycle();
  /** A line taken by submitLine, waiting for the engine to send it. */
  let pendingLine: { line: string; outputJson: string | null } | null = null;
  let engineDriven = false;
  /** Between our command-sent and its finish: the engine, not the prompt, closes the cycle. */
  let ownCommand = false;

  /** The last write queued: writes go one after another, so files and their notices come in order. */
  let lastWrite: Promise<unknown> = Promise.resolve();
  function write(path: string, doc: ResultsDocument, what: string): void {
    const text = toResultsJson(doc);
    const written = lastWrite.catch(() => undefined).then(() => writeFileAtomic(path, text)).then((result) => {
      if (result.ok) notice({ level: 'info', message: `${what} written to ${path} (${describeCounts(doc)})` });
      else notice({ level: 'error', message: result.error.message });
      return result.ok;
    });
    lastWrite = written;
    pending.push(written);
  }

  function closeCycle(): void {
    const wanted = (options.history && !historyFailed && cycle.builder.hasRuns) || cycle.outputJson !== null;
    if (!wanted) return;
    const doc = cycle.builder.document();
    if (options.history && !historyFailed && (doc.runs.length > 0 || doc.compares.length > 0)) {
      const recorded = options.history.record(doc);
      if (!recorded.ok) {
        historyFailed = true;
        notice({ level: 'error', message: `${recorded.message} (history off for this session)` });
      }
    }
    if (cycle.outputJson !== null) write(cycle.outputJson, doc, `results of '${cycle.line ?? ''}'`);
  }

  /** `cyclesByPrompt`: without an engine, the parser's prompt events end each command; `atMs`: when their bytes arrived (default now). */
  function consume(events: readonly ParserEvent[], cyclesByPrompt: boolean, atMs?: number): void {
    if (events.length === 0) return;
    atMs ??= wallClock.wallMs();
    for (const event of events) {
      session.consume(event, atMs);
      if (event.type === 'prompt' && cyclesByPrompt) {
        closeCycle();
        cycle = newCycle();
        continue;
      }
      if (event.type === 'unknown-command') unknownCommands.push(event.command);
      cycle.builder.consume(event, atMs);
    }
    options.onEvents?.(events);
  }

  function nextCycle(): void {
    closeCycle();
    cycle = newCycle();
  }

  return {
    submitLine(line) {
      const taken = takeLineOptions(line);
      if (!taken.ok) return taken;
      if (taken.outputJson !== null) {
        const check = checkOutputPath(taken.outputJson);
        if (!check.ok) {
          refusedOutput = true;
          return { ok: false, message: `--output-json: ${check.message}` };
        }
      }
      if (engineDriven) {
        pendingLine = { line: taken.command, outputJson: taken.outputJson };
      } else {
        cycle.line = taken.command;
        cycle.outputJson = taken.outputJson;
      }
      return { ok: true, send: taken.command, outputJson: taken.outputJson };
    },
    receive(chunk) {
      if (finishing === null) consume(parser.push(chunk), true);
    },
    engineEvent(event) {
      engineDriven = true;
      if (finishing !== null) return;
      switch (event.type) {
        case 'received':
          // A read's events follow its bytes: one clock read stamps them all.
          arrivedMs = wallClock.wallMs();
          return;
        case 'parsed':
          // Between our commands, commands typed elsewhere (another client of a shared line,
          // raw keys) run from prompt to prompt, as in a transcript.
          return consume([event.event], !ownCommand, arrivedMs ?? undefined);
        case 'command-sent': {
          ownCommand = true;
          nextCycle();
          cycle.line = pendingLine?.line ?? event.command.line;
          cycle.outputJson = pendingLine?.outputJson ?? null;
          pendingLine = null;
          // The engine knows the command even when its echo is not on a `sis> ` line (a prompt
          // buried under timer output): the runs it starts are attributed to it either way.
          const command: ParserEvent = { type: 'command', command: event.command.line };
          session.consume(command);
          cycle.builder.consume(command);
          return;
        }
        case 'command-finished':
        case 'command-lost':
          ownCommand = false;
          return nextCycle();
      }
    },
    unknownCommands,
    document: () => session.document(),
    finish(finishOptions) {
      finishing ??= (async () => {
        consume(parser.end(), true);
        if (finishOptions?.cancelled) {
          cycle.builder.cancelOpenTest();
          session.cancelOpenTest();
        }
        closeCycle();
        // Built when asked for: a session without a results file need not copy its telemetry.
        let document: ResultsDocument | null = null;
        const take = (): ResultsDocument => (document ??= session.document());
        if (options.outputJson) write(options.outputJson, take(), 'session results');
        const results = await Promise.all(pending);
        return {
          get document() {
            return take();
          },
          ok: results.every(Boolean) && !refusedOutput,
        };
      })();
      return finishing;
    },
  };
}
