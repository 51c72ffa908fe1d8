import type { EscapeTokenizerOptions, SequenceKind, StringEnd, Token } from './escape-tokens.js';
import { SEQUENCE } from './escape-tokens.js';

export const GROUND = 0;
export const ESC = 1;
export const NF = 2;
export const CSI = 3;
export const IGNORE = 4;
export const STR = 5;
export const STR_ESC = 6;
export const DISCARD = 7;
export const DISCARD_ESC = 8;
/** What `step` did with a char: consumed it (ADVANCE) or not (AGAIN), and found a token or not. */
export const AGAIN = 0;
export const ADVANCE = 1;
export const SEQUENCE_FOUND = 2;
export const CONTROL_FOUND = 4;

/**
 * The escape-sequence state machine (ECMA-48 / VT500 grammar) behind `EscapeTokenizer`: the
 * token fields it fills, and `step`, which takes one char of a sequence in progress.
 */
export class EscapeMachine {
  /** The chunk being read. */
  chunk = '';
  /** TEXT: the run is `chunk.slice(start, stop)`. CONTROL: its index. SEQUENCE: its ESC's index, -1 when it began in an earlier chunk. */
  start = 0;
  /** Just past the token's last char in the chunk (an interrupting char or newline is not the sequence's). */
  stop = 0;
  /** CONTROL: the control's code. */
  code = 0;
  kind: SequenceKind = 'esc';
  /** The final char's code (`esc`, `csi`); for `invalid`, the CAN/SUB that cancelled it, else -1. */
  final = -1;
  /** `string`: how it ended. */
  ends: StringEnd = 'eof';
  /** `string`: its first body chars, controls skipped. */
  preview = '';
  /** `string`: its body chars, controls not counted. */
  length = 0;

  protected readonly c1: boolean;
  protected readonly controlsInText: boolean;
  protected readonly execute: boolean;
  protected readonly newlineEnds: boolean;
  protected readonly maxSequence: number;
  protected readonly maxString: number;
  protected readonly discard: boolean;
  protected readonly previewLength: number;
  protected state = GROUND;
  protected at = 0;
  /** The sequence's chars after ESC held from earlier chunks (a string's: its introducer). */
  protected held = '';
  /** Where the sequence's chars after ESC start in this chunk. */
  protected from = 0;
  protected to = 0;
  /** Where the sequence's ESC is in this chunk, -1 when in an earlier one. */
  protected seqStart = -1;
  /** The next char follows an ESC that ended a string: a new sequence starts. */
  protected restart = false;
  protected body = '';
  protected bodyLength = 0;

  constructor(options: EscapeTokenizerOptions = {}) {
    this.c1 = options.c1 ?? false;
    this.controlsInText = options.controlsInText ?? false;
    this.execute = (options.controls ?? 'abort') === 'execute';
    this.newlineEnds = options.newlineEndsString ?? false;
    this.maxSequence = options.maxSequenceLength ?? 4096;
    this.maxString = options.maxStringLength ?? 4096;
    this.discard = (options.afterLongString ?? 'discard') === 'discard';
    this.previewLength = options.previewLength ?? 32;
  }

  /**
   * The chars after ESC up to the final char (excluded): `[1;31` for a CSI, `(` for `ESC ( B`,
   * '' for `ESC c`; a string's introducer (`]`); for `invalid` and `overflow`, what was collected.
   */
  get seq(): string {
    if (this.from === this.to) return this.held;
    return this.held + this.chunk.slice(this.from, this.to);
  }

  /** Fills the fields for a sequence whose chars after ESC are `held` + `chunk.slice(from, to)`. */
  protected sequence(kind: SequenceKind, to: number, final: number, stop: number): Token {
    this.kind = kind;
    this.to = to;
    this.final = final;
    this.start = this.seqStart;
    this.stop = stop;
    return SEQUENCE;
  }

  protected endString(ends: StringEnd, stop: number): Token {
    this.ends = ends;
    this.preview = this.body;
    this.length = this.bodyLength;
    this.body = '';
    this.from = this.to = 0;
    this.state = GROUND;
    return this.sequence('string', 0, -1, stop);
  }

