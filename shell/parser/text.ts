import { Buffer } from 'node:buffer';

/** One byte → one char (latin1), so a chunk can be decoded on its own at any split point. */
export function decodeLatin1(chunk: Uint8Array): string {
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
}

/** Complete escape sequences: CSI, OSC (BEL or ST terminated), nF, and two-byte Fe/Fp/Fs. */
const ESCAPE = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[ -/]+[0-~]|[0-Z\\^_`-~])/g;
const ESCAPE_AT = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[ -/]+[0-~]|[0-Z\\^_`-~])/y;
/** C0 controls and DEL, except backspace (handled by `applyBackspaces`) and tab. */
const CONTROL = /[\x00-\x07\x0a-\x1f\x7f]/g;
const NEEDS_CLEANING = /[\x00-\x07\x0a-\x1f\x7f]/;

/** Removes escape sequences, `\r` and other control characters except `\b` and `\t`. */
export function cleanControls(raw: string): string {
  if (!NEEDS_CLEANING.test(raw)) return raw;
  return raw.replace(ESCAPE, '').replace(CONTROL, '');
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
  let i = raw.indexOf('\x1b');
  while (i >= 0) {
    ESCAPE_AT.lastIndex = i;
    if (!ESCAPE_AT.test(raw)) return cleanControls(raw.slice(0, i));
    i = raw.indexOf('\x1b', ESCAPE_AT.lastIndex);
  }
  return cleanControls(raw);
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
