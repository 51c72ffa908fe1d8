import { describe, test } from '@jest/globals';
import fc from 'fast-check';
import { createOutputParser, type OutputParserOptions, type ParserEvent } from '../../shell/parser/index.js';
import { byteStream, chunksOf, splitStream } from './byte-arbitraries.js';
import { check, fuzzParams, fuzzTimeout, withinCaseLimit } from './fuzz-runs.js';
import { hostileLines } from './hostile-lines.js';

function parse(chunks: readonly Uint8Array[], options: OutputParserOptions = {}): ParserEvent[] {
  const parser = createOutputParser(options);
  const events = chunks.flatMap((chunk) => parser.push(chunk));
  return events.concat(parser.end());
}

/** The smallest line length the parser accepts (its prompt window). */
const SHORT = { maxLineLength: 4096 };
const LF = 0x0a;
/** Streams of up to ~25 KB: ~0.5 ms a case, so 10^4 would take ~5 s. */
const UNTERMINATED_BUDGET = 4_000;
/** Lines of up to 100 KB: ~1 ms a case. */
const HOSTILE_BUDGET = 500;

/** Bytes with no `\n`, so the whole stream is one unterminated line. */
const unterminated = fc
  .tuple(fc.array(byteStream, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 255 }))
  .map(([parts, pad, fill]) => {
    const bytes = Buffer.concat([...parts, new Uint8Array(pad).fill(fill)]);
    return new Uint8Array(bytes.map((b) => (b === LF ? 0x20 : b)));
  })
  .chain((bytes) =>
    fc
      .uniqueArray(fc.integer({ min: 1, max: Math.max(1, bytes.length - 1) }), { maxLength: 30 })
      .map((cuts) => ({ bytes, cuts: cuts.filter((c) => c < bytes.length).sort((a, b) => a - b) })),
  );

describe('the output parser under arbitrary bytes', () => {
  test(
    'any bytes, any split: no throw, the same events as in one piece (default and 4 KiB lines)',
    () => {
      fc.assert(
        fc.property(splitStream, fc.boolean(), ({ bytes, cuts }, short) => {
          const options = short ? SHORT : {};
          const whole = JSON.stringify(withinCaseLimit(Buffer.from(bytes).toString('latin1'), () => parse([bytes], options)));
          check(JSON.stringify(parse(chunksOf(bytes, cuts), options)) === whole, 'the split changed the events', whole);
        }),
        fuzzParams(),
      );
    },
    fuzzTimeout(1),
  );

  test(
    'a line that never ends: after every push it has been cut into floor((n-1)/4096) pieces of 4096, so at most 4 KiB is held',
    () => {
      fc.assert(
        fc.property(unterminated, ({ bytes, cuts }) => {
          const parser = createOutputParser(SHORT);
          let pushed = 0;
          let pieces = 0;
          for (const chunk of chunksOf(bytes, cuts)) {
            pushed += chunk.length;
            for (const event of parser.push(chunk)) {
              if (event.type !== 'other' || !event.overlong) continue;
              pieces++;
              check(event.text.length <= SHORT.maxLineLength, 'a piece longer than the limit');
            }
            const expected = pushed === 0 ? 0 : Math.floor((pushed - 1) / SHORT.maxLineLength);
            check(pieces === expected, `after ${pushed} bytes: ${pieces} pieces, expected ${expected}`);
          }
          check(parser.end().every((e) => e.type !== 'other' || !e.overlong), 'end() cut the rest again');
        }),
        fuzzParams(UNTERMINATED_BUDGET),
      );
    },
    fuzzTimeout(2, UNTERMINATED_BUDGET),
  );

  test(
    '[CHAOS], [SUMMARY], METRIC, result and error lines built to backtrack, up to 100 KB: each parsed within the case limit',
    () => {
      fc.assert(
        fc.property(hostileLines(100_000), fc.boolean(), ({ context, line }, short) => {
          const bytes = Buffer.from(`${context}${line}\n`, 'latin1');
          withinCaseLimit(`${context}${line.slice(0, 80)}… (${line.length} chars)`, () => parse([bytes], short ? SHORT : {}));
        }),
        fuzzParams(HOSTILE_BUDGET),
      );
    },
    fuzzTimeout(5, HOSTILE_BUDGET),
  );
});
