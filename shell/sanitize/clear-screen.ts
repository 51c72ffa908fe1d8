/**
 * A device's clear-screen, as `clear`, `tput clear` and the SIS kernel send it: ED 2 or 3
 * (`ESC[2J`, `ESC[3J`) or RIS (`ESC c`), with the cursor-home before or after it
 * (`ESC[H ESC[2J ESC[3J`, `ESC[2J ESC[H`); or home then erase-below (`ESC[H ESC[J`). The console
 * does not obey it on the user's terminal; it clears its own view instead.
 */
const HOME = String.raw`\x1b\[(?:1?(?:;1?)?)?[Hf]`;
const ERASE_ALL = String.raw`(?:\x1b\[[23]J|\x1bc)`;
const CLEAR = new RegExp(`(?:${HOME})?${ERASE_ALL}+(?:${HOME})?|${HOME}\\x1b\\[0?J(?:\\x1b\\[[23]J)*`, 'g');
const LEADING_HOME = new RegExp(`^${HOME}`);
/** What a cursor-home split across reads may have started as. */
const HOME_START = /^\x1b(?:\[(?:1?(?:;1?)?)?)?$/;

/** `text` cut at each clear-screen: `[before, between, …, after]`, one more part than clears. */
export function splitAtClears(text: string): string[] {
  if (!text.includes('\x1b')) return [text];
  return text.split(CLEAR);
}

/**
 * After a clear: a cursor-home at the start of the next text belongs to it and goes. `wait` when
 * the text could still become one (a read ended inside it).
 */
export function dropHomeAfterClear(text: string): { text: string; wait: boolean } {
  const home = LEADING_HOME.exec(text);
  if (home) return { text: text.slice(home[0].length), wait: false };
  return { text, wait: text === '' || HOME_START.test(text) };
}

export interface ClearSplitter {
  /** The text (the unfinished line as received, then what came) cut at each clear-screen. */
  split(text: string): string[];
}

/** splitAtClears over a stream: a cursor-home right after a clear, even in the next read, goes with it. */
export function createClearSplitter(): ClearSplitter {
  let homeMayFollow = false;
  return {
    split(input) {
      let text = input;
      if (homeMayFollow) {
        const after = dropHomeAfterClear(text);
        homeMayFollow = after.wait;
        text = after.text;
      }
      const parts = splitAtClears(text);
      if (parts.length > 1) {
        const after = dropHomeAfterClear(parts[parts.length - 1]!);
        homeMayFollow = after.wait;
        parts[parts.length - 1] = after.text;
      }
      return parts;
    },
  };
}
