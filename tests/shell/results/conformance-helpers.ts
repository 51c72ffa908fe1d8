import { readdirSync, readFileSync } from 'node:fs';
import { createOutputParser, type ParserEvent } from '../../../shell/parser/index.js';
import { createResultsBuilder, type ResultsDocument } from '../../../shell/results/index.js';
import { createManualClock, type HostClock } from '../../../uart/index.js';

export const FIXTURES = new URL('../../fixtures/conformance/', import.meta.url);

/** Fixture base names that have both a `.txt` and a `.expected.json`. */
export function fixtureNames(): string[] {
  const files = readdirSync(FIXTURES);
  return files
    .filter((f) => f.endsWith('.txt') && files.includes(f.replace(/\.txt$/, '.expected.json')))
    .map((f) => f.replace(/\.txt$/, ''))
    .sort();
}

export function readFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`${name}.txt`, FIXTURES)));
}

export function readExpected(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`${name}.expected.json`, FIXTURES), 'utf8'));
}

/** Parses `bytes` cut at the given offsets (ascending, within the array). */
export function parseInChunks(bytes: Uint8Array, cuts: readonly number[] = []): ParserEvent[] {
  const parser = createOutputParser();
  const events: ParserEvent[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    events.push(...parser.push(bytes.subarray(start, cut)));
    start = cut;
  }
  events.push(...parser.end());
  return events;
}

/** A clock whose wall time advances one second per reading from 2026-01-01T00:00:00Z. */
export function steppingClock(): HostClock {
  let t = Date.UTC(2026, 0, 1);
  return { ...createManualClock(), wallMs: () => (t += 1000) - 1000 };
}

export function buildDocument(events: readonly ParserEvent[]): ResultsDocument {
  const builder = createResultsBuilder({
    version: '0.1.0',
    target: { kind: 'board', transport: 'replay' },
    clock: steppingClock(),
  });
  builder.consumeAll(events);
  return builder.document();
}
