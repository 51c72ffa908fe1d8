import fc from 'fast-check';

/** Text with the escape sequences, strings and controls a console sees, broken and whole, some past the caps. */
const FRAGMENTS = [
  '\x1b', '\x1b[', '\x1b[1;32m', '\x1b[0m', '\x1b[2J', '\x1b[H', '\x1b[6n', '\x1b[c', '\x1b[999;999H', '\x1b[?1049h',
  '\x1b[12', '\x1b(B', '\x1b#', '\x1bc', '\x1b7', '\x1b]0;title\x07', '\x1b]8;;u\x1b\\', '\x1bP1$r', '\x1b\\', '\x1b_G',
  '\x07', '\x18', '\x1a', '\n', '\r\n', '\b', '\t', '\x00', '\x7f', '\x9b', '\x9c', '\xe9', 'sis> ', 'text ', ';', '1',
  ' ', 'm', `\x1b[${'1;'.repeat(40)}m`, `\x1b]52;c;${'A'.repeat(5000)}\x07`, `\x1b${' '.repeat(70)}x`,
];

export const escapeText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), {
    maxLength: 30,
  })
  .map((parts) => parts.join(''));

/** A text and sorted cut points inside it. */
export const cutText: fc.Arbitrary<{ text: string; cuts: number[] }> = escapeText.chain((text) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: text.length }), { maxLength: 12 })
    .map((cuts) => ({ text, cuts: [...cuts].sort((a, b) => a - b) })),
);
