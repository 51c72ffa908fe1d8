import { createOutputParser, type OutputParserOptions, type ParserEvent } from '../../../shell/parser/index.js';

export const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

/** Events of `chunks` pushed in order, then `end()`. */
export function parseAll(chunks: string[] | string, options: OutputParserOptions = {}): ParserEvent[] {
  const parser = createOutputParser(options);
  const list = typeof chunks === 'string' ? [chunks] : chunks;
  return [...list.flatMap((c) => parser.push(bytes(c))), ...parser.end()];
}

/** The events each push returned (end() not called). */
export function perPush(chunks: string[], options: OutputParserOptions = {}): ParserEvent[][] {
  const parser = createOutputParser(options);
  return chunks.map((c) => parser.push(bytes(c)));
}
