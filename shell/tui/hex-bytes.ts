export type HexParse = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

const EXAMPLE = 'e.g. 03, 1b 5b 41, 0x1b5b41 or ^C';

/** `^C` → 0x03, `^[` → 0x1b, `^?` → 0x7f (letters in either case). */
function caret(token: string): number | undefined {
  if (token.length !== 2 || token[0] !== '^') return undefined;
  if (token[1] === '?') return 0x7f;
  const code = token[1]!.toUpperCase().charCodeAt(0);
  return code >= 0x40 && code <= 0x5f ? code - 0x40 : undefined;
}

/**
 * What Ctrl-T y sends: bytes written as hex, two digits each, in tokens separated by spaces or
 * commas (`1b 5b 41`, `1b5b41`, `0x1b,0x5b`), or a control byte in caret notation (`^C`, `^[`).
 * A bad token is named in the one error line.
 */
export function parseHexBytes(text: string): HexParse {
  const tokens = text.split(/[\s,]+/).filter((token) => token.length > 0);
  if (tokens.length === 0) return { ok: false, message: `hex send: no bytes given (${EXAMPLE})` };
  const bytes: number[] = [];
  for (const token of tokens) {
    if (token.startsWith('^')) {
      const byte = caret(token);
      if (byte === undefined) return { ok: false, message: `hex send: '${token}' is not a control byte (^@ to ^_, or ^?)` };
      bytes.push(byte);
      continue;
    }
    const digits = /^0x/i.test(token) ? token.slice(2) : token;
    if (!/^[0-9a-f]+$/i.test(digits)) {
      return { ok: false, message: `hex send: '${token}' is not hex (${EXAMPLE})` };
    }
    if (digits.length % 2 !== 0) {
      return { ok: false, message: `hex send: '${token}' has an odd number of hex digits (two per byte, e.g. 0${digits.slice(-1)})` };
    }
    for (let i = 0; i < digits.length; i += 2) bytes.push(parseInt(digits.slice(i, i + 2), 16));
  }
  return { ok: true, bytes: Uint8Array.from(bytes) };
}

/** `1b 5b 41`. */
export function formatHex(bytes: Uint8Array): string {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
}
