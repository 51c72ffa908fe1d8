const PROMPT_BYTES = [0x73, 0x69, 0x73, 0x3e, 0x20]; // "sis> "
const LF = 0x0a;

/**
 * Tells whether the far end has printed its prompt `sis> ` at the start of a line since the last
 * line was sent, across chunk boundaries. Lines printed after the prompt (timer or autonomy noise
 * glued behind it, as the real kernel does) do not take the readiness back.
 */
export class PromptWatch {
  private seen = false;
  /** Prompt bytes matched so far at the start of the current line; -1 once the line can no longer be a prompt. */
  private matched = 0;

  push(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (byte === LF) {
        this.matched = 0;
        continue;
      }
      if (this.matched < 0) continue;
      if (byte === PROMPT_BYTES[this.matched]) {
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
}
