import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ParserEvent } from '../../../shell/parser/index.js';
import { createResultsBuilder, parseCommandFlags, toResultsJson } from '../../../shell/results/index.js';
import { parseInChunks, readFixture, steppingClock } from './conformance-helpers.js';

const schema = JSON.parse(readFileSync(new URL('../../../schema/results.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

const text = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

function build(events: ParserEvent[]) {
  const builder = createResultsBuilder({ version: '9.9.9', target: { kind: 'model', transport: 'virtual' }, clock: steppingClock() });
  builder.consumeAll(events);
  return builder;
}

describe('createResultsBuilder', () => {
  test('timestamps come from the clock: start, test header, summary, document', () => {
    const events = parseInChunks(text('sis> stresstest multi\r\n\n=== Multi-Subsystem Stress Test ===\nDuration: 10 ms\n\n\n[STRESS TEST] Multi-subsystem complete\n  Peak Pressure: 1%\n  Actions: 0\nsis> '));
    const doc = build(events).document();
    expect(doc.started_at).toBe('2026-01-01T00:00:00.000Z');
    expect(doc.runs[0]!.started_at).toBe('2026-01-01T00:00:01.000Z');
    expect(doc.runs[0]!.finished_at).toBe('2026-01-01T00:00:02.000Z');
    expect(doc.finished_at).toBe('2026-01-01T00:00:03.000Z');
    expect(doc.schema_version).toBe(1);
    expect(doc.generator).toEqual({ name: 'sis', version: '9.9.9' });
    expect(doc.target).toEqual({ kind: 'model', transport: 'virtual' });
  });

  test('a run without a header has no start time', () => {
    const doc = build(parseInChunks(readFixture('v3-chaos-verbose-and-quiet'))).document();
    expect(doc.runs.map((r) => r.started_at)).toEqual([null, null]);
  });

  test('compare halves whose compare block never arrives stay unlinked', () => {
    const events = parseInChunks(
      text('sis> stresstest compare memory\r\n\n[COMPARE] Running with autonomy DISABLED...\n\n[STRESS TEST] Memory test complete\n  OOM Events: 1\n  Status: PASS\nsis> '),
    );
    const doc = build(events).document();
    expect(doc.runs.map((r) => r.compare)).toEqual([null]);
    expect(doc.compares).toEqual([]);
  });

  test('document() is a snapshot', () => {
    const builder = build(parseInChunks(readFixture('v0-memory')));
    const first = builder.document();
    first.runs[0]!.metrics.oom_events = 99;
    expect(builder.document().runs[0]!.metrics.oom_events).toBe(4);
  });

  test('toResultsJson writes indented JSON with a final newline that validates', () => {
    const doc = build(parseInChunks(readFixture('model-compare'))).document();
    const json = toResultsJson(doc);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.split('\n')[1]).toBe('  "schema_version": 1,');
    expect(validate(JSON.parse(json))).toBe(true);
  });
});

describe('the schema', () => {
  const doc = build(parseInChunks(readFixture('model-chaos-verbose'))).document();

  test('rejects an unknown verdict, a missing field and an unknown property', () => {
    const badVerdict = structuredClone(doc) as unknown as { runs: Array<Record<string, unknown>> };
    badVerdict.runs[0]!['verdict'] = 'MOSTLY PASS';
    expect(validate(badVerdict)).toBe(false);
    const missing = structuredClone(doc) as unknown as Record<string, unknown>;
    delete missing['errors'];
    expect(validate(missing)).toBe(false);
    const extra = structuredClone(doc) as unknown as { runs: Array<{ metrics: Record<string, unknown> }> };
    extra.runs[0]!.metrics['peak_presure'] = 1;
    expect(validate(extra)).toBe(false);
  });

  test('rejects a seed that is not a decimal string', () => {
    const bad = structuredClone(doc) as unknown as { runs: Array<{ config: Record<string, unknown> }> };
    bad.runs[0]!.config['seed'] = 9;
    expect(validate(bad)).toBe(false);
  });
});

describe('parseCommandFlags', () => {
  test('value flags, boolean flags, `--k=v`, positional words', () => {
    expect(parseCommandFlags('stresstest chaos --duration 5000 --quiet --fail-rate=20 --verbose')).toEqual({
      duration: '5000',
      quiet: true,
      'fail-rate': '20',
      verbose: true,
    });
    expect(parseCommandFlags(null)).toEqual({});
  });
});
