import { describe, expect, test } from '@jest/globals';
import {
  createInputMapper, createOutputMapper, DEFAULT_MAPPING, type ByteMapper, type LineMapping,
} from '../../uart/line-endings.js';

const b = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
const run = (mapper: ByteMapper, ...chunks: string[]): string =>
  chunks.map((chunk) => Buffer.from(mapper.map(b(chunk))).toString('latin1')).join('');
const mapping = (change: Partial<LineMapping>): LineMapping => ({ ...DEFAULT_MAPPING, ...change });

/** One stream with every kind of line end: CR LF, bare LF, bare CR, CR CR LF. */
const RECEIVED = 'a\r\nb\nc\rd\r\r\ne';

describe('received bytes (the --map I flags)', () => {
  test.each([
    ['none', {}, 'a\r\nb\nc\rd\r\r\ne'],
    ['ICRNL', { incomingCr: 'to-lf' }, 'a\nb\nc\nd\n\ne'],
    ['IGNCR', { incomingCr: 'drop' }, 'a\nb\ncd\ne'],
    ['INLCRNL', { lfToCrlf: true }, 'a\r\nb\r\nc\rd\r\r\ne'],
    ['ICRNL,INLCRNL', { incomingCr: 'to-lf', lfToCrlf: true }, 'a\r\nb\r\nc\r\nd\r\n\r\ne'],
    ['IGNCR,INLCRNL', { incomingCr: 'drop', lfToCrlf: true }, 'a\r\nb\r\ncd\r\ne'],
  ] as const)('%s', (_flags, change, expected) => {
    expect(run(createInputMapper(mapping(change)), RECEIVED)).toBe(expected);
    // The same bytes one at a time: a CR ending one chunk still pairs with the LF starting the next.
    expect(run(createInputMapper(mapping(change)), ...RECEIVED.split(''))).toBe(expected);
  });

  test('output flags leave received bytes alone', () => {
    expect(run(createInputMapper(mapping({ enter: 'crlf', delToBs: true })), 'x\x7f\r\n')).toBe('x\x7f\r\n');
  });
});

describe('sent bytes (the --map O flags)', () => {
  test.each([
    ['none', {}, 'ls\r\r\rx\x7f\x08'],
    ['OCRNL', { enter: 'lf' }, 'ls\n\n\nx\x7f\x08'],
    ['OCRCRNL', { enter: 'crlf' }, 'ls\r\n\r\n\r\nx\x7f\x08'],
    ['ODELBS', { delToBs: true }, 'ls\r\r\rx\x08\x08'],
    ['OCRNL,ODELBS', { enter: 'lf', delToBs: true }, 'ls\n\n\nx\x08\x08'],
  ] as const)('%s', (_flags, change, expected) => {
    // Enter typed and pasted (CR LF, CR, CR LF), then the DEL and BS keys; whole, then cut inside each CR LF.
    expect(run(createOutputMapper(mapping(change)), 'ls\r\n\r\r\nx\x7f\x08')).toBe(expected);
    expect(run(createOutputMapper(mapping(change)), 'ls\r', '\n\r', '\r', '\nx\x7f\x08')).toBe(expected);
  });

  test('input flags leave sent bytes alone', () => {
    expect(run(createOutputMapper(mapping({ incomingCr: 'drop', lfToCrlf: true })), 'a\rb\x7f')).toBe('a\rb\x7f');
  });
});
