import { Buffer } from 'node:buffer';

const encoder = new TextEncoder();

/** A line as the target receives it: UTF-8, then the line ending. */
export function encodeLine(line: string, lineEnding: string): Uint8Array {
  return encoder.encode(line + lineEnding);
}

/** One char per byte, so any split of a stream decodes to the same text. */
export function decodeLatin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
