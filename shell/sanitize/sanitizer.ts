import { controlPicture, DIM_MARK_STYLE, ESC_PICTURE, type MarkStyle } from './visible.js';

export type NeutraliseMode = 'visible' | 'drop';

export interface SanitizerOptions {
  /** `visible` (default): neutralised bytes are shown, e.g. `␛[2J`, `␇`, `<9B>`; `drop`: removed. */
  mode?: NeutraliseMode;
  /** Written around each visible mark; default dim (`DIM_MARK_STYLE`); null for none. */
  markStyle?: MarkStyle | null;
  /** Pass SGR sequences (`ESC[…m`) unchanged (default true); false neutralises them too. */
  passSgr?: boolean;
  /** C0 controls passed unchanged (default `\n\t\r\b`: the line splitter owns `\r` and `\b`). */
  passControls?: string;
  /** Longest CSI or nF sequence, in chars after ESC (default 64); longer ones are neutralised. */
  maxSequenceLength?: number;
  /** Body chars of an OSC/DCS/SOS/PM/APC string after which it is marked and the rest discarded (default 4096). */
  maxStringLength?: number;
  /** Body chars of a string shown in visible mode (default 32); longer bodies end in `…`. */
  previewLength?: number;
  /**
   * Given: a BEL outside a string is taken out of the text and reported here, once per run of
   * `count` BELs in one push (the caller rings the bell, or not). Default: neutralised like any
   * other control.
   */
  onBell?: (count: number) => void;
}

/** Streaming filter: feed text chunks in order; a sequence split across chunks is held until complete. */
export interface Sanitizer {
  push(text: string): string;
  /** Ends the stream: an incomplete sequence is neutralised. The sanitiser can be reused after. */
  end(): string;
}

const GROUND = 0;
const ESC = 1;
const ESC_INTER = 2;
const CSI = 3;
const CSI_IGNORE = 4;
const STR = 5;
const STR_ESC = 6;
const DISCARD = 7;
const DISCARD_ESC = 8;