  /** The chunk's char `c` at `i` in any state but GROUND: whether it was consumed and what it yielded. */
  protected step(chunk: string, i: number, c: number): number {
    const state = this.state;
    if (this.restart) {
      this.restart = false;
      this.held = '';
      this.from = i;
      this.seqStart = i - 1;
    }
    if (state <= IGNORE) {
      if (c < 0x20) {
        if (state === IGNORE) {
          if (this.execute && c !== 0x1b) {
            if (c !== 0x18 && c !== 0x1a) return this.control(c, i);
            this.state = GROUND;
            return ADVANCE;
          }
          this.state = GROUND;
          return AGAIN;
        }
        if (c === 0x18 || c === 0x1a) {
          this.state = GROUND;
          this.sequence('invalid', i, c, i + 1);
          return ADVANCE | SEQUENCE_FOUND;
        }
        if (this.execute && c !== 0x1b) {
          // Executed, so not part of the sequence: what came before it is held.
          this.held += chunk.slice(this.from, i);
          this.from = i + 1;
          return this.control(c, i);
        }
        this.state = GROUND;
        this.sequence('invalid', i, -1, i);
        return SEQUENCE_FOUND;
      }
      if (state === ESC) {
        if (c === 0x5b) this.state = CSI;
        else if (c === 0x5d || c === 0x50 || c === 0x58 || c === 0x5e || c === 0x5f) {
          this.state = STR;
          this.held = chunk[i]!;
          this.body = '';
          this.bodyLength = 0;
        } else if (c >= 0x20 && c <= 0x2f) this.state = NF;
        else {
          this.state = GROUND;
          if (c >= 0x30 && c <= 0x7e) {
            this.sequence('esc', i, c, i + 1);
            return ADVANCE | SEQUENCE_FOUND;
          }
          this.sequence('invalid', i, -1, i);
          return SEQUENCE_FOUND;
        }
        return ADVANCE;
      }
      if (state === IGNORE) {
        if (c >= 0x20 && c <= 0x3f) return ADVANCE;
        this.state = GROUND;
        return c >= 0x40 && c <= 0x7e ? ADVANCE : AGAIN;
      }
      const csi = state === CSI;
      if ((c >= 0x20 && c <= 0x2f) || (csi && c >= 0x30 && c <= 0x3f)) {
        if (this.held.length + i + 1 - this.from <= this.maxSequence) return ADVANCE;
        this.state = csi ? IGNORE : GROUND;
        this.sequence('overflow', i + 1, -1, i + 1);
        return ADVANCE | SEQUENCE_FOUND;
      }
      this.state = GROUND;
      if ((csi && c >= 0x40 && c <= 0x7e) || (!csi && c >= 0x30 && c <= 0x7e)) {
        this.sequence(csi ? 'csi' : 'esc', i, c, i + 1);
        return ADVANCE | SEQUENCE_FOUND;
      }
      this.sequence('invalid', i, -1, i);
      return SEQUENCE_FOUND;
    }
    if (state === STR || state === DISCARD) {
      const inBody = state === STR;
      if (c === 0x07 || c === 0x18 || c === 0x1a || (c === 0x9c && this.c1)) {
        if (!inBody) {
          this.state = GROUND;
          return ADVANCE;
        }
        this.endString(c === 0x07 ? 'bel' : c === 0x18 ? 'can' : c === 0x1a ? 'sub' : 'c1-st', i + 1);
        return ADVANCE | SEQUENCE_FOUND;
      }
      if (c === 0x1b) this.state = inBody ? STR_ESC : DISCARD_ESC;
      else if (c === 0x0a && this.newlineEnds) {
        if (!inBody) {
          this.state = GROUND;
          return AGAIN;
        }
        this.endString('newline', i);
        return SEQUENCE_FOUND;
      } else if (inBody && c >= 0x20 && c !== 0x7f && !(this.c1 && c >= 0x80 && c <= 0x9f)) {
        this.bodyLength += 1;
        if (this.body.length < this.previewLength) this.body += chunk[i]!;
        if (this.bodyLength > this.maxString) {
          this.endString('cap', i + 1);
          if (this.discard) this.state = DISCARD;
          return ADVANCE | SEQUENCE_FOUND;
        }
      }
      return ADVANCE;
    }
    // STR_ESC, DISCARD_ESC: ESC \ ends the string; any other ESC starts a new sequence.
    if (c === 0x5c) {
      if (state === DISCARD_ESC) {
        this.state = GROUND;
        return ADVANCE;
      }
      this.endString('st', i + 1);
      return ADVANCE | SEQUENCE_FOUND;
    }
    this.state = ESC;
    this.restart = true;
    if (state === DISCARD_ESC) return AGAIN;
    this.endString('esc', i - 1);
    this.state = ESC;
    return SEQUENCE_FOUND;
  }

  protected control(code: number, i: number): number {
    this.code = code;
    this.start = i;
    this.stop = i + 1;
    return ADVANCE | CONTROL_FOUND;
  }
}
