import type { EscapeSequence, EscapeSink, EscapeTokenizerOptions, SequenceKind, StringEnd } from './escape-tokens.js';

/** Streaming: a sequence split across chunks is held (at most the caps) and yielded whole. */
export interface EscapeTokenizer {
  push(chunk: string): void;
  /** Ends the stream: a sequence in progress is yielded (`invalid`, or a string ended `eof`). */
  end(): void;
  /** Forgets a sequence in progress without yielding it. */
  reset(): void;
  /** True between sequences. */
  readonly idle: boolean;
  /** The sequence in progress, from its ESC ('' when idle); empty for strings and dropped rests. */
  readonly pending: string;
}

const GROUND = 0;
const ESC = 1;
const NF = 2;
const CSI = 3;
const IGNORE = 4;
const STR = 5;
const STR_ESC = 6;
const DISCARD = 7;
const DISCARD_ESC = 8;

/**
 * The one escape-sequence tokenizer (ECMA-48 / VT500 grammar) over text whose chars are bytes
 * (latin1) or UTF-16 code units; see `EscapeTokenizerOptions` for the choices its users differ on.
 */
export function createEscapeTokenizer(sink: EscapeSink, options: EscapeTokenizerOptions = {}): EscapeTokenizer {
  const c1 = options.c1 ?? false;
  const execute = (options.controls ?? 'abort') === 'execute';
  const newlineEnds = options.newlineEndsString ?? false;
  const maxSequence = options.maxSequenceLength ?? 4096;
  const maxString = options.maxStringLength ?? 4096;
  const discard = (options.afterLongString ?? 'discard') === 'discard';
  const previewLength = options.previewLength ?? 32;
  const token: EscapeSequence = { kind: 'esc', seq: '', final: -1, end: 'eof', preview: '', length: 0, start: -1, stop: 0 };

  let state = GROUND;
  /** Chars after ESC held from earlier chunks. */
  let held = '';
  /** Index after ESC in the current chunk (0 when the sequence began earlier). */
  let from = 0;
  let start = -1;
  let preview = '';
  let length = 0;

  function emit(kind: SequenceKind, seq: string, final: number, stop: number): void {
    token.kind = kind;
    token.seq = seq;
    token.final = final;
    token.start = start;
    token.stop = stop;
    sink.sequence(token);
  }

  function endString(end: StringEnd, stop: number): void {
    token.end = end;
    token.preview = preview;
    token.length = length;
    emit('string', held, -1, stop);
    preview = '';
    state = GROUND;
  }

  /** Handles `c` at `i` in any state but GROUND; returns false when it must be handled again in the new state. */
  function step(chunk: string, i: number, c: number): boolean {
    if (state <= IGNORE) {
      if (c < 0x20) {
        if (state === IGNORE) {
          if (execute && c !== 0x1b) {
            if (c !== 0x18 && c !== 0x1a) sink.control(c, i);
            else state = GROUND;
            return true;
          }
          state = GROUND;
          return false;
        }
        if (c === 0x1b) {
          emit('invalid', held + chunk.slice(from, i), -1, i);
          state = GROUND;
          return false;
        }
        if (c === 0x18 || c === 0x1a) {
          emit('invalid', held + chunk.slice(from, i), c, i + 1);
          state = GROUND;
          return true;
        }
        if (execute) {
          sink.control(c, i);
          return true;
        }
        emit('invalid', held + chunk.slice(from, i), -1, i);
        state = GROUND;
        return false;
      }
      if (state === ESC) {
        if (c === 0x5b) state = CSI;
        else if (c === 0x5d || c === 0x50 || c === 0x58 || c === 0x5e || c === 0x5f) {
          state = STR;
          held = chunk[i]!;
          preview = '';
          length = 0;
        } else if (c >= 0x20 && c <= 0x2f) state = NF;
        else if (c >= 0x30 && c <= 0x7e) {
          emit('esc', '', c, i + 1);
          state = GROUND;
        } else {
          emit('invalid', '', -1, i);
          state = GROUND;
          return false;
        }
        return true;
      }
      if (state === IGNORE) {
        if (c >= 0x20 && c <= 0x3f) return true;
        state = GROUND;
        return c >= 0x40 && c <= 0x7e;
      }
      const csi = state === CSI;
      if ((c >= 0x20 && c <= 0x2f) || (csi && c >= 0x30 && c <= 0x3f)) {
        if (held.length + i + 1 - from > maxSequence) {
          emit('overflow', held + chunk.slice(from, i + 1), -1, i + 1);
          state = csi ? IGNORE : GROUND;
        }
        return true;
      }
      if ((csi && c >= 0x40 && c <= 0x7e) || (!csi && c >= 0x30 && c <= 0x7e)) {
        emit(csi ? 'csi' : 'esc', held + chunk.slice(from, i), c, i + 1);
        state = GROUND;
        return true;
      }
      emit('invalid', held + chunk.slice(from, i), -1, i);
      state = GROUND;
      return false;
    }
    if (state === STR || state === DISCARD) {
      const body = state === STR;
      if (c === 0x07 || c === 0x18 || c === 0x1a || (c1 && c === 0x9c)) {
        if (body) endString(c === 0x07 ? 'bel' : c === 0x18 ? 'can' : c === 0x1a ? 'sub' : 'c1-st', i + 1);
        else state = GROUND;
      } else if (c === 0x1b) state = body ? STR_ESC : DISCARD_ESC;
      else if (c === 0x0a && newlineEnds) {
        if (body) endString('newline', i);
        else state = GROUND;
        return false;
      } else if (body && c >= 0x20 && c !== 0x7f && !(c1 && c >= 0x80 && c <= 0x9f)) {
        length += 1;
        if (preview.length < previewLength) preview += chunk[i]!;
        if (length > maxString) {
          endString('cap', i + 1);
          if (discard) state = DISCARD;
        }
      }
      return true;
    }
    // STR_ESC, DISCARD_ESC: ESC \ ends the string; any other ESC starts a new sequence.
    if (c === 0x5c) {
      if (state === STR_ESC) endString('st', i + 1);
      else state = GROUND;
      return true;
    }
    if (state === STR_ESC) endString('esc', i - 1);
    state = ESC;
    held = '';
    from = i;
    start = i - 1;
    return false;
  }

  function reset(): void {
    state = GROUND;
    held = '';
    preview = '';
  }

  return {
    push(chunk) {
      const n = chunk.length;
      if (state !== GROUND) {
        from = 0;
        start = -1;
      }
      let i = 0;
      while (i < n) {
        if (state !== GROUND) {
          if (step(chunk, i, chunk.charCodeAt(i))) i += 1;
          continue;
        }
        let j = i;
        let c = 0;
        for (; j < n; j++) {
          c = chunk.charCodeAt(j);
          if (c < 0x20 || c === 0x7f || (c1 && c >= 0x80 && c <= 0x9f)) break;
        }
        if (j > i) sink.text(chunk, i, j);
        if (j === n) break;
        if (c === 0x1b) {
          state = ESC;
          held = '';
          from = j + 1;
          start = j;
        } else sink.control(c, j);
        i = j + 1;
      }
      if (state <= IGNORE && state !== GROUND) {
        held += chunk.slice(from);
        if (state === IGNORE) held = '';
      }
    },
    end() {
      start = -1;
      from = 0;
      if (state === ESC || state === NF || state === CSI) emit('invalid', held, -1, 0);
      else if (state === STR || state === STR_ESC) endString('eof', 0);
      reset();
    },
    reset,
    get idle() {
      return state === GROUND;
    },
    get pending() {
      return state === ESC || state === NF || state === CSI ? `\x1b${held}` : '';
    },
  };
}
