import { describe, expect, test } from '@jest/globals';
import type { ParsedResult, ParserEvent } from '../../../shell/parser/index.js';
import { parseAll } from './parse-helpers.js';

const results = (events: ParserEvent[]): ParsedResult[] =>
  events.flatMap((e) => (e.type === 'result' ? [e.result] : []));
const lines = (...l: string[]) => l.map((x) => `${x}\n`).join('');

const chaosSummary = lines('[STRESS TEST] Chaos engineering complete', '  Chaos Events: 3', '  Success Rate: 100%');

describe('result blocks', () => {
  test('a result completes at the prompt, at end(), or at the next non-`Key: value` line', () => {
    const byPrompt = parseAll(`${chaosSummary}sis> `).map((e) => e.type);
    const byEnd = parseAll(chaosSummary).map((e) => e.type);
    const byLine = parseAll(`${chaosSummary}[COMPARE] Running with autonomy ENABLED...\n`).map((e) => e.type);
    expect(byPrompt).toEqual(['result', 'prompt']);
    expect(byEnd).toEqual(['result']);
    expect(byLine).toEqual(['result', 'compare-phase']);
  });

  test('blank lines and transparent lines inside a summary do not end it', () => {
    const events = parseAll(
      lines('', '[STRESS TEST] Memory test complete', '  Peak Pressure: 52%', 'METRIC nn_infer_us=3', '', '  Status: FAIL'),
    );
    expect(events.map((e) => e.type)).toEqual(['metric', 'result']);
    expect(results(events)[0]!.metrics).toEqual({ peak_pressure: 52 });
    expect(results(events)[0]!.verdict).toBe('FAIL');
  });

  test('the `[STRESSTEST]` line after a summary joins it only when its type matches', () => {
    const memory = lines('[STRESS TEST] Memory test complete', '  OOM Events: 0');
    const ok = parseAll(`${memory}\n[STRESSTEST] Memory completed: peak_pressure=50% oom_events=0 duration_ms=10\n`);
    expect(results(ok)[0]!.shellLine).toEqual({ label: 'Memory', fields: { peak_pressure: 50, oom_events: 0, duration_ms: 10 } });
    expect(ok.map((e) => e.type)).toEqual(['result', 'stresstest-line']);
    const other = parseAll(`${memory}[STRESSTEST] Learning completed: total_rewards=1 decisions=1 avg_reward=1\n`);
    expect(results(other)[0]!.shellLine).toBeNull();
  });

  test('latency units and avg are read; unknown keys and statuses go to extra', () => {
    const [r] = results(
      parseAll(
        lines(
          '[STRESS TEST] Chaos engineering complete',
          '  Recovery Latency: p50=145ms p95=2100ms p99=3200ms avg=1.5ms',
          '  Mystery Line: 7 things',
          '  Status: MAYBE',
        ),
      ),
    );
    expect(r!.metrics).toEqual({
      latency_kind: 'recovery',
      latency_p50_ns: 145_000_000,
      latency_p95_ns: 2_100_000_000,
      latency_p99_ns: 3_200_000_000,
      latency_avg_ns: 1_500_000,
    });
    expect(r!.extra).toEqual({ 'Mystery Line': '7 things', Status: 'MAYBE' });
    expect(r!.verdict).toBeNull();
  });

  test('formats are inferred from the summary when the header is missing', () => {
    const v0 = results(parseAll(lines('[STRESS TEST] Memory test complete', '  Peak Pressure: 100%', '  OOM Events: 4')));
    const v2 = results(parseAll(lines('[STRESS TEST] Memory test complete', '  Avg Pressure: 50%')));
    const v1 = results(parseAll(lines('[STRESS TEST] Chaos engineering complete', '  Chaos Events: 9', '  Recoveries: 2')));
    expect([v0[0]!.format, v2[0]!.format, v1[0]!.format]).toEqual(['V0', 'V2', 'V1']);
  });

  test('summary lines after a header without their `[STRESS TEST]` line still form a result', () => {
    const events = parseAll(
      lines(
        '=== Memory Stress Test (Enhanced) ===',
        'Duration: 10000 ms',
        'Target Pressure: 50%',
        'Noise Level: 10%',
        '...',
        'Alloc Latency: p50=500000ns p95=500000ns p99=500000ns',
      ),
    );
    expect(events.map((e) => e.type)).toEqual(['elision', 'test-start', 'result']);
    const [r] = results(events);
    expect(r).toEqual({
      testType: 'memory',
      format: 'V2',
      title: 'Memory Stress Test (Enhanced)',
      anchor: null,
      config: { duration_ms: 10000, target_pressure: 50, noise_level: 10, extra: {} },
      verdict: null,
      cancelledAfterMs: null,
      metrics: { latency_kind: 'alloc', latency_p50_ns: 500000, latency_p95_ns: 500000, latency_p99_ns: 500000 },
      extra: {},
      shellLine: null,
    });
  });

  test('header values that do not parse, and unknown header keys, go to config.extra', () => {
    const [start] = parseAll(lines('=== Command Flood Stress Test ===', 'Duration: soon', 'Rate: 50 /sec', 'Burst: 4', ''));
    expect(start).toEqual({
      type: 'test-start',
      testType: 'commands',
      title: 'Command Flood Stress Test',
      format: 'V0',
      header: { Duration: 'soon', Rate: '50 /sec', Burst: '4' },
      config: { rate: 50, extra: { Duration: 'soon', Burst: '4' } },
    });
  });
});

