import { Buffer } from 'node:buffer';
import { CONTROL, EscapeTokenizer, NONE, TEXT, type Token } from '../../uart/index.js';

/** One byte → one char (latin1), so a chunk can be decoded on its own at any split point. */
export function decodeLatin1(chunk: Uint8Array): string {
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
}

/** C0 controls and DEL, except backspace (handled by `applyBackspaces`) and tab. */
const NEEDS_CLEANING = /[\x00-\x07\x0a-\x1f\x7f]/;
const CONTROLS = /[\x00-\x07\x0a-\x1f\x7f]/g;

/** Lines are cleaned whole, so nothing is capped: any line is held at most once. */
const tokenizer = new EscapeTokenizer({ maxSequenceLength: Infinity, maxStringLength: Infinity, previewLength: Infinity });

/**
 * The cleaned text of the tokens from `first` until NONE. A sequence that turns out not to be one
 * (cut short, or a string without BEL or ST) leaves what followed its ESC as text, or, with
 * `stopAtIncomplete`, ends the cleaned text there.
 */
function read(first: Token, stopAtIncomplete: boolean): string {
  let cleaned = '';
  for (let token = first; token !== NONE; token = tokenizer.next()) {
    if (token === TEXT) cleaned += tokenizer.chunk.slice(tokenizer.start, tokenizer.stop);
    else if (token === CONTROL) {
      const code = tokenizer.code;
      if (code === 0x08 || code === 0x09) cleaned += code === 0x08 ? '\b' : '\t';
    } else {
      const kind = tokenizer.kind;
      if (kind === 'csi' || kind === 'esc' || kind === 'overflow') continue;
      const ends = tokenizer.ends;
      if (kind === 'string' && (ends === 'bel' || ends === 'st' || ends === 'can' || ends === 'sub')) continue;
      if (stopAtIncomplete) {
        tokenizer.reset();
        break;
      }
      cleaned += kind === 'string' ? tokenizer.seq + tokenizer.preview : tokenizer.seq;
    }
  }
  return cleaned;
}

/**
 * The last line found to have no controls: the engine's parser and its line tail clean each
 * received line in turn, and comparing with the line before costs less than the scan.
 */
let lastPlain = '';

/** Removes escape sequences, `\r` and other control characters except `\b` and `\t`. */
export function cleanControls(raw: string): string {
  // Most lines' only control is the CR of their CR LF: cut it off rather than copy the line.
  const end = raw.length - 1;
  const body = end >= 0 && raw.charCodeAt(end) === 0x0d ? raw.slice(0, end) : raw;
  if (body === lastPlain) return body;
  if (!NEEDS_CLEANING.test(body)) {
    lastPlain = body;
    return body;
  }
  // Without an ESC there is no sequence: what goes is what the tokenizer would yield as controls.
  if (raw.indexOf('\x1b') < 0) return raw.replace(CONTROLS, '');
  tokenizer.push(raw);
  return read(tokenizer.next(), false) + read(tokenizer.end(), false);
}

/** Applies `\b \b` (and a lone `\b`) as the deletion of the previous character. */
export function applyBackspaces(text: string): string {
  if (text.indexOf('\b') < 0) return text;
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\b') {
      out.push(c);
      continue;
    }
    out.pop();
    if (text[i + 1] === ' ' && text[i + 2] === '\b') i += 2;
  }
  return out.join('');
}

/**
 * The cleaned text before the first escape byte that does not start a complete sequence. A
 * sequence split by a chunk boundary can still change what follows it, but never what precedes.
 */
function cleanBeforeIncompleteEscape(raw: string): string {
  if (raw.indexOf('\x1b') < 0) return cleanControls(raw);
  tokenizer.push(raw);
  const head = read(tokenizer.next(), true);
  tokenizer.reset();
  return head;
}

export const PROMPT = 'sis> ';
/** Raw characters looked at when deciding whether a line starts with the prompt. */
export const PROMPT_WINDOW = 4096;

function printableHead(raw: string): boolean {
  for (let i = 0; i < PROMPT.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return false;
  }
  return true;
}

/**
 * Whether an unterminated line already shows that it starts with the prompt: true / false once
 * decided, null while more bytes could still change the answer. Every decision agrees with
 * `lineStartsWithPrompt` on any completion of the line.
 */
export function tailPromptDecision(tail: string): boolean | null {
  if (tail.length >= PROMPT.length && printableHead(tail)) return tail.startsWith(PROMPT);
  if (tail.length >= PROMPT_WINDOW) {
    return cleanBeforeIncompleteEscape(tail.slice(0, PROMPT_WINDOW)).startsWith(PROMPT);
  }
  const head = cleanBeforeIncompleteEscape(tail);
  return head.length >= PROMPT.length ? head.startsWith(PROMPT) : null;
}

/** Whether a complete raw line is a prompt line: `sis> …`, or exactly `sis>` once cleaned. */
export function lineStartsWithPrompt(raw: string, cleaned: string): boolean {
  if (raw.length >= PROMPT.length && printableHead(raw)) return raw.startsWith(PROMPT);
  if (raw.length >= PROMPT_WINDOW) {
    return cleanBeforeIncompleteEscape(raw.slice(0, PROMPT_WINDOW)).startsWith(PROMPT);
  }
  return cleanBeforeIncompleteEscape(raw).startsWith(PROMPT) || cleaned === 'sis>';
}
