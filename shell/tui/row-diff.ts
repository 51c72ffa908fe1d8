const ESC = '\x1b';

export interface TerminalSize {
  columns: number;
  rows: number;
}
const SGR = /\x1b\[([0-9;:]*)m/y;

/** One column of a row: its character and the SGR parameters in force (`''` is plain). */
interface Cell {
  ch: string;
  style: string;
}

/** SGR attributes by slot: a later code replaces the one in its slot; 0 clears all. */
type Style = Array<string | undefined>;

const SLOT_RESETS: Record<number, number[]> = { 22: [0, 1], 23: [2], 24: [3], 25: [4], 27: [5], 28: [6], 29: [7], 39: [8], 49: [9] };
const SLOT_OF: Record<number, number> = { 1: 0, 2: 1, 3: 2, 4: 3, 5: 4, 7: 5, 8: 6, 9: 7 };

function applySgr(style: Style, params: string): void {
  const codes = params === '' ? ['0'] : params.split(/[;:]/);
  for (let i = 0; i < codes.length; i++) {
    const n = Number(codes[i]);
    if (n === 0) style.length = 0;
    else if (SLOT_OF[n] !== undefined) style[SLOT_OF[n]!] = String(n);
    else if (SLOT_RESETS[n]) for (const slot of SLOT_RESETS[n]!) style[slot] = undefined;
    else if (n === 38 || n === 48) {
      const take = codes[i + 1] === '5' ? 2 : codes[i + 1] === '2' ? 4 : 0;
      style[n === 38 ? 8 : 9] = codes.slice(i, i + 1 + take).join(';');
      i += take;
    } else if ((n >= 30 && n <= 37) || (n >= 90 && n <= 97)) style[8] = String(n);
    else if ((n >= 40 && n <= 47) || (n >= 100 && n <= 107)) style[9] = String(n);
  }
}

/**
 * Characters known to take one column: below U+1100 except controls, and the punctuation, arrows,
 * box, block and shape ranges the views draw. Anything else (CJK, emoji, surrogates) makes the row
 * a full rewrite, which needs no column arithmetic.
 */
function isNarrow(c: number): boolean {
  if (c < 0x1100) return c >= 0x20 && c !== 0x7f && !(c >= 0x80 && c < 0xa0) && !(c >= 0x300 && c < 0x370) && c !== 0xad;
  if ((c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x206f)) return false;
  return (c >= 0x2000 && c <= 0x22ff) || (c >= 0x2400 && c <= 0x243f) || (c >= 0x2500 && c <= 0x25fc) || (c >= 0x2713 && c <= 0x2718);
}

/**
 * A row as cells, or null when it holds something a cell diff cannot place safely: an escape
 * sequence other than SGR, or a character that is not exactly one column wide.
 */
export function toCells(line: string): Cell[] | null {
  const cells: Cell[] = [];
  const style: Style = [];
  let key = '';
  let i = 0;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c === 0x1b) {
      SGR.lastIndex = i;
      const m = SGR.exec(line);
      if (!m) return null;
      applySgr(style, m[1]!);
      key = style.filter((s) => s !== undefined).join(';');
      i += m[0].length;
      continue;
    }
    if (!isNarrow(c)) return null;
    cells.push({ ch: line[i]!, style: key });
    i += 1;
  }
  return cells;
}

/** Unchanged cells shorter than this between two changes are rewritten rather than skipped. */
const MIN_SKIP = 6;

/**
 * The bytes that turn row `old` into `next` on the terminal, the cursor starting anywhere on that
 * row: only the runs of cells that differ, each placed with `ESC[nG` and written in its own style;
 * a whole-row rewrite when either row cannot be split into cells.
 */
export function rowUpdate(old: string, next: string): string {
  const a = toCells(old);
  const b = toCells(next);
  if (!a || !b) return `\r${ESC}[2K${next}`;
  let out = '';
  let i = 0;
  const same = (k: number): boolean => k < a.length && a[k]!.ch === b[k]!.ch && a[k]!.style === b[k]!.style;
  while (i < b.length) {
    if (same(i)) {
      i += 1;
      continue;
    }
    let end = i + 1;
    for (let gap = 0; end + gap < b.length; ) {
      if (same(end + gap)) gap += 1;
      else {
        end += gap + 1;
        gap = 0;
      }
      if (gap >= MIN_SKIP) break;
    }
    out += `${ESC}[${i + 1}G${writeCells(b, i, end)}`;
    i = end;
  }
  if (b.length < a.length) out += `${ESC}[${b.length + 1}G${ESC}[K`;
  return out;
}

function writeCells(cells: readonly Cell[], from: number, to: number): string {
  let out = '';
  let style = '';
  for (let k = from; k < to; k++) {
    const cell = cells[k]!;
    if (k === from || cell.style !== style) {
      out += `${ESC}[${cell.style === '' ? '' : `0;${cell.style}`}m`;
      style = cell.style;
    }
    out += cell.ch;
  }
  return style === '' ? out : `${out}${ESC}[m`;
}

/** Columns `line` takes (SGR sequences take none), or null when that cannot be known for sure. */
export function plainWidth(line: string): number | null {
  let width = 0;
  for (let i = 0; i < line.length; ) {
    const c = line.charCodeAt(i);
    if (c === 0x1b) {
      SGR.lastIndex = i;
      const m = SGR.exec(line);
      if (!m) return null;
      i += m[0].length;
      continue;
    }
    if (!isNarrow(c)) return null;
    width += 1;
    i += 1;
  }
  return width;
}

/**
 * Screen rows `text` (lines ending with `\n`, then at most styling codes) fills at this width;
 * null when unsure, or when they and a frame of `frameRows` would not fit on the screen together.
 */
export function textRows(text: string, size: TerminalSize, frameRows: number): number | null {
  // A flood's batch of a thousand lines is known not to fit after rows + 1 of them, not split whole.
  let newlines = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    if (++newlines + frameRows > size.rows) return null;
  }
  const lines = text.split('\n');
  if (lines.length - 1 + frameRows > size.rows || plainWidth(lines[lines.length - 1]!) !== 0) return null;
  let rows = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i]!;
    if (line.length > size.columns * size.rows) return null;
    const width = plainWidth(line);
    if (width === null) return null;
    rows += Math.max(1, Math.ceil(width / size.columns));
  }
  return rows + frameRows <= size.rows ? rows : null;
}