describe('compare blocks', () => {
  test('the V4 layout: test length in the title, latency pairs, rates, impact', () => {
    const events = parseAll(
      lines(
        '=== Comparative Results (10s test) ===',
        '',
        'Autonomy OFF:',
        '  Peak pressure: 56%',
        '  Alloc latency: p50=500000ns p95=5000000ns p99=5000000ns',
        '',
        'Autonomy ON:',
        '  Peak pressure: 51%',
        '  Alloc latency: p50=500000ns p95=5000000ns p99=50000000ns',
        '  AI interventions: 952',
        '    - Proactive compactions: 5 (0.5/sec)',
        '    - Memory predictions: 947',
        '',
        'Impact:',
        '  [+] 5 gentle compactions (1 per 1.5s, no thrashing)',
        '  [-] Peak pressure increased by 1%',
        '  - Peak pressure unchanged',
      ),
    );
    expect(events).toEqual([
      {
        type: 'compare',
        compare: {
          layout: 'V4',
          title: 'Comparative Results (10s test)',
          testSeconds: 10,
          metrics: [
            { name: 'Peak pressure', key: 'peak_pressure', off: 56, on: 51 },
            { name: 'Alloc latency p50', key: 'alloc_latency_p50_ns', off: 500000, on: 500000 },
            { name: 'Alloc latency p95', key: 'alloc_latency_p95_ns', off: 5000000, on: 5000000 },
            { name: 'Alloc latency p99', key: 'alloc_latency_p99_ns', off: 5000000, on: 50000000 },
          ],
          interventions: {
            off: null,
            on: {
              total: 952,
              breakdown: [
                { name: 'Proactive compactions', key: 'proactive_compactions', count: 5, rate_per_sec: 0.5 },
                { name: 'Memory predictions', key: 'memory_predictions', count: 947 },
              ],
            },
          },
          impact: [
            { kind: 'improved', text: '5 gentle compactions (1 per 1.5s, no thrashing)' },
            { kind: 'worsened', text: 'Peak pressure increased by 1%' },
            { kind: 'neutral', text: 'Peak pressure unchanged' },
          ],
          paired: null,
          extra: {},
        },
      },
    ]);
  });

  test('a line that fits no compare grammar ends the block and is classified on its own', () => {
    const events = parseAll(lines('=== Comparative Results ===', '  OOM events: off=4 on=4', 'Episode 3: reward=9'));
    expect(events.map((e) => e.type)).toEqual(['compare', 'episode']);
  });
});

describe('report blocks', () => {
  test('the older README entries carry autonomy and k=v fields', () => {
    const events = parseAll(
      lines('=== Stress Test History ===', '  memory MAN dur=10001 peak=97% ooms=446', '  commands AUTO dur=10000 actions=499'),
    );
    expect(events).toEqual([
      {
        type: 'report',
        report: {
          format: 'V1',
          title: 'Stress Test History',
          scope: null,
          entries: [
            { type: 'memory', autonomy: 'off', duration_ms: 10001, peak_pressure: 97, oom_events: 446 },
            { type: 'commands', autonomy: 'on', duration_ms: 10000, actions: 499 },
          ],
        },
      },
    ]);
  });

  test('V3 `--all` scope', () => {
    const [e] = parseAll(lines('=== Stress Test History (all entries) ===', '  (no history)'));
    expect(e).toEqual({ type: 'report', report: { format: 'V3', title: 'Stress Test History (all entries)', scope: 'all entries', entries: [] } });
  });
});

describe('cancel', () => {
  test('`[STRESS TEST] Cancelled after` is an event and the next result carries it', () => {
    const events = parseAll(
      lines('^C', '[STRESS TEST] Cancelled after 830 ms', '', '[STRESS TEST] Multi-subsystem complete', '  Actions: 3', '  Status: CANCELLED'),
    );
    expect(events.map((e) => e.type)).toEqual(['interrupt', 'test-cancelled', 'result']);
    expect(results(events)[0]!.cancelledAfterMs).toBe(830);
    expect(results(events)[0]!.verdict).toBe('CANCELLED');
  });
});
