/** Select Graphic Rendition: resets every attribute. */
export const SGR_RESET = '\x1b[0m';

const SGR = /\x1b\[([0-9;:]*)m/g;
/** Sequences kept to restore the device's styling: enough for any real colour set-up. */
const MAX_KEPT = 32;

/**
 * The styling the device's text has left switched on (the SGR sequences since its last reset),
 * so the console can close it before drawing its own UI and open it again for the device's next
 * text. Fed text that has been sanitised already (only SGR sequences remain).
 */
export class SgrState {
  private sequences: string[] = [];

  /** Whether the device's styling is on after the text seen so far. */
  get open(): boolean {
    return this.sequences.length > 0;
  }

  /** The sequences that switch the device's styling back on. */
  get restore(): string {
    return this.sequences.join('');
  }

  observe(text: string): void {
    if (!text.includes('\x1b[')) return;
    for (const match of text.matchAll(SGR)) {
      const params = match[1]!;
      const parts = params.split(/[;:]/);
      const lastReset = params === '' ? 0 : parts.lastIndexOf('0');
      if (lastReset === parts.length - 1 || params === '') {
        this.sequences = [];
      } else if (lastReset >= 0) {
        this.sequences = [`\x1b[${parts.slice(lastReset + 1).join(';')}m`];
      } else {
        this.sequences.push(match[0]);
        if (this.sequences.length > MAX_KEPT) this.sequences.shift();
      }
    }
  }

  reset(): void {
    this.sequences = [];
  }
}

/** `text` with any styling it switches on switched off again at its end. */
export function closeStyling(text: string): string {
  const state = new SgrState();
  state.observe(text);
  return state.open ? `${text}${SGR_RESET}` : text;
}
