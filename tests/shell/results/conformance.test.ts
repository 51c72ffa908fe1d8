import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { projectDocument } from '../../../shell/results/index.js';
import { buildDocument, fixtureNames, parseInChunks, readExpected, readFixture } from './conformance-helpers.js';

const schema = JSON.parse(readFileSync(new URL('../../../schema/results.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

/** Deterministic cut points: every `step` bytes, offset by `phase`. */
function cutsEvery(length: number, step: number, phase: number): number[] {
  const cuts: number[] = [];
  for (let i = phase; i < length; i += step) if (i > 0) cuts.push(i);
  return cuts;
}

describe('conformance fixtures', () => {
  const names = fixtureNames();

  test('every transcript has an expectation', () => {
    expect(names).toEqual([
      'board-boot-telemetry',
      'model-cancel',
      'model-chaos-verbose',
      'model-compare',
      'model-compare-paired',
      'model-glued',
      'model-memory-commands',
      'model-report',
      'v0-compare-memory',
      'v0-memory',
      'v1-chaos',
      'v1-learning',
      'v3-chaos-verbose-and-quiet',
      'v3-report',
    ]);
  });

  test.each(names)('%s: the results match the expectation exactly', (name) => {
    const doc = buildDocument(parseInChunks(readFixture(name)));
    expect(projectDocument(doc)).toEqual(readExpected(name));
  });

  test.each(names)('%s: the document validates against the schema', (name) => {
    const doc = buildDocument(parseInChunks(readFixture(name)));
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
  });

  test.each(names)('%s: byte-by-byte and 7-byte chunks give the same events as one chunk', (name) => {
    const bytes = readFixture(name);
    const whole = parseInChunks(bytes);
    expect(parseInChunks(bytes, cutsEvery(bytes.length, 1, 1))).toEqual(whole);
    expect(parseInChunks(bytes, cutsEvery(bytes.length, 7, 3))).toEqual(whole);
  });
});
