import { CONTROL, NONE, SEQUENCE, TEXT, type EscapeTokenizerOptions, type SequenceKind, type StringEnd, type Token } from './escape-tokens.js';

const GROUND = 0;
const ESC = 1;
const NF = 2;
const CSI = 3;
const IGNORE = 4;
const STR = 5;
const STR_ESC = 6;
const DISCARD = 7;
const DISCARD_ESC = 8;
/** What ends a long text run: C0, DEL, and (with `c1`) U+0080–U+009F. */
const SPECIAL = /[\x00-\x1f\x7f]/g;
const SPECIAL_C1 = /[\x00-\x1f\x7f-\x9f]/g;
/** What `step` did with a char: consumed it (ADVANCE) or not (AGAIN), and found a token or not. */
const AGAIN = 0;
const ADVANCE = 1;
const SEQUENCE_FOUND = 2;
const CONTROL_FOUND = 4;

/**
 * The one escape-sequence tokenizer (ECMA-48 / VT500 grammar), streaming, over text whose chars
 * are bytes (latin1) or UTF-16 code units; `EscapeTokenizerOptions` holds what its users differ
 * on. `push(chunk)`, then `next()` until NONE: each call yields one token and leaves it in the
 * fields below. A sequence split across chunks is held (at most the caps) and yielded whole.
 */
export class EscapeTokenizer {
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

  private readonly c1: boolean;
  private readonly controlsInText: boolean;
  private readonly execute: boolean;
  private readonly newlineEnds: boolean;
  private readonly maxSequence: number;
  private readonly maxString: number;
  private readonly discard: boolean;
  private readonly previewLength: number;
  private readonly special: RegExp;
  private state = GROUND;
  private at = 0;
  /** The sequence's chars after ESC held from earlier chunks (a string's: its introducer). */
  private held = '';
  /** Where the sequence's chars after ESC start in this chunk. */
  private from = 0;
  private to = 0;
  /** Where the sequence's ESC is in this chunk, -1 when in an earlier one. */
  private seqStart = -1;
  /** The next char follows an ESC that ended a string: a new sequence starts. */
  private restart = false;
  private body = '';
  private bodyLength = 0;

  constructor(options: EscapeTokenizerOptions = {}) {
    this.c1 = options.c1 ?? false;
    this.controlsInText = options.controlsInText ?? false;
    this.execute = (options.controls ?? 'abort') === 'execute';
    this.newlineEnds = options.newlineEndsString ?? false;
    this.maxSequence = options.maxSequenceLength ?? 4096;
    this.maxString = options.maxStringLength ?? 4096;
    this.discard = (options.afterLongString ?? 'discard') === 'discard';
    this.previewLength = options.previewLength ?? 32;
    this.special = this.c1 ? SPECIAL_C1 : SPECIAL;
  }

  /**
   * The chars after ESC up to the final char (excluded): `[1;31` for a CSI, `(` for `ESC ( B`,
   * '' for `ESC c`; a string's introducer (`]`); for `invalid` and `overflow`, what was collected.
   */
  get seq(): string {
    if (this.from === this.to) return this.held;
    return this.held + this.chunk.slice(this.from, this.to);
  }

  /** True between sequences. */
  get idle(): boolean {
    return this.state === GROUND;
  }

  /** The sequence in progress from its ESC, for a CSI, nF or ESC; '' otherwise. */
  get pending(): string {
    const s = this.state;
    return s === ESC || s === NF || s === CSI ? `\x1b${this.held}` : '';
  }

  push(chunk: string): void {
    this.chunk = chunk;
    this.at = 0;
    this.from = 0;
    this.seqStart = -1;
  }

