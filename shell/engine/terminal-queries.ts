export interface TerminalSize {
  columns: number;
  rows: number;
}

const ESC = 0x1b;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Answers the queries a target sends to learn about its terminal, as a terminal of the console's
 * size would: cursor position (`ESC[6n`, after `ESC[999;999H` that is the size), device status
 * (`ESC[5n`), device attributes (`ESC[c`) and text-area size (`ESC[18t`). A CSI may be split
 * across chunks. The cursor column is the length of the current line; a cursor move sets it.
 */
export class TerminalQueries {
  private state: 'text' | 'esc' | 'csi' = 'text';
  private params = '';
  private cursor: { row: number; col: number } | null = null;

  constructor(private size: TerminalSize) {}

  resize(size: TerminalSize): void {
    this.size = size;
  }

  /** Scans received bytes; returns the answers to send, or null. `lineLength` is the current line's. */
  scan(chunk: Uint8Array, lineLength: () => number): string | null {
    let answers: string | null = null;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (this.state === 'text') {
        if (byte === ESC) this.state = 'esc';
        else if (byte === LF || byte === CR) this.cursor = null;
        continue;
      }
      if (this.state === 'esc') {
        this.state = byte === 0x5b ? 'csi' : 'text';
        this.params = '';
        continue;
      }
      if (byte >= 0x20 && byte <= 0x3f) {
        if (this.params.length < 16) this.params += String.fromCharCode(byte);
        continue;
      }
      this.state = byte === ESC ? 'esc' : 'text';
      if (byte < 0x40 || byte > 0x7e) continue;
      const answer = this.answer(String.fromCharCode(byte), lineLength);
      if (answer !== null) answers = (answers ?? '') + answer;
    }
    return answers;
  }

  private answer(final: string, lineLength: () => number): string | null {
    const { columns, rows } = this.size;
    const p = this.params;
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
