/** How a neutralised control or escape sequence is shown in `visible` mode. */

export const ESC_PICTURE = '\u241b';
const DEL_PICTURE = '\u2421';

/** C0 controls as Unicode Control Pictures (`␛`, `␇`, …), DEL as `␡`, C1 as `<9B>`. */
export function controlPicture(code: number): string {
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return DEL_PICTURE;
  return `<${code.toString(16).toUpperCase().padStart(2, '0')}>`;
}

export interface MarkStyle {
  /** Written before each visible mark, e.g. `\x1b[2m` (dim). */
  open: string;
  /** Written after it, e.g. `\x1b[22m` (normal intensity). */
  close: string;
}

/** Dim. SGR 22 also ends a bold the device had set: text after a mark loses that bold. */
export const DIM_MARK_STYLE: MarkStyle = { open: '\x1b[2m', close: '\x1b[22m' };
