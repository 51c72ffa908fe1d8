import { beforeAll, describe, expect, test } from '@jest/globals';

// chalk reads FORCE_COLOR when first imported: set it before importing ink (this file's own module registry).
process.env['FORCE_COLOR'] = '1';
let render: typeof import('ink-testing-library').render;
let views: typeof import('../../../../shell/tui/views/index.js');

beforeAll(async () => {
  ({ render } = await import('ink-testing-library'));
  views = await import('../../../../shell/tui/views/index.js');
});

const GREEN = '\x1b[32m';
const YELLOW = '\x1b[33m';
const RED = '\x1b[31m';
const GRAY = '\x1b[90m';

function frame(element: React.ReactElement): string {
  const ui = render(element);
  const text = ui.lastFrame() ?? '';
  ui.unmount();
  return text;
}

const baseTest = () => ({
  testType: 'chaos' as const,
  title: 'Chaos',
  config: { extra: {} },
  command: null,
  compareSide: null,
  phase: 'running' as const,
  cancelledAfterMs: null,
  progress: { pct: null, elapsedMs: null, durationMs: null, etaMs: null },
  pressure: { series: [], samplesPerPoint: 1, samples: 0, targetPct: null, lastPct: null, peakPct: null, minPct: null },
  counters: { oomEvents: null, compactions: null, events: null, successes: null, failures: null },
  chaos: {
    timeline: [
      { name: 'a', outcome: 'ok' as const },
      { name: 'b', outcome: 'failed' as const },
      { name: 'c', outcome: 'recovered' as const },
    ],
    total: 3,
    ok: 1,
    recovered: 1,
    failed: 1,
  },
  latency: null,
  episodes: null,
});

describe('colours (forced level)', () => {
  test('verdicts: PASS green, PARTIAL PASS yellow, FAIL red, CANCELLED grey', () => {
    const result = (verdict: 'PASS' | 'PARTIAL PASS' | 'FAIL' | 'CANCELLED') => ({
      testType: 'redteam' as const,
      format: 'V1' as const,
      title: 'Red Team',
      anchor: null,
      config: { extra: {} },
      verdict,
      cancelledAfterMs: null,
      metrics: {},
      extra: {},
      shellLine: null,
    });
    expect(frame(<views.ResultCard result={result('PASS')} width={40} />)).toContain(`\x1b[1m${GREEN}PASS\x1b[39m`);
    expect(frame(<views.ResultCard result={result('PARTIAL PASS')} width={40} />)).toContain(`\x1b[1m${YELLOW}PARTIAL PASS\x1b[39m`);
    expect(frame(<views.ResultCard result={result('FAIL')} width={40} />)).toContain(`\x1b[1m${RED}FAIL\x1b[39m`);
    expect(frame(<views.ResultCard result={result('CANCELLED')} width={40} />)).toContain(`\x1b[1m${GRAY}CANCELLED\x1b[39m`);
  });

  test('chaos timeline: ok and recovered green, failed red', () => {
    const text = frame(<views.LivePanel test={baseTest()} width={30} />);
    expect(text).toContain(`${GREEN}●`);
    expect(text).toContain(`${RED}✕`);
    expect(text).toContain(`${GREEN}○`);
  });

  test('chaos timeline without --verbose: coloured from the METRIC counters, grey only for events not yet counted', async () => {
    const { createOutputParser } = await import('../../../../shell/parser/index.js');
    const { createLiveStore } = await import('../../../../shell/tui/live-state/index.js');
    const text = [
      '',
      '=== Chaos Engineering Stress Test (Enhanced) ===',
      'Duration: 400 ms',
      '',
      '[CHAOS] Network partition (33ms)',
      'METRIC stress_events=1',
      'METRIC stress_successes=1',
      'METRIC stress_failures=0',
      '[CHAOS] Command burst (21 cmds)',
      'METRIC stress_events=2',
      'METRIC stress_successes=1',
      'METRIC stress_failures=1',
      '[CHAOS] Deadline pressure (5205 cycles)',
      '',
    ].join('\n');
    const parser = createOutputParser();
    const store = createLiveStore();
    for (const e of [...parser.push(new TextEncoder().encode(text)), ...parser.end()]) store.apply(e);
    const shown = frame(<views.LivePanel test={store.snapshot().test!} width={40} />);
    expect(shown).toContain(`chaos ${GREEN}●${RED}✕${GRAY}·\x1b[39m`);
  });

  test('status line: connected green, disconnected red, autonomy ON green', () => {
    const on = frame(<views.StatusLine transport="virtual" link={{ kind: 'connected' }} autonomy width={60} />);
    expect(on).toContain(`${GREEN}*`);
    expect(on).toContain(`${GREEN}autonomy ON`);
    const off = frame(<views.StatusLine transport="virtual" link={{ kind: 'disconnected' }} width={60} />);
    expect(off).toContain(`${RED}x`);
  });
});
