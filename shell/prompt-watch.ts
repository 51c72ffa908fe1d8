const PROMPT_BYTES = [0x73, 0x69, 0x73, 0x3e, 0x20]; // "sis> "

/**
 * Tells whether the received stream currently ends in the prompt `sis> ` with nothing after it,
 * across chunk boundaries, looking only at the last five bytes.
 */
export class PromptWatch {
  private tail: number[] = [];

  push(chunk: Uint8Array): void {
    const start = Math.max(0, chunk.length - PROMPT_BYTES.length);
    if (chunk.length >= PROMPT_BYTES.length) this.tail = [];
    for (let i = start; i < chunk.length; i++) this.tail.push(chunk[i]!);
    if (this.tail.length > PROMPT_BYTES.length) this.tail.splice(0, this.tail.length - PROMPT_BYTES.length);
  }

  get atPrompt(): boolean {
    return this.tail.length === PROMPT_BYTES.length && this.tail.every((b, i) => b === PROMPT_BYTES[i]);
  }

  /** Forget the prompt seen so far: the next prompt must arrive after this point. */
  reset(): void {
    this.tail = [];
  }
}
