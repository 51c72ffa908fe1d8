import { Buffer } from 'node:buffer';
import { EscapeTokenizer, NONE, SEQUENCE, TEXT } from '../../uart/index.js';

export interface TerminalSize {
  columns: number;
  rows: number;
}

const ESC = 0x1b;
const LF = 0x0a;
const CR = 0x0d;
/** Parameter chars a query is answered from; the rest of a longer one is ignored. */
const MAX_PARAMS = 16;

function newlineIn(text: string, start: number, stop: number): boolean {
  for (let i = start; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) return true;
  }
  return false;
}

/**
 * Answers the queries a target sends to learn about its terminal, as a terminal of the console's
 * size would: cursor position (`ESC[6n`, after `ESC[999;999H` that is the size), device status
 * (`ESC[5n`), device attributes (`ESC[c`) and text-area size (`ESC[18t`). A CSI may be split
 * across chunks. The cursor column is the length of the current line; a cursor move sets it.
 */
export class TerminalQueries {
  private cursor: { row: number; col: number } | null = null;
  private readonly tokenizer = new EscapeTokenizer({ newlineEndsString: true, controlsInText: true });

  constructor(private size: TerminalSize) {}

  resize(size: TerminalSize): void {
    this.size = size;
  }

  /** Scans received bytes; returns the answers to send, or null. `lineLength` is the current line's. */
  scan(chunk: Uint8Array, lineLength: () => number): string | null {
    if (this.tokenizer.idle && chunk.indexOf(ESC) < 0) {
      if (chunk.indexOf(LF) >= 0 || chunk.indexOf(CR) >= 0) this.cursor = null;
      return null;
    }
    const tokenizer = this.tokenizer;
    let answers: string | null = null;
    tokenizer.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1'));
    for (let token = tokenizer.next(); token !== NONE; token = tokenizer.next()) {
      if (token === TEXT) {
        if (this.cursor !== null && newlineIn(tokenizer.chunk, tokenizer.start, tokenizer.stop)) this.cursor = null;
        continue;
      }
      const f = tokenizer.final;
      if (token !== SEQUENCE || tokenizer.kind !== 'csi') continue;
      if (f !== 0x48 && f !== 0x66 && f !== 0x6e && f !== 0x63 && f !== 0x74) continue;
      const answer = this.answer(String.fromCharCode(f), tokenizer.seq.slice(1, 1 + MAX_PARAMS), lineLength);
      if (answer !== null) answers = (answers ?? '') + answer;
    }
    return answers;
  }

  private answer(final: string, p: string, lineLength: () => number): string | null {
    const { columns, rows } = this.size;
    if (final === 'H' || final === 'f') {
      const [row, col] = p.split(';').map((n) => Number(n) || 1);
      this.cursor = { row: Math.min(row ?? 1, rows), col: Math.min(col ?? 1, columns) };
      return null;
    }
    if (final === 'n' && p === '6') {
      const at = this.cursor ?? { row: rows, col: Math.min(lineLength() + 1, columns) };
      return `\x1b[${at.row};${at.col}R`;
    }
    if (final === 'n' && p === '5') return '\x1b[0n';
    if (final === 'c' && (p === '' || p === '0')) return '\x1b[?1;2c';
    if (final === 't' && p === '18') return `\x1b[8;${rows};${columns}t`;
    return null;
  }
}
