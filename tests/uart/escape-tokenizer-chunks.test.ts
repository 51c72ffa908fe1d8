import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { EscapeTokenizerOptions } from '../../uart/index.js';
import { cutText } from './escape-chunks.js';
import { cutAt, tokens } from './escape-tokens.js';

/** The option sets the consumers use: the log stripper, the sanitiser, the parser's cleaning, the query answerer. */
const CONFIGS: Record<string, EscapeTokenizerOptions> = {
  strip: { controls: 'execute', controlsInText: true, afterLongString: 'text' },
  sanitize: { c1: true, newlineEndsString: true, maxSequenceLength: 64 },
  clean: { maxSequenceLength: Infinity, maxStringLength: Infinity, previewLength: Infinity },
  queries: { newlineEndsString: true, controlsInText: true },
};

describe('any chunking of a stream gives the same tokens', () => {
  test.each(Object.keys(CONFIGS))('%s options', (name) => {
    const options = CONFIGS[name]!;
    fc.assert(
      fc.property(cutText, ({ text, cuts }) => {
        expect(tokens(cutAt(text, cuts), options)).toEqual(tokens([text], options));
      }),
      { numRuns: 400 },
    );
  });

  test('one char at a time', () => {
    fc.assert(
      fc.property(cutText, ({ text }) => {
        for (const options of Object.values(CONFIGS)) expect(tokens([...text], options)).toEqual(tokens([text], options));
      }),
      { numRuns: 150 },
    );
  });
});
