/** CSI, OSC (ended by BEL or ST) and two-byte escape sequences: they take no columns. */
const ESCAPE = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/y;

/** Code points of East Asian wide and emoji blocks, two columns each. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/**
 * `line` cut to `columns` terminal columns, escape sequences kept (so styling still ends where
 * it did); a line that fits comes back unchanged. A frame line wider than the terminal would wrap.
 */
export function fitLine(line: string, columns: number): string {
  // No code unit is wider than two columns.
  if (line.length * 2 <= columns) return line;
  let width = 0;
  let out = '';
  let i = 0;
  let cut = false;
  let changed = false;
  while (i < line.length) {
    if (line.charCodeAt(i) === 0x1b) {
      ESCAPE.lastIndex = i;
      const m = ESCAPE.exec(line);
      if (m) {
        out += m[0];
        i += m[0].length;
        continue;
      }
    }
    const code = line.codePointAt(i)!;
    const size = code > 0xffff ? 2 : 1;
    if (!cut) {
      const w = isWide(code) ? 2 : 1;
      if (width + w > columns) cut = changed = true;
      else {
        width += w;
        out += line.slice(i, i + size);
      }
    }
    i += size;
  }
  return changed ? out : line;
}
