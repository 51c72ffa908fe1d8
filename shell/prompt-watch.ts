const PROMPT_BYTES = [0x73, 0x69, 0x73, 0x3e, 0x20]; // "sis> "
const LF = 0x0a;
const ESC = 0x1b;

/** Where a CSI sequence (`ESC [ params final`, as `clear` prints before the prompt) at a line start stands. */
const NO_ESCAPE = 0;
const AFTER_ESC = 1;
const IN_CSI = 2;

/**
 * Tells whether the far end has printed its prompt `sis> ` at the start of a line since the last
 * line was sent, across chunk boundaries. Lines printed after the prompt (timer or autonomy noise
 * glued behind it, as the real kernel does) do not take the readiness back. CSI sequences before
 * the prompt (`clear` prints `ESC[2J ESC[H` then the prompt) do not hide it.
 */
export class PromptWatch {
  private seen = false;
  /** Prompt bytes matched so far at the start of the current line; -1 once the line can no longer be a prompt. */
  private matched = 0;
  private escape = NO_ESCAPE;

  push(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (byte === LF) {
        this.matched = 0;
        this.escape = NO_ESCAPE;
        continue;
      }
      if (this.matched < 0) continue;
      if (this.escape !== NO_ESCAPE) {
        this.skipEscape(byte);
        continue;
      }
      if (byte === ESC && this.matched === 0) {
        this.escape = AFTER_ESC;
      } else if (byte === PROMPT_BYTES[this.matched]) {
        this.matched++;
        if (this.matched === PROMPT_BYTES.length) {
          this.seen = true;
          this.matched = -1;
        }
      } else if (byte !== 0x0d) {
        this.matched = -1;
      }
    }
  }

  get atPrompt(): boolean {
    return this.seen;
  }

  /** A line was sent: the next prompt must arrive after this point. */
  reset(): void {
    this.seen = false;
  }

  private skipEscape(byte: number): void {
    if (this.escape === AFTER_ESC) {
      this.escape = byte === 0x5b ? IN_CSI : NO_ESCAPE;
      if (byte !== 0x5b) this.matched = -1;
    } else if (byte >= 0x40 && byte <= 0x7e) {
      this.escape = NO_ESCAPE;
    } else if (byte < 0x20 || byte > 0x3f) {
      this.escape = NO_ESCAPE;
      this.matched = -1;
    }
  }
}
