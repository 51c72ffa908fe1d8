import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { createOutputParser, type OutputParserOptions, type ParserEvent } from '../../../shell/parser/index.js';

const FIXTURES = new URL('../../fixtures/conformance/', import.meta.url);
const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

function parse(bytes: Uint8Array, cuts: readonly number[], options: OutputParserOptions = {}): ParserEvent[] {
  const parser = createOutputParser(options);
  const events: ParserEvent[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    events.push(...parser.push(bytes.subarray(start, cut)));
    start = cut;
  }
  return events.concat(parser.end());
}

function positionsOf(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    for (let k = 1; k < needle.length; k++) out.push(i + k);
  }
  return out;
}

/** Sorted unique cut points in 1..length-1, biased towards `targets` (inside `\r\n`, `sis> `, escapes). */
function cutsArbitrary(length: number, targets: number[]): fc.Arbitrary<number[]> {
  const random = fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, length - 1) }), { maxLength: 60 });
  const targeted = targets.length > 0 ? fc.subarray(targets) : fc.constant([]);
  return fc.tuple(random, targeted).map(([a, b]) => [...new Set([...a, ...b])].filter((c) => c > 0 && c < length).sort((x, y) => x - y));
}

const corpusText =
  readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(new URL(f, FIXTURES), 'latin1'))
    .join('') +
  '\x1b[2J\x1b[Hsis> \x1b[1;32mstresstest\x1b[0m memory\r\n' +
  'sis> abc\b \b\b \bxyz^C\r\nsis> [TIMER] Tick 5 rearmed\nsis> METRIC x=1\n' +
  `${'A'.repeat(9000)}\nsis> ${'B'.repeat(5000)}\r\n` +
  'sis> ';
const corpus = latin1(corpusText);
const corpusTargets = [
  ...positionsOf(corpusText, '\r\n'),
  ...positionsOf(corpusText, 'sis> '),
  ...positionsOf(corpusText, '\x1b[2J'),
  ...positionsOf(corpusText, '\b \b'),
  ...positionsOf(corpusText, '^C'),
];

const FRAGMENTS = [
  'sis> ', 'sis>', '\r\n', '\n', '\r', '\b \b', '\b', '^C', '\x1b[', '\x1b[0m', '\x1b]0;t\x07', '\x1b', '\t', ' ',
  'stresstest memory', 'METRIC stress_progress_pct=40\n', '[TIMER] Tick 4 rearmed\n', '[CHAOS] Memory spike (20 allocs)\n',
  '  -> ok in 12us\n', '\n=== Memory Stress Test (Enhanced) ===\nDuration: 100 ms\nSeed: 4\n\n',
  '\n[STRESS TEST] Memory test complete\n  Peak Pressure: 50%\n  Status: PASS\n',
  '\n[STRESSTEST] Memory completed: peak_pressure=50% oom_events=0 compactions=0 duration_ms=100\n',
  '\n=== Comparative Results ===\n  OOM events: off=1 on=0\n', '\n=== Stress Test History (last 16) ===\n  (no history)\n',
  'Episode 1: reward=5\n', '...\n', 'Unknown command: x\n', '[ERROR] --rate: missing value (expected 0..10000)\n',
];

const randomStream = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.uint8Array({ maxLength: 8 }).map((b) => Buffer.from(b).toString('latin1'))), {
    maxLength: 60,
  })
  .map((parts) => latin1(parts.join('')));

/** JSON text comparison: much faster than a deep equality over thousands of events. */
const same = (a: ParserEvent[], b: ParserEvent[]) => expect(JSON.stringify(a)).toBe(JSON.stringify(b));
const SHORT_LINES = { maxLineLength: 4096 };

describe('split invariance', () => {
  const whole = parse(corpus, [], SHORT_LINES);

  test('the corpus yields events of every main kind', () => {
    const kinds = new Set(whole.map((e) => e.type));
    for (const k of ['prompt', 'command', 'result', 'compare', 'report', 'metric', 'chaos-event', 'interrupt', 'other']) {
      expect(kinds.has(k as ParserEvent['type'])).toBe(true);
    }
    // 9000 chars → two 4096 pieces + 808; `sis> ` + 5000 → one piece + 909.
    expect(whole.filter((e) => e.type === 'other' && e.overlong)).toHaveLength(3);
  });

  test('the fixture corpus split at any points gives the same events', () => {
    fc.assert(
      fc.property(cutsArbitrary(corpus.length, corpusTargets), (cuts) => {
        same(parse(corpus, cuts, SHORT_LINES), whole);
      }),
      { numRuns: 1000 },
    );
  });

  test('random streams of console fragments and bytes split at any points give the same events', () => {
    fc.assert(
      fc.property(
        randomStream.chain((bytes) => fc.tuple(fc.constant(bytes), cutsArbitrary(bytes.length, []))),
        ([bytes, cuts]) => {
          same(parse(bytes, cuts), parse(bytes, []));
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('overlong lines are cut at the same offsets whatever the chunking', () => {
    const bytes = latin1(`${'x'.repeat(10000)}\nsis> ${'y'.repeat(4200)}`);
    fc.assert(
      fc.property(cutsArbitrary(bytes.length, [4096, 8192, 10000, 10001, 10006]), (cuts) => {
        same(parse(bytes, cuts, SHORT_LINES), parse(bytes, [], SHORT_LINES));
      }),
      { numRuns: 1000 },
    );
  });
});