  next(): Token {
    const chunk = this.chunk;
    const n = chunk.length;
    let i = this.at;
    while (i < n) {
      if (this.state !== GROUND) {
        const result = this.step(chunk, i, chunk.charCodeAt(i));
        if ((result & ADVANCE) !== 0) i += 1;
        if (result >= SEQUENCE_FOUND) {
          this.at = i;
          return result >= CONTROL_FOUND ? CONTROL : SEQUENCE;
        }
        continue;
      }
      // Short runs (between colour changes) are scanned here; a long one by the regex engine.
      let j = i;
      let c = 0;
      const near = i + 16 < n ? i + 16 : n;
      const c1 = this.c1;
      if (this.controlsInText) {
        while (j < near && chunk.charCodeAt(j) !== 0x1b) j += 1;
        if (j === near && j < n) {
          j = chunk.indexOf('\x1b', j);
          if (j < 0) j = n;
        }
        c = 0x1b;
      } else {
        while (j < near && (c = chunk.charCodeAt(j)) >= 0x20 && c !== 0x7f && (c < 0x80 || c > 0x9f || !c1)) j += 1;
        if (j === near && j < n) {
          const special = this.special;
          special.lastIndex = j;
          j = special.test(chunk) ? special.lastIndex - 1 : n;
          c = j < n ? chunk.charCodeAt(j) : 0;
        }
      }
      if (j > i) {
        this.at = j;
        this.start = i;
        this.stop = j;
        return TEXT;
      }
      i = j + 1;
      if (c !== 0x1b) {
        this.at = i;
        this.start = j;
        this.stop = i;
        this.code = c;
        return CONTROL;
      }
      this.held = '';
      this.from = i;
      this.seqStart = j;
      if (chunk.charCodeAt(i) === 0x5b) {
        // A whole CSI in this chunk, the common case, in one go.
        let k = i + 1;
        let f = 0;
        while (k < n && (f = chunk.charCodeAt(k)) >= 0x20 && f <= 0x3f) k += 1;
        if (k < n && f >= 0x40 && f <= 0x7e && k - i <= this.maxSequence) {
          this.at = k + 1;
          return this.sequence('csi', k, f, k + 1);
        }
      }
      this.state = ESC;
    }
    this.at = n;
    const s = this.state;
    if (s !== GROUND && s <= CSI) {
      this.held += chunk.slice(this.from);
      this.from = n;
    }
    return NONE;
  }

  /** Ends the stream (after `next()` gave NONE): SEQUENCE when a sequence was in progress, then idle. */
  end(): Token {
    const s = this.state;
    this.state = GROUND;
    this.seqStart = -1;
    this.from = this.to = 0;
    if (this.restart) {
      this.restart = false;
      this.held = '';
    }
    if (s === ESC || s === NF || s === CSI) return this.sequence('invalid', 0, -1, 0);
    if (s === STR || s === STR_ESC) return this.endString('eof', 0);
    return NONE;
  }

  /** Forgets a sequence in progress without yielding it. */
  reset(): void {
    this.state = GROUND;
    this.held = '';
    this.body = '';
    this.restart = false;
    this.at = this.chunk.length;
  }

  /** Fills the fields for a sequence whose chars after ESC are `held` + `chunk.slice(from, to)`. */
  private sequence(kind: SequenceKind, to: number, final: number, stop: number): Token {
    this.kind = kind;
    this.to = to;
    this.final = final;
    this.start = this.seqStart;
    this.stop = stop;
    return SEQUENCE;
  }

  private endString(ends: StringEnd, stop: number): Token {
    this.ends = ends;
    this.preview = this.body;
    this.length = this.bodyLength;
    this.body = '';
    this.from = this.to = 0;
    this.state = GROUND;
    return this.sequence('string', 0, -1, stop);
  }

  /** The chunk's char `c` at `i` in any state but GROUND: whether it was consumed and what it yielded. */
  private step(chunk: string, i: number, c: number): number {
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

  private control(code: number, i: number): number {
    this.code = code;
    this.start = i;
    this.stop = i + 1;
    return ADVANCE | CONTROL_FOUND;
  }
}
