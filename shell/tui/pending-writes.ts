import { SGR_RESET, SgrState } from '../sanitize/index.js';

/** Longest run of device lines kept as one part: each part is scanned for styling on its own, never a flood's whole text. */
const DEVICE_PART_CHARS = 32 * 1024;

/**
 * Text waiting for the next write to the terminal: the device's (styled by it) and the console's
 * own (cards, notes, blank lines of a clear). The device's styling is switched back on where its
 * text starts and off where it ends, so an unterminated `ESC[8m` hides nothing of the console's
 * own (input line, status line, cards).
 */
export class PendingWrites {
  private parts: Array<{ text: string; device: boolean }> = [];
  /** The device's styling, closed at the end of every write so it never reaches the console's own lines. */
  private readonly styling = new SgrState();

  get empty(): boolean {
    return this.parts.length === 0;
  }

  /** A finished line of the device's: lines in a row are one part, up to DEVICE_PART_CHARS. */
  deviceLine(text: string): void {
    const last = this.parts[this.parts.length - 1];
    if (last?.device && last.text.length < DEVICE_PART_CHARS) last.text += text;
    else this.parts.push({ text, device: true });
  }

  /** Device text kept as its own part (hex dump lines). */
  device(text: string): void {
    this.parts.push({ text, device: true });
  }

  own(text: string): void {
    this.parts.push({ text, device: false });
  }

  /**
   * Everything pending, rendered as pieces to write in order (one unless a flood's lines fill more
   * than one part), so that no string of a flood's whole size is ever built; nothing is pending afterwards.
   */
  take(): string[] {
    const pieces: string[] = [];
    let out = '';
    let on = false;
    for (const part of this.parts) {
      if (part.device) {
        if (!on) out += this.styling.restore;
        this.styling.observe(part.text);
        on = true;
        if (out.length >= DEVICE_PART_CHARS) {
          pieces.push(out);
          out = '';
        }
        out += part.text;
      } else {
        if (on && this.styling.open) out += SGR_RESET;
        on = false;
        out += part.text;
      }
    }
    this.parts = [];
    pieces.push(on && this.styling.open ? `${out}${SGR_RESET}` : out);
    return pieces;
  }
}
