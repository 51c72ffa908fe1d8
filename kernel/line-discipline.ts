/**
 * The shell's line editor (reference §8.3): CR or LF ends a line (echo `\r\n`), BS/DEL erase with
 * `\b \b`, Ctrl-C echoes `^C\r\n` and discards the line, printable ASCII is kept and echoed while
 * fewer than 255 characters are buffered, every other byte is ignored.
 */
export const MAX_LINE_CHARS = 255;

const CR = 0x0d;
const LF = 0x0a;
const BS = 0x08;
const DEL = 0x7f;
const CTRL_C = 0x03;

export class LineDiscipline {
  private chars: number[] = [];

  constructor(private readonly echo: (text: string) => void) {}

  /** Feeds one byte; returns the finished line (possibly empty) when the byte ends one. */
  feed(byte: number): string | null {
    if (byte === CR || byte === LF) {
      this.echo('\r\n');
      return this.take();
    }
    if (byte === BS || byte === DEL) {
      if (this.chars.length > 0) {
        this.chars.pop();
        this.echo('\b \b');
      }
      return null;
    }
    if (byte === CTRL_C) {
      this.echo('^C\r\n');
      this.chars = [];
      return '';
    }
    if (byte >= 0x20 && byte <= 0x7e && this.chars.length < MAX_LINE_CHARS) {
      this.chars.push(byte);
      this.echo(String.fromCharCode(byte));
    }
    return null;
  }

  get pending(): string {
    return String.fromCharCode(...this.chars);
  }

  private take(): string {
    const line = String.fromCharCode(...this.chars);
    this.chars = [];
    return line;
  }
}
