import { CONTROL, NONE, SEQUENCE, TEXT, type EscapeTokenizerOptions, type Token } from './escape-tokens.js';
import { ADVANCE, CONTROL_FOUND, CSI, ESC, EscapeMachine, GROUND, NF, SEQUENCE_FOUND, STR, STR_ESC } from './escape-machine.js';

/** What ends a long text run: C0, DEL, and (with `c1`) U+0080–U+009F. */
const SPECIAL = /[\x00-\x1f\x7f]/g;
const SPECIAL_C1 = /[\x00-\x1f\x7f-\x9f]/g;

/**
 * The one escape-sequence tokenizer (ECMA-48 / VT500 grammar), streaming, over text whose chars
 * are bytes (latin1) or UTF-16 code units; `EscapeTokenizerOptions` holds what its users differ
 * on. `push(chunk)`, then `next()` until NONE: each call yields one token and leaves it in the
 * fields of `EscapeMachine`. A sequence split across chunks is held (at most the caps) and yielded whole.
 */
export class EscapeTokenizer extends EscapeMachine {
  private readonly special: RegExp;

  constructor(options: EscapeTokenizerOptions = {}) {
    super(options);
    this.special = this.c1 ? SPECIAL_C1 : SPECIAL;
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
}
