import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import {
  createPromptPattern,
  EngineDriver,
  joinAdjacent,
  timingFor,
  type EngineEvent,
  type EnginePort,
  type EngineTiming,
  type PromptPattern,
  type TerminalSize,
} from '../engine/index.js';
import { isQuitLine } from '../engine/quit-lines.js';
import { PIPE_STATUS, signalStatus, type ExitSignal } from '../connect/index.js';
import type { SessionResults } from '../results/session/index.js';
import { createTerminalFilter } from '../sanitize/terminal-filter.js';
import { systemClock, type HostClock } from '../../uart/index.js';

export interface PlainModeOptions {
  port: EnginePort;
  input: Readable;
  output: Writable;
  /** Default: the SIS prompt. */
  prompt?: PromptPattern;
  /** Default: `timingFor()` (115200 baud, quiet 400 ms). */
  timing?: EngineTiming;
  /** `raw`: never line mode; lines go when output is quiet. */
  mode?: 'auto' | 'raw';
  /** With the prompt unknown, after stdin's end the output must be quiet this long to exit; default 1000 ms. */
  idleExitMs?: number;
  /** Lines waiting and nothing at all received this long: exit 4. Default 5000 ms. */
  noOutputMs?: number;
  /** Size answered to the target's terminal queries; default 80x24. */
  terminal?: TerminalSize;
  /**
   * Results collection (shell/results/session): gets the engine's events, takes console options
   * (`--output-json PATH`) off each line, and is finished at the end.
   */
  results?: Pick<SessionResults, 'engineEvent' | 'submitLine' | 'finish'>;
  /**
   * stdout is a terminal: the device's escape sequences are neutralised as in the TUI (colours
   * pass; titles, clipboard writes, screen switches and queries are shown as text) and its
   * colours are reset at the end. Default false: bytes go out exactly as received.
   */
  sanitize?: boolean;
  /** Ends the session at once with 128 + the signal's number; what finished is still written. */
  stopOn?: Promise<ExitSignal>;
  /** One-line messages for stderr; default `sis: …` on process.stderr. */
  say?: (line: string) => void;
  clock?: HostClock;
}

/** Exit statuses of plain mode (also in the usage text). */
export const PLAIN_EXIT = { OK: 0, GONE: 1, RESULTS: 2, LOST: 4 } as const;

/**
 * The console for pipes and CI: stdin lines go through the conversation engine (each once the
 * prompt is back, or once output is quiet when the target's prompt is unknown), every received
 * byte goes to `output` untouched. Resolves with the exit status once the input has ended and the
 * last command has finished, the far end went away for good, or nothing ever came.
 */
