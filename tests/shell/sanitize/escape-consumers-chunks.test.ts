import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { createAnsiStripper } from '../../../uart/index.js';
import { TerminalQueries } from '../../../shell/engine/terminal-queries.js';
import { createSanitizer, type SanitizerOptions } from '../../../shell/sanitize/index.js';
import { cutText } from '../../uart/escape-chunks.js';
import { cutAt } from '../../uart/escape-tokens.js';

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

function strip(chunks: readonly string[]): string {
  const stripper = createAnsiStripper();
  return chunks.map((c) => Buffer.from(stripper.push(bytes(c))).toString('latin1')).join('');
}

function sanitize(chunks: readonly string[], options: SanitizerOptions): string {
  const sanitizer = createSanitizer(options);
  return chunks.map((c) => sanitizer.push(c)).join('') + sanitizer.end();
}

function answers(chunks: readonly string[]): string {
  const queries = new TerminalQueries({ columns: 80, rows: 24 });
  return chunks.map((c) => queries.scan(bytes(c), () => 7) ?? '').join('');
}

describe('each consumer gives the same output for any chunking of the same stream', () => {
  test('log stripper', () => {
    fc.assert(fc.property(cutText, ({ text, cuts }) => expect(strip(cutAt(text, cuts))).toBe(strip([text]))), { numRuns: 300 });
  });

  test.each<[string, SanitizerOptions]>([
    ['visible', { markStyle: null }],
    ['drop', { mode: 'drop' }],
    ['dim marks, bells reported', { onBell: () => {} }],
  ])('sanitiser, %s', (_name, options) => {
    fc.assert(fc.property(cutText, ({ text, cuts }) => expect(sanitize(cutAt(text, cuts), options)).toBe(sanitize([text], options))), {
      numRuns: 300,
    });
  });

  test('terminal-query answers', () => {
    fc.assert(fc.property(cutText, ({ text, cuts }) => expect(answers(cutAt(text, cuts))).toBe(answers([text]))), { numRuns: 300 });
  });
});
