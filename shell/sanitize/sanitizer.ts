import { CONTROL, EscapeTokenizer, NONE, TEXT, type StringEnd, type Token } from '../../uart/index.js';
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

const SGR_PARAMS = /^\[[0-9;:]*$/;
/** How a string's terminator is shown; one cut short shows none. */
const STRING_ENDS: Partial<Record<StringEnd, string>> = { bel: '\u2407', 'c1-st': '<9C>', can: '\u2418', sub: '\u241a', st: `${ESC_PICTURE}\\` };

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
  const onBell = options.onBell;
  let out = '';

  function mark(text: string): void {
    if (visible) out += style ? style.open + text + style.close : text;
  }

  function control(code: number): void {
    if (code < 0x20 && passControls.includes(String.fromCharCode(code))) out += String.fromCharCode(code);
    else mark(controlPicture(code));
  }

  function sequence(t: EscapeTokenizer): void {
    switch (t.kind) {
      case 'csi':
        if (t.final === 0x6d && passSgr && SGR_PARAMS.test(t.seq)) out += `\x1b${t.seq}m`;
        else mark(ESC_PICTURE + t.seq + String.fromCharCode(t.final));
        break;
      case 'esc':
        mark(ESC_PICTURE + t.seq + String.fromCharCode(t.final));
        break;
      case 'string':
        mark(ESC_PICTURE + t.seq + t.preview + (t.length > t.preview.length ? '…' : '') + (STRING_ENDS[t.ends] ?? ''));
        break;
      case 'overflow':
        mark(`${ESC_PICTURE + t.seq}…`);
        break;
      default:
        mark(ESC_PICTURE + t.seq);
        if (t.final >= 0) control(t.final);
    }
  }

  const tokenizer = new EscapeTokenizer({
    c1: true,
    newlineEndsString: true,
    maxSequenceLength: options.maxSequenceLength ?? 64,
    maxStringLength: options.maxStringLength ?? 4096,
    previewLength: options.previewLength ?? 32,
  });

  /** Maps `token` (and those after it until NONE) to `out`; BELs in a row go to `onBell` as one run. */
  function read(first: Token): string {
    let bells = 0;
    for (let token = first; token !== NONE; token = tokenizer.next()) {
      if (token === CONTROL && tokenizer.code === 0x07 && onBell) {
        bells += 1;
        continue;
      }
      if (bells > 0) {
        onBell!(bells);
        bells = 0;
      }
      if (token === TEXT) {
        const { chunk, start, stop } = tokenizer;
        out += start === 0 && stop === chunk.length ? chunk : chunk.slice(start, stop);
      } else if (token === CONTROL) control(tokenizer.code);
      else sequence(tokenizer);
    }
    if (bells > 0) onBell!(bells);
    const text = out;
    out = '';
    return text;
  }

  const handled = handledChars(passControls);
  return {
    push(text) {
      // Text with nothing to handle (most of a flood) comes out as it went in.
      if (tokenizer.idle && !handled.test(text)) return text;
      tokenizer.push(text);
      return read(tokenizer.next());
    },
    end() {
      return read(tokenizer.end());
    },
  };
}

/** What the tokenizer must see: C0 controls that do not pass, DEL and C1. */
function handledChars(passControls: string): RegExp {
  let c0 = '';
  for (let code = 0; code < 0x20; code++) {
    if (!passControls.includes(String.fromCharCode(code))) c0 += `\\x${code.toString(16).padStart(2, '0')}`;
  }
  return new RegExp(`[${c0}\\x7f-\\x9f]`);
}

/** Sanitises a complete text in one call. */
export function sanitizeText(text: string, options: SanitizerOptions = {}): string {
  const sanitizer = createSanitizer(options);
  return sanitizer.push(text) + sanitizer.end();
}
