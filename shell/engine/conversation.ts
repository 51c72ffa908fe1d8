import { createOutputParser, type OutputParser } from '../parser/index.js';
import { bootMarker } from './boot-markers.js';
import { EchoWatch } from './echo-watch.js';
import { LineTail } from './line-tail.js';
import { ReceivedRun } from './received-run.js';
import { TerminalQueries, type TerminalSize } from './terminal-queries.js';
import type { CommandRef, EngineEvent, EngineMode, InterruptResult, LostReason } from './types.js';
import { decodeLatin1, encodeLine } from './bytes.js';
import { WakeSchedule, type WakeFacts } from './wake-schedule.js';
import type { ConversationOptions, Running } from './conversation-options.js';

export type { ConversationOptions, SendCheck } from './conversation-options.js';

const CTRL_C = Uint8Array.of(0x03);
const NON_BLANK = /\S/;
/** After a reconnect, how long line mode waits for the prompt to come back before going raw. */
const STICKY_GRACE_MS = 3000;

/**
 * The one conversation with the far end (design.md §The console and the stream): decides when a
 * line goes out and which command each byte and parsed event belongs to. Pure: it is fed bytes,
 * lines, keys, link changes and the time (ms, any origin), and calls `send` and `emit`. A host
 * calls `tick(now)` at `nextDeadline()`.
 */
export class Conversation {
  private readonly tail = new LineTail();
  private readonly received = new ReceivedRun();
  private readonly emitNow = (event: EngineEvent): void => this.options.emit(event);
  private readonly parser: OutputParser = createOutputParser();
  private readonly queries: TerminalQueries;
  private readonly lineEnding: string;
  private readonly queue: string[] = [];
  private forced: 'auto' | 'raw';
  private link = false;
  private known = false;
  /** A prompt match (bare or glued) arrived on this connection. */
  private family = false;
  private settled = false;
  private candidateSince: number | null = null;
  private lastByteAt = -Infinity;
  private receivedAny = false;
  private running: Running | null = null;
  private nextId = 1;
  private readonly wakes: WakeSchedule;
  private readonly facts: WakeFacts = this.wakeFacts();
  private interruptArmed = false;
  private lastMode: EngineMode = 'raw';
  private lastLine = '';
  private quitting = false;
  private promptLine = '';
  /** This far end answered a re-ask Enter with a glued prompt again: it glues every prompt. */
  private gluedAnswers = false;
  /** A glued prompt arrived since the last settled prompt or send. */
  private gluedPending = false;
  /** Line mode kept across a link drop until then (Infinity while down); null: not kept. */
  private stickyUntil: number | null = null;

  constructor(private readonly options: ConversationOptions) {
    this.forced = options.mode ?? 'auto';
    this.lineEnding = options.lineEnding ?? '\r';
    this.queries = new TerminalQueries(options.terminal ?? { columns: 80, rows: 24 });
    this.wakes = new WakeSchedule(options.timing);
  }

  /**
   * Line mode while the prompt is known, and also while a link that had it is down and for a
   * grace time after it is back: lines typed meanwhile are queued, not lost as raw keys.
   */
  get mode(): EngineMode {
    return this.forced === 'raw' || (!this.known && this.stickyUntil === null) ? 'raw' : 'line';
  }

  /** The settled prompt is the last thing received and no line is on its way. */
  get atPrompt(): boolean {
    return this.settled && this.running === null;
  }

  get promptKnown(): boolean {
    return this.known;
  }

  get linkUp(): boolean {
    return this.link;
  }

  get current(): CommandRef | null {
    return this.running?.ref ?? null;
  }

  get queued(): readonly string[] {
    return this.queue;
  }

  /** The current unterminated line as shown, e.g. the prompt. */
  get tailText(): string {
    return this.tail.cleaned;
  }

  /** The text of the last prompt that settled (`sis> `), to show again after unsolicited output. */
  get lastPrompt(): string {
    return this.promptLine;
  }