export async function runPlainMode(options: PlainModeOptions): Promise<number> {
  const { port, input, output } = options;
  const clock = options.clock ?? systemClock;
  const say = options.say ?? ((line: string) => void process.stderr.write(`sis: ${line}\n`));
  const prompt = options.prompt ?? defaultPrompt();
  const idleExitMs = options.idleExitMs ?? 1000;
  const noOutputMs = options.noOutputMs ?? 5000;
  const driver = new EngineDriver({
    port,
    prompt,
    timing: options.timing ?? timingFor(),
    unknownPrompt: 'quiet',
    encoding: 'bytes',
    clock,
    ...(options.mode && { mode: options.mode }),
    ...(options.terminal && { terminal: options.terminal }),
    beforeSend: (line, mode) => {
      if (mode === 'line' && prompt.source === defaultPrompt().source && isQuitLine(line)) return { quit: true };
      const submitted = options.results?.submitLine(line) ?? { ok: true as const, send: line };
      return submitted.ok ? { send: submitted.send } : { refused: submitted.message };
    },
  });
  const c = driver.conversation;
  let inputEnded = false;
  let inputEndedAt = 0;
  let lost = false;
  let signalled = false;
  let finished = false;
  let timer: unknown = null;
  let resolveDone!: (status: number) => void;
  const done = new Promise<number>((resolve) => (resolveDone = resolve));

  const finish = (status: number): void => {
    if (finished) return;
    finished = true;
    if (timer !== null) clock.clearTimer(timer);
    resolveDone(status);
  };
  const endStatus = (): number => (lost ? PLAIN_EXIT.LOST : PLAIN_EXIT.OK);

  /** Decides whether the session is over, or when to look again. */
  const check = (): void => {
    if (finished) return;
    if (timer !== null) clock.clearTimer(timer);
    timer = null;
    const now = clock.now();
    const waiting = c.queued.length > 0 && c.current === null;
    if (waiting && c.linkUp && !c.heardAnything) {
      const since = Math.max(c.quietSince, linkUpAt);
      if (now - since >= noOutputMs) {
        say(`no prompt from ${port.description}: waited ${(noOutputMs / 1000).toFixed(1)} s for /${prompt.source}/ and nothing arrived`);
        return finish(PLAIN_EXIT.LOST);
      }
      timer = clock.setTimer(check, since + noOutputMs - now);
      return;
    }
    if (!inputEnded || c.queued.length > 0 || c.current !== null) return;
    if (c.promptKnown && c.atPrompt) return finish(endStatus());
    if (c.promptKnown) return;
    const quietFor = now - Math.max(c.quietSince, inputEndedAt);
    if (quietFor >= idleExitMs) return finish(endStatus());
    timer = clock.setTimer(check, idleExitMs - quietFor);
  };

  let linkUpAt = clock.now();
  // Received pieces (one per line) reach stdout in one write per turn of the event loop.
  let unwritten: Uint8Array[] = [];
  let outputFailed = false;
  const screen = options.sanitize ? createTerminalFilter() : null;
  const writeOut = (): void => {
    if (unwritten.length === 0) return;
    const pieces = joinAdjacent(unwritten);
    unwritten = [];
    const bytes = pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
    if (!outputFailed) output.write(screen ? screen.push(bytes) : bytes);
  };
  // One look per turn of the event loop, however many events the turn brought.
  let checkQueued = false;
  const checkSoon = (): void => {
    if (checkQueued) return;
    checkQueued = true;
    queueMicrotask(() => {
      checkQueued = false;
      check();
    });
  };
  const onEvent = (event: EngineEvent): void => {
    options.results?.engineEvent(event);
    switch (event.type) {
      case 'received':
        if (unwritten.length === 0) queueMicrotask(writeOut);
        unwritten.push(event.chunk);
        return;
      case 'link':
        if (event.up) linkUpAt = clock.now();
        break;
      case 'command-lost':
        lost = true;
        // Once stdout's reader has gone, the lines not sent are not news to anyone.
        if (!outputFailed) say(`'${event.command.line}' lost: ${event.detail}`);
        break;
      case 'command-refused':
        say(event.message);
        break;
      case 'quit':
        return finish(endStatus());
    }
    checkSoon();
  };
  driver.on(onEvent);
  port.onClose((reason) => {
    if (reason) say(reason.message);
    finish(reason ? PLAIN_EXIT.GONE : endStatus());
  });

  // Input bytes go to the far end as they are: decoded and re-encoded one byte per character.
  input.setEncoding('latin1');
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  lines.on('line', (line) => driver.submit(line));
  lines.on('close', () => {
    inputEnded = true;
    inputEndedAt = clock.now();
    check();
  });

  // A reader that went away (`| head`) ends the session as SIGPIPE would, after the results of what
  // finished are written; any other failure to write says so once.
  output.on('error', (error: NodeJS.ErrnoException) => {
    if (outputFailed) return;
    outputFailed = true;
    unwritten = [];
    if (error.code !== 'EPIPE') say(`standard output: ${error.message}`);
    signalled = true;
    finish(error.code === 'EPIPE' ? PIPE_STATUS : PLAIN_EXIT.GONE);
  });
  void options.stopOn?.then((signal) => {
    signalled = true;
    finish(signalStatus(signal));
  });
  await driver.open();
  linkUpAt = clock.now();
  check();
  const status = await done;
  writeOut();
  if (screen && !outputFailed) output.write(screen.end());
  lines.close();
  driver.dispose();
  if (!outputFailed) await new Promise<void>((resolve) => output.write('', () => resolve()));
  await port.close();
  // Results files are written once the stream has ended; one that could not be written is exit 2.
  const results = await options.results?.finish({ cancelled: signalled });
  return results !== undefined && !results.ok && status === PLAIN_EXIT.OK ? PLAIN_EXIT.RESULTS : status;
}

function defaultPrompt(): PromptPattern {
  const parsed = createPromptPattern();
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.pattern;
}
