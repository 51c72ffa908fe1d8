import { Buffer, isAscii } from 'node:buffer';

/** A device's UTF-8, decoded across reads; an invalid byte becomes U+FFFD. */
export interface Utf8Stream {
  decode(bytes: Uint8Array): string;
  /** The stream has ended: an unfinished sequence becomes U+FFFD. */
  end(): string;
}

/**
 * Whether `bytes` may end inside a multi-byte sequence: a lead byte in the last three whose
 * sequence is cut off, or only continuation bytes there (their lead may be in an earlier read).
 */
function mayEndInSequence(bytes: Uint8Array): boolean {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const byte = bytes[bytes.length - back]!;
    if (byte < 0x80) return false;
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return back < length;
    }
  }
  return bytes.length > 0;
}

/**
 * A streaming UTF-8 decoder whose reads of plain ASCII (a flood's usual content) become one-byte
 * strings without the general decoder: Node's streaming `TextDecoder` returns two-byte strings
 * even for ASCII, which doubles their memory and every copy of them down to the terminal. A read
 * goes the general way whenever the one before it may have left a sequence unfinished.
 */
export function createUtf8Stream(): Utf8Stream {
  const decoder = new TextDecoder('utf-8');
  let pending = false;
  return {
    decode(bytes) {
      if (bytes.length === 0) return '';
      if (!pending && isAscii(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
      const text = decoder.decode(bytes, { stream: true });
      pending = mayEndInSequence(bytes);
      return text;
    },
    end() {
      pending = false;
      return decoder.decode();
    },
  };
}
