import fullStringWidth, { type Options } from '../../node_modules/string-width/index.js';

/*
 * Stands in for string-width in the bundle (Ink measures every text node with it). string-width
 * segments graphemes and tests each against Unicode emoji properties, whose tables take tens of ms
 * to build on the first text that is not plain ASCII: the console's first frame with a live panel
 * (`▶`, `·`, `█`) stalled on them while a test's output streamed in. Text made only of the
 * characters below, and SGR sequences, is one column a character, exactly as string-width counts it
 * (tests/shell/tui/text-width.test.ts checks every one); anything else goes to string-width.
 */

/** [first, last] code units that are one column and never join a neighbour in a grapheme. */
export const NARROW_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0020, 0x007e], // ASCII
  [0x00a1, 0x00ac], // Latin-1 (U+00AD, the soft hyphen, takes no column)
  [0x00ae, 0x024f], // Latin-1, Latin Extended-A and -B
  [0x0391, 0x03a1], // Greek capitals
  [0x03a3, 0x03c9], // Greek capitals and small letters
  [0x2010, 0x2027], // dashes, quotes, bullets, ellipsis
  [0x2030, 0x205e], // per mille, primes, other punctuation
  [0x2190, 0x21ff], // arrows
  [0x2200, 0x22ff], // mathematical operators
  [0x2400, 0x2426], // control pictures (␛, ␇)
  [0x2500, 0x259f], // box drawing, block elements
  [0x25a0, 0x25fc], // geometric shapes (U+25FD and U+25FE are emoji, two columns)
  [0x2713, 0x2718], // check marks and crosses
];

const LIMIT = 0x2800;
/** One bit a code unit below LIMIT: set when it is in NARROW_RANGES. */
const NARROW = new Uint8Array(LIMIT);
for (const [first, last] of NARROW_RANGES) NARROW.fill(1, first, last + 1);

/** Where the SGR sequence at `i` (ESC [ params m, as string-width's ANSI pattern takes it) ends, or -1. */
function sgrEnd(text: string, i: number): number {
  if (text.charCodeAt(i + 1) !== 0x5b) return -1;
  let j = i + 2;
  let digits = 0;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c >= 0x30 && c <= 0x39) {
      if (++digits > 4) return -1;
    } else if (c === 0x3b) {
      digits = 0;
    } else {
      break;
    }
  }
  // A parameter list must start with a digit: `ESC [ ; 1 m` is not stripped by string-width's pattern.
  if (j > i + 2 && text.charCodeAt(i + 2) === 0x3b) return -1;
  return text.charCodeAt(j) === 0x6d ? j + 1 : -1;
}

export type { Options };

export default function stringWidth(text: string, options?: Options): number {
  if (typeof text !== 'string' || text.length === 0) return 0;
  if (options?.ambiguousIsNarrow === false || options?.countAnsiEscapeCodes === true) return fullStringWidth(text, options);
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x1b) {
      const end = sgrEnd(text, i);
      if (end < 0) return fullStringWidth(text, options);
      i = end - 1;
    } else if (c < LIMIT && NARROW[c] === 1) {
      width++;
    } else {
      return fullStringWidth(text, options);
    }
  }
  return width;
}