  /** The last non-blank complete line received, for messages. */
  get lastLineSeen(): string {
    return this.lastLine;
  }

  get heardAnything(): boolean {
    return this.receivedAny;
  }

  get quietSince(): number {
    return this.lastByteAt;
  }

  setForcedMode(mode: 'auto' | 'raw'): void {
    this.forced = mode;
    this.announceMode();
  }

  resizeTerminal(size: TerminalSize): void {
    this.queries.resize(size);
  }

  linkChanged(up: boolean, now: number): void {
    if (up === this.link) return;
    // A prompt that was the last thing on a link that ended stayed the last thing.
    if (!up && this.candidateSince !== null && this.running !== null && this.running.echo.echoed) this.finish();
    if (!up && this.known) this.stickyUntil = Infinity;
    else if (up && this.stickyUntil !== null) this.stickyUntil = now + STICKY_GRACE_MS;
    this.link = up;
    this.receivedAny = false;
    this.lastByteAt = -Infinity;
    this.gluedAnswers = false;
    this.gluedPending = false;
    this.tail.reset();
    this.known = false;
    this.family = false;
    this.settled = false;
    this.candidateSince = null;
    this.wakes.linkChanged(up, now);
    if (!up) this.lose('link-down', 'the link went down');
    this.emit({ type: 'link', up });
    this.announceMode();
  }

