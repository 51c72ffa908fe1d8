import { describe, expect, test } from '@jest/globals';
import type { ParserEvent } from '../../../shell/parser/index.js';
import { parseAll } from './parse-helpers.js';

const V0_MEMORY = (duration: string) =>
  'sis> stresstest memory\r\n=== Memory Stress Test ===\nDuration: 10000 ms\nTarget Pressure: 85%\n' +
  `[STRESS TEST] Memory test complete\n  Peak Pressure: 100%\n  OOM Events: 4\n  Duration: ${duration}\n  Status: PASS\nsis> `;

function result(events: ParserEvent[]) {
  const r = events.find((e) => e.type === 'result');
  if (!r || r.type !== 'result') throw new Error('no result event');
  return r.result;
}

describe('a summary Duration line', () => {
  test.each(['10001ms', '10001 ms'])('`Duration: %s` is read as duration_ms', (text) => {
    const r = result(parseAll(V0_MEMORY(text)));
    expect(r.metrics.duration_ms).toBe(10001);
    expect(r.extra).toEqual({});
  });

  test('a Duration without ms stays an unrecognised line', () => {
    const r = result(parseAll(V0_MEMORY('10001 s')));
    expect(r.metrics.duration_ms).toBeUndefined();
    expect(r.extra).toEqual({ Duration: '10001 s' });
  });

  test('a Seed line naming the model profile gives seed and profile', () => {
    const events = parseAll('sis> stresstest multi\r\n\n=== Multi-Subsystem Stress Test ===\nDuration: 10 ms\nSeed: 7 (profile qemu)\n\nsis> ');
    const start = events.find((e) => e.type === 'test-start');
    expect(start && start.type === 'test-start' && start.config).toMatchObject({ seed: '7', profile: 'qemu', extra: {} });
  });
});
