import { Buffer } from 'node:buffer';
import { createEscapeTokenizer, type EscapeSink } from '../../uart/index.js';

/** One byte → one char (latin1), so a chunk can be decoded on its own at any split point. */
export function decodeLatin1(chunk: Uint8Array): string {
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
}

/** C0 controls and DEL, except backspace (handled by `applyBackspaces`) and tab. */
const NEEDS_CLEANING = /[\x00-\x07\x0a-\x1f\x7f]/;

/** The text kept so far of the line being cleaned. */
let cleaned = '';
/** False once text is no longer kept: after the first incomplete sequence, when `stopAtIncomplete`. */
let keeping = true;
let stopAtIncomplete = false;

const cleanSink: EscapeSink = {
  text(chunk, start, end) {
    if (keeping) cleaned += chunk.slice(start, end);
  },
  control(code) {
    if (keeping && (code === 0x08 || code === 0x09)) cleaned += code === 0x08 ? '\b' : '\t';
  },
  sequence(t) {
    const incomplete = t.kind === 'invalid' || (t.kind === 'string' && t.end !== 'bel' && t.end !== 'st' && t.end !== 'can' && t.end !== 'sub');
    if (!incomplete || !keeping) return;
    // Not a sequence after all: what followed its ESC is text.
    if (stopAtIncomplete) keeping = false;
    else cleaned += t.kind === 'string' ? t.seq + t.preview : t.seq;
  },
};
/** Lines are cleaned whole, so nothing is capped: any line is held at most once. */
const tokenizer = createEscapeTokenizer(cleanSink, {
  maxSequenceLength: Infinity,
  maxStringLength: Infinity,
  previewLength: Infinity,
});

/** Removes escape sequences, `\r` and other control characters except `\b` and `\t`. */
export function cleanControls(raw: string): string {
  if (!NEEDS_CLEANING.test(raw)) return raw;
  cleaned = '';
  stopAtIncomplete = false;
  tokenizer.push(raw);
  tokenizer.end();
  const text = cleaned;
  cleaned = '';
  return text;
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
  cleaned = '';
  stopAtIncomplete = true;
  tokenizer.push(raw);
  tokenizer.reset();
  const text = cleaned;
  cleaned = '';
  keeping = true;
  stopAtIncomplete = false;
  return text;
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
