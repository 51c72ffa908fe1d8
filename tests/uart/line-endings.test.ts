import { describe, expect, test } from '@jest/globals';
import {
  createIncomingMapper, createOutgoingMapper, encodeLine, enterBytes, type ByteMapper,
} from '../../uart/line-endings.js';

const b = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
const run = (mapper: ByteMapper, ...chunks: string[]): string =>
  chunks.map((chunk) => Buffer.from(mapper.map(b(chunk))).toString('latin1')).join('');

describe('what Enter sends', () => {
  test('cr by default, lf or crlf when asked', () => {
    expect([...enterBytes()]).toEqual([0x0d]);
    expect([...enterBytes('lf')]).toEqual([0x0a]);
    expect([...enterBytes('crlf')]).toEqual([0x0d, 0x0a]);
    expect(Buffer.from(encodeLine('stresstest chaos --duration 5000')).toString()).toBe('stresstest chaos --duration 5000\r');
    expect(Buffer.from(encodeLine('help', 'crlf')).toString()).toBe('help\r\n');
    expect(Buffer.from(encodeLine('é', 'lf')).toString('latin1')).toBe('\xc3\xa9\n');
  });

  test('outgoing line ends of every kind become the Enter bytes', () => {
    expect(run(createOutgoingMapper('cr'), 'a\nb\r\nc\rd')).toBe('a\rb\rc\rd');
    expect(run(createOutgoingMapper('lf'), 'a\nb\r\nc\rd')).toBe('a\nb\nc\nd');
    expect(run(createOutgoingMapper('crlf'), 'a\nb\r\nc\rd')).toBe('a\r\nb\r\nc\r\nd');
    expect(run(createOutgoingMapper('crlf'), '\r\r\n\n')).toBe('\r\n\r\n\r\n');
  });

  test('a CR LF split across chunks is one line end, sent without delay', () => {
    const mapper = createOutgoingMapper('crlf');
    expect(run(mapper, 'help\r')).toBe('help\r\n');
    expect(run(mapper, '\nnext')).toBe('next');
    expect(run(mapper, '\n')).toBe('\r\n');
  });
});

describe('incoming CR handling', () => {
  test('keep passes bytes untouched', () => {
    expect(run(createIncomingMapper('keep'), 'a\r\nb\r')).toBe('a\r\nb\r');
  });

  test('drop removes every CR, across chunks too', () => {
    const mapper = createIncomingMapper('drop');
    expect(run(mapper, 'sis> help\r', '\n[STRESS TEST]\r\n', '\r')).toBe('sis> help\n[STRESS TEST]\n');
  });

  test('to-lf maps CR to LF and collapses CR LF, split or not', () => {
    expect(run(createIncomingMapper('to-lf'), 'a\r\nb\rc\n\r\r\n')).toBe('a\nb\nc\n\n\n');
    const mapper = createIncomingMapper('to-lf');
    expect(run(mapper, 'x\r', '\ny\r', 'z')).toBe('x\ny\nz');
  });
});