  receive(chunk: Uint8Array, now: number): void {
    if (chunk.length === 0) return;
    this.lastByteAt = now;
    this.receivedAny = true;
    // Line by line, so that events come in the same order however the stream was cut.
    // latin1: one char per byte, so text offsets are byte offsets.
    const text = decodeLatin1(chunk);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      this.receivePiece(chunk, start, nl + 1, text.slice(start, nl + 1), now);
      start = nl + 1;
    }
    if (start < chunk.length) this.receivePiece(chunk, start, chunk.length, text.slice(start), now);
    this.received.flush(this.emitNow);
    const tailText = this.tail.cleaned;
    const answers = this.queries.scan(chunk, () => tailText.length);
    if (answers !== null) this.options.send(new TextEncoder().encode(answers));
    const prompt = this.options.prompt.match(tailText);
    if (prompt === 'bare') {
      this.candidateSince = now;
      this.family = true;
      this.wakes.promptShown(now);
    } else {
      this.candidateSince = null;
      if (prompt === 'glued') this.sawGlued(now);
    }
  }

  /** Bytes `[start, end)` of `chunk`, one line or the unterminated rest, decoded as `text`. */
  private receivePiece(chunk: Uint8Array, start: number, end: number, text: string, now: number): void {
    this.received.add(chunk, start, end, this.running?.ref.id ?? null, this.emitNow);
    for (const event of this.parser.pushText(text)) {
      this.emit({ type: 'parsed', event, command: this.running?.ref.id ?? null });
      if (event.type === 'boot') this.rebooted(event.text);
    }
    const line = this.tail.pushPiece(text);
    if (line === undefined) return;
    const running = this.running;
    if (running && !running.echo.echoed) {
      running.echo.observe([line]);
      if (running.echo.echoed) this.emit({ type: 'command-echoed', command: running.ref });
    }
    this.observeLine(line, now);
  }

  /** The far end is known to have nothing more to say now (the embedded model, idle). */
  quiescent(now: number): void {
    const running = this.running;
    if (this.candidateSince !== null && (running === null || running.echo.echoed || running.echo.answered)) this.promptSettled(now);
  }

  /** A line from the user or a script: queued, sent once the target can take it. */
  submit(line: string, now: number): void {
    this.queue.push(line);
    this.interruptArmed = false;
    this.emit({ type: 'queue', lines: [...this.queue] });
    if (this.settled && this.running === null) this.sendNext(now);
    else this.wakes.armReask(now, this.facts);
  }

  /** Keys typed in raw mode: straight to the target. */
  key(bytes: Uint8Array): void {
    if (!this.link || bytes.length === 0) return;
    this.settled = false;
    this.wakes.keyTyped();
    this.options.send(bytes);
  }

  /** Ctrl-C: to the target, unless the line is idle with lines queued (then the queue goes). */
  interrupt(): InterruptResult {
    if (this.running === null && this.queue.length > 0 && !this.interruptArmed) {
      this.dropQueue();
      this.interruptArmed = true;
      return 'cleared-queue';
    }
    this.interruptArmed = false;
    if (this.link) this.options.send(CTRL_C);
    return 'sent';
  }

  dropQueue(): readonly string[] {
    const lines = this.queue.splice(0);
    if (lines.length > 0) {
      this.emit({ type: 'queue-dropped', lines });
      this.emit({ type: 'queue', lines: [] });
    }
    return lines;
  }

  /** The stream has ended: the parser's last events, and a running command is lost. */
  end(): void {
    for (const event of this.parser.end()) {
      this.emit({ type: 'parsed', event, command: this.running?.ref.id ?? null });
    }
    this.lose('ended', 'the connection ended');
  }

  nextDeadline(): number | null {
    const { timing } = this.options;
    let next = Infinity;
    const settleWait = this.settleWait();
    if (this.candidateSince !== null && settleWait !== null) next = this.candidateSince + settleWait;
    next = Math.min(next, this.wakes.deadline(this.facts));
    if (this.quietWaiting()) next = Math.min(next, Math.max(this.lastByteAt, this.running?.sentAt ?? -Infinity) + timing.quietMs);
    if (this.gluedSettles()) next = Math.min(next, this.lastByteAt + timing.settleMs);
    if (this.stickyUntil !== null && this.link) next = Math.min(next, this.stickyUntil);
    return next === Infinity ? null : next;
  }

  tick(now: number): void {
    const { timing } = this.options;
    const settleWait = this.settleWait();
    if (this.candidateSince !== null && settleWait !== null && now - this.candidateSince >= settleWait) {
      this.promptSettled(now);
    }
    if (this.gluedSettles() && now - this.lastByteAt >= timing.settleMs) this.promptSettled(now);
    if (this.stickyUntil !== null && this.link && now >= this.stickyUntil) {
      this.stickyUntil = null;
      this.announceMode();
    }
    this.wakes.tick(now, this.facts, (attempt) => this.wake(attempt));
    if (this.quietWaiting() && now - Math.max(this.lastByteAt, this.running?.sentAt ?? -Infinity) >= timing.quietMs) {
      if (this.running?.quiet) this.finish();
      if (this.running === null) this.sendNext(now, true);
    }
  }

  /**
   * How long a bare prompt must stay last: the settle time; for a command whose echo never came
   * but which was answered (a target that does not echo), the quiet time; before any answer, never.
   */
  private settleWait(): number | null {
    const running = this.running;
    const { timing } = this.options;
    if (running === null || running.quiet || running.echo.echoed) return timing.settleMs;
    return running.echo.answered ? timing.quietMs : null;
  }

  /** A far end that glues every prompt: its glued prompt ends a command once the output is quiet. */
  private gluedSettles(): boolean {
    return this.gluedAnswers && this.gluedPending && this.needsPrompt();
  }

  private wakeFacts(): WakeFacts {
    const c = this;
    return {
      get receivedAny() {
        return c.receivedAny;
      },
      get lastByteAt() {
        return c.lastByteAt;
      },
      get unsettledIdle() {
        const idle = c.running === null && c.queue.length === 0;
        return c.link && !c.known && c.family && c.receivedAny && c.candidateSince === null && idle;
      },
      needsPrompt: () => c.needsPrompt(),
    };
  }

  private quietWaiting(): boolean {
    // The wake Enter goes first: a known prompt may answer it.
    if (this.known || this.family || !this.link || this.wakes.waking) return false;
    if (this.running !== null) return this.running.quiet;
    return this.options.unknownPrompt === 'quiet' && this.queue.length > 0 && this.receivedAny;
  }

  /** Every event but `received` goes out here: bytes received before it go first. */
  private emit(event: EngineEvent): void {
    this.received.flush(this.emitNow);
    this.options.emit(event);
  }

  private observeLine(line: string, now: number): void {
    if (NON_BLANK.test(line)) this.lastLine = line;
    const marker = bootMarker(line);
    if (marker !== null) this.rebooted(marker);
    else if (this.running?.echo.isEchoLine(line)) return;
    else if (this.options.prompt.match(line) !== null) this.sawGlued(now);
  }

  private sawGlued(now: number): void {
    this.family = true;
    // Learnt only once a bare prompt has been seen: a board still booting glues prompts too.
    if (this.wakes.reasked && this.known) this.gluedAnswers = true;
    this.gluedPending = true;
    if (this.running?.echo.echoed) this.running.gluedAfterEcho = true;
    this.wakes.armReask(now, this.facts);
  }

  /** Whether a prompt is wanted now: a line waits, or the running command's prompt was buried. */
  private needsPrompt(): boolean {
    if (!this.link || this.settled || !this.family) return false;
    if (this.running !== null) return this.running.gluedAfterEcho;
    return this.queue.length > 0;
  }

  private wake(attempt: number): void {
    if (!this.link) return;
    this.emit({ type: 'wake', attempt });
    this.options.send(encodeLine('', this.lineEnding));
  }

  private promptSettled(now: number): void {
    if (this.candidateSince !== null) this.promptLine = this.tail.cleaned;
    this.candidateSince = null;
    this.gluedPending = false;
    this.settled = true;
    this.known = true;
    this.stickyUntil = null;
    this.wakes.promptSettled();
    this.announceMode();
    if (this.running !== null) this.finish();
    this.emit({ type: 'prompt' });
    this.sendNext(now);
  }

  private finish(): void {
    const running = this.running;
    if (running === null) return;
    this.running = null;
    this.emit({ type: 'command-finished', command: running.ref });
  }

  private sendNext(now: number, quiet = false): void {
    if (!this.link || this.running !== null || this.quitting) return;
    for (let line = this.queue.shift(); line !== undefined; line = this.queue.shift()) {
      const checked = this.options.beforeSend?.(line, this.mode) ?? { send: line };
      if ('quit' in checked) {
        this.emit({ type: 'queue', lines: [...this.queue] });
        this.quitting = true;
        this.emit({ type: 'quit', line });
        return;
      }
      if ('refused' in checked) {
        this.emit({ type: 'queue', lines: [...this.queue] });
        this.emit({ type: 'command-refused', line, message: checked.refused });
        continue;
      }
      const ref: CommandRef = { id: this.nextId++, line: checked.send };
      const echo = new EchoWatch();
      const bytes = encodeLine(checked.send, this.lineEnding, this.options.encoding);
      echo.expect(decodeLatin1(bytes.subarray(0, bytes.length - this.lineEnding.length)));
      this.running = { ref, echo, quiet, sentAt: now, gluedAfterEcho: false };
      this.settled = false;
      this.gluedPending = false;
      this.candidateSince = null;
      this.interruptArmed = false;
      this.emit({ type: 'queue', lines: [...this.queue] });
      this.emit({ type: 'command-sent', command: ref });
      this.options.send(bytes);
      return;
    }
  }

  private rebooted(marker: string): void {
    this.known = false;
    this.stickyUntil = null;
    this.gluedAnswers = false;
    this.family = false;
    this.settled = false;
    this.lose('reboot', `the target rebooted (${marker})`);
    this.announceMode();
  }

  private lose(reason: LostReason, detail: string): void {
    const running = this.running;
    if (running === null) return;
    this.running = null;
    this.emit({ type: 'command-lost', command: running.ref, reason, detail });
  }

  private announceMode(): void {
    const mode = this.mode;
    if (mode === this.lastMode) return;
    this.lastMode = mode;
    this.emit({ type: 'mode', mode });
  }
}
