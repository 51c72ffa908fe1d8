/** What the input line shows of a long text: a window around the cursor, with `…` where text is left out. */
export interface VisibleLine {
  /** Text before the cursor, `…`-prefixed when it is cut. */
  readonly before: string;
  /** The character under the cursor (one code point), or '' at the end. */
  readonly under: string;
  /** Text after it, `…`-suffixed when it is cut. */
  readonly after: string;
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Moves `at` off the second half of a surrogate pair, towards `direction`. */
function onBoundary(text: string, at: number, direction: -1 | 1): number {
  return at > 0 && at < text.length && isLowSurrogate(text.charCodeAt(at)) ? at + direction : at;
}

/**
 * At most about `budget` characters of `text`, always including the cursor: a pasted megabyte
 * is drawn (and wrapped by Ink) as one screenful, not as the whole line. The cursor sits three
 * quarters of the way into the window when the text runs on both sides.
 */
export function visibleLine(text: string, cursor: number, budget: number): VisibleLine {
  const under = text.codePointAt(cursor) === undefined ? '' : String.fromCodePoint(text.codePointAt(cursor)!);
  const afterStart = cursor + under.length;
  if (text.length <= budget) return { before: text.slice(0, cursor), under, after: text.slice(afterStart) };
  const room = Math.max(2, budget - 2);
  let start = Math.max(0, cursor - Math.floor((room * 3) / 4));
  let end = Math.min(text.length, start + room);
  start = Math.max(0, Math.min(start, end - room));
  if (end < afterStart) end = afterStart;
  start = onBoundary(text, start, 1);
  end = onBoundary(text, end, -1);
  return {
    before: `${start > 0 ? '…' : ''}${text.slice(start, cursor)}`,
    under,
    after: `${text.slice(afterStart, Math.max(afterStart, end))}${end < text.length ? '…' : ''}`,
  };
}