const SPECIAL = /[\x00-\x1f\x7f-\x9f]/g;
const SGR_PARAMS = /^\[[0-9;:]*$/;
const STRING_INTRODUCERS = ']PX^_';

/**
 * Neutralises what could act on the user's terminal in text from a device: every escape sequence
 * except SGR, OSC/DCS/SOS/PM/APC strings, C1 controls (U+0080–U+009F, each on its own: an 8-bit
 * CSI is not parsed, as latin1-decoded UTF-8 is full of such bytes), DEL and C0 controls outside
 * `passControls`. Strings end at BEL, ST (`ESC \` or U+009C), CAN, SUB, any other ESC, or a
 * newline (which is kept): noise on a serial line must not swallow the lines that follow.
 */
export function createSanitizer(options: SanitizerOptions = {}): Sanitizer {
  const visible = (options.mode ?? 'visible') === 'visible';
  const style = options.markStyle === undefined ? DIM_MARK_STYLE : options.markStyle;
  const passSgr = options.passSgr ?? true;
  const passControls = options.passControls ?? '\n\t\r\b';
  const maxSequence = options.maxSequenceLength ?? 64;
  const maxString = options.maxStringLength ?? 4096;
  const previewLength = options.previewLength ?? 32;
  const onBell = options.onBell;

  let state = GROUND;
  /** Chars after ESC of the sequence being collected (`[12;3`). */
  let seq = '';
  let preview = '';
  let bodyLength = 0;
  let out = '';

  function mark(text: string): void {
    if (visible) out += style ? style.open + text + style.close : text;
  }

  function stringHead(): string {
    return ESC_PICTURE + seq + preview + (bodyLength > preview.length ? '…' : '');
  }

  function endString(terminator: string): void {
    mark(stringHead() + terminator);
    state = GROUND;
  }

  function ground(c: number, ch: string): void {
    if (c === 0x1b) {
      state = ESC;
      seq = '';
    } else if (c < 0x20 && passControls.includes(ch)) {
      out += ch;
    } else {
      mark(controlPicture(c));
    }
  }

  /** Handles one char in any state but GROUND; returns false when it must be handled again. */
  function step(c: number, ch: string): boolean {
    switch (state) {
      case ESC:
        if (c === 0x5b) {
          state = CSI;
          seq = ch;
        } else if (STRING_INTRODUCERS.includes(ch)) {
          state = STR;
          seq = ch;
          preview = '';
          bodyLength = 0;
        } else if (c >= 0x20 && c <= 0x2f) {
          state = ESC_INTER;
          seq = ch;
        } else if (c >= 0x30 && c <= 0x7e) {
          mark(ESC_PICTURE + ch);
          state = GROUND;
        } else {
          mark(ESC_PICTURE);
          state = GROUND;
          return false;
        }
        return true;
      case ESC_INTER:
      case CSI: {
        const inter = state === ESC_INTER;
        if ((c >= 0x20 && c <= 0x2f) || (!inter && c >= 0x30 && c <= 0x3f)) {
          seq += ch;
          if (seq.length > maxSequence) {
            mark(ESC_PICTURE + seq + '…');
            state = inter ? GROUND : CSI_IGNORE;
          }
          return true;
        }
        if ((inter && c >= 0x30 && c <= 0x7e) || (!inter && c >= 0x40 && c <= 0x7e)) {
          if (!inter && c === 0x6d && passSgr && SGR_PARAMS.test(seq)) out += '\x1b' + seq + ch;
          else mark(ESC_PICTURE + seq + ch);
          state = GROUND;
          return true;
        }
        mark(ESC_PICTURE + seq);
        state = GROUND;
        return false;
      }
      case CSI_IGNORE:
        if (c >= 0x20 && c <= 0x3f) return true;
        state = GROUND;
        return c >= 0x40 && c <= 0x7e;
      case STR:
        if (c === 0x07 || c === 0x9c || c === 0x18 || c === 0x1a) endString(controlPicture(c));
        else if (c === 0x1b) state = STR_ESC;
        else if (c === 0x0a) {
          endString('');
          return false;
        } else if (c >= 0x20 && (c < 0x7f || c > 0x9f)) {
          bodyLength += 1;
          if (preview.length < previewLength) preview += ch;
          if (bodyLength > maxString) {
            mark(stringHead());
            state = DISCARD;
          }
        }
        return true;
      case STR_ESC:
        if (c === 0x5c) {
          endString(ESC_PICTURE + '\\');
          return true;
        }
        endString('');
        state = ESC;
        seq = '';
        return false;
      case DISCARD:
        if (c === 0x07 || c === 0x9c || c === 0x18 || c === 0x1a) state = GROUND;
        else if (c === 0x1b) state = DISCARD_ESC;
        else if (c === 0x0a) {
          state = GROUND;
          return false;
        }
        return true;
      default:
        state = c === 0x5c ? GROUND : ESC;
        seq = '';
        return c === 0x5c;
    }
  }

  function take(): string {
    const text = out;
    out = '';
    return text;
  }

  return {
    push(text) {
      let i = 0;
      while (i < text.length) {
        if (state === GROUND) {
          SPECIAL.lastIndex = i;
          const m = SPECIAL.exec(text);
          if (!m) {
            out += i === 0 ? text : text.slice(i);
            break;
          }
          if (m.index > i) out += text.slice(i, m.index);
          i = m.index;
          if (onBell && text.charCodeAt(i) === 0x07) {
            const run = i;
            while (text.charCodeAt(i) === 0x07) i += 1;
            onBell(i - run);
            continue;
          }
          ground(text.charCodeAt(i), text[i]!);
          i += 1;
          continue;
        }
        if (step(text.charCodeAt(i), text[i]!)) i += 1;
      }
      return take();
    },
    end() {
      if (state === ESC || state === ESC_INTER || state === CSI) mark(ESC_PICTURE + seq);
      else if (state === STR || state === STR_ESC) mark(stringHead());
      state = GROUND;
      seq = '';
      return take();
    },
  };
}

/** Sanitises a complete text in one call. */
export function sanitizeText(text: string, options: SanitizerOptions = {}): string {
  const sanitizer = createSanitizer(options);
  return sanitizer.push(text) + sanitizer.end();
}
