import { AutoctlStatusBlock } from './autoctl-block.js';
import { parseChaosLine, parseChaosOutcome } from './chaos-lines.js';
import { CompareBlock } from './compare-block.js';
import type { ChaosEventEvent, ParserEvent } from './events.js';
import { HeaderBlock } from './header-block.js';
import { ReportBlock } from './report-block.js';
import { isSummaryKey, ResultBlock, type TestContext } from './result-block.js';
import { classifyStandaloneLine, classifyTransparentLine, parseShellLine } from './simple-lines.js';
import { classifyTitle, testTypeFromLabel } from './titles.js';
import { parseKeyValueLine } from './values.js';

type Block = HeaderBlock | ResultBlock | CompareBlock | ReportBlock | AutoctlStatusBlock;

const ANCHOR = /^\[STRESS TEST\] (.+?) complete$/;

/**
 * Classifies cleaned lines (no `\r`, escapes or backspaces) and assembles blocks. Transparent
 * lines (METRIC, [TIMER], [AUTONOMY], [AI], [SAFETY], [SUMMARY], elisions) are emitted at once
 * and leave open blocks open (a block's event comes when it is complete, after such lines). A
 * chaos event waits one line for its verbose outcome.
 */
export class LineMachine {
  private block: Block | null = null;
  private pendingChaos: ChaosEventEvent | null = null;
  private test: TestContext | null = null;
  private cancelledAfterMs: number | null = null;
  private command: string | null = null;

  constructor(private readonly emit: (event: ParserEvent) => void) {}

  prompt(): void {
    this.flush();
    this.emit({ type: 'prompt', completed: this.command });
    this.command = null;
    this.test = null;
    this.cancelledAfterMs = null;
  }

  /** What followed `sis> ` on its line: an echoed command, `^C`, or a kernel line glued to it. */
  promptRemainder(text: string): void {
    const t = text.trim();
    if (t === '') return;
    if (t.endsWith('^C')) {
      this.emit({ type: 'interrupt', input: t.slice(0, -2).trim() });
    } else if (t.startsWith('[') || t.startsWith('METRIC ')) {
      this.line(t);
    } else {
      this.command = t;
      this.emit({ type: 'command', command: t });
    }
  }

  overlong(text: string): void {
    this.flushChaos();
    if (this.block) this.finishBlock(null);
    this.emit({ type: 'other', text, overlong: true });
  }

  line(text: string): void {
    const t = text.trim();
    if (t.endsWith('^C')) {
      const rest = text.slice(0, text.lastIndexOf('^C'));
      if (rest.trim() !== '') this.line(rest);
      this.flushChaos();
      if (this.block) this.finishBlock(null);
      this.emit({ type: 'interrupt', input: null });
      return;
    }
    if (t === '') return this.blank();
    const outcome = this.pendingChaos && parseChaosOutcome(t);
    if (outcome) this.pendingChaos!.outcome = outcome;
    this.flushChaos();
    if (outcome) return;
    const transparent = classifyTransparentLine(t);
    if (transparent) return this.emit(transparent);
    if (this.block) {
      if (this.block.accept(text)) return;
      this.finishBlock(t);
    }
    this.standalone(text, t);
  }

  /** Ends whatever is open (at the prompt and at the end of the stream). */
  flush(): void {
    this.flushChaos();
    if (this.block) this.finishBlock(null);
  }

  private blank(): void {
    this.flushChaos();
    const b = this.block;
    if (b && (b.kind === 'header' || (b.kind === 'autoctl-status' && !b.empty))) this.finishBlock(null);
  }

  private flushChaos(): void {
    if (!this.pendingChaos) return;
    const event = this.pendingChaos;
    this.pendingChaos = null;
    this.emit(event);
  }

  /** `next` is the line that ended the block, if any: a `[STRESSTEST]` line joins its result. */
  private finishBlock(next: string | null): void {
    const b = this.block!;
    this.block = null;
    if (b.kind === 'header') {
      const event = b.finish();
      this.test = { testType: b.testType, title: b.title, format: b.format, config: event.config, episodes: [] };
      return this.emit(event);
    }
    if (b.kind === 'result') {
      const shell = next === null ? null : parseShellLine(next);
      const type = shell && testTypeFromLabel(shell.label);
      this.emit(b.finish(shell && (type === null || type === b.testType) ? shell : null));
      this.test = null;
      this.cancelledAfterMs = null;
      return;
    }
    this.emit(b.finish());
  }

  private standalone(text: string, t: string): void {
    const title = classifyTitle(t);
    if (title) {
      if (title.kind === 'test') {
        this.test = null;
        this.block = new HeaderBlock(title.title, title.testType, title.format);
      } else if (title.kind === 'compare') {
        this.block = new CompareBlock(title.layout, title.title, title.testSeconds, null);
      } else if (title.kind === 'paired') {
        const paired = { runs: title.runs, seed_first: title.seedFirst, seed_last: title.seedLast, metrics: [] };
        this.block = new CompareBlock('paired', title.title, null, paired);
      } else if (title.kind === 'report') {
        this.block = new ReportBlock(title.format, title.title, title.scope);
      } else if (title.kind === 'autoctl-status') {
        this.block = new AutoctlStatusBlock();
      } else {
        this.emit({ type: 'boot', marker: 'shell-banner', text: t });
      }
      return;
    }
    const anchor = ANCHOR.exec(t);
    const anchorType = anchor && testTypeFromLabel(anchor[1]!);
    if (anchorType) {
      this.block = new ResultBlock(anchorType, t, this.test, this.cancelledAfterMs);
      return;
    }
    const chaos = parseChaosLine(t);
    if (chaos) {
      this.pendingChaos = chaos;
      return;
    }
    const event = classifyStandaloneLine(t);
    if (event) {
      if (event.type === 'episode' && this.test && event.reward !== null) {
        this.test.episodes.push({ episode: event.episode, reward: event.reward });
      } else if (event.type === 'test-cancelled') {
        this.cancelledAfterMs = event.afterMs;
      }
      return this.emit(event);
    }
    const kv = this.test ? parseKeyValueLine(t) : null;
    if (this.test && kv && isSummaryKey(kv.key)) {
      this.block = new ResultBlock(this.test.testType, null, this.test, this.cancelledAfterMs);
      this.block.accept(text);
      return;
    }
    this.emit({ type: 'other', text, overlong: false });
  }
}
