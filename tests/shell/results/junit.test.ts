import { describe, expect, test } from '@jest/globals';
import { escapeXml, toJUnitXml, type ResultsDocument, type TestRun } from '../../../shell/results/index.js';

function run(over: Partial<TestRun> & Pick<TestRun, 'index' | 'type' | 'verdict'>): TestRun {
  return {
    format: 'V2',
    command: null,
    compare: null,
    started_at: null,
    finished_at: '2026-01-01T00:00:10.000Z',
    config: { flags: {}, extra: {} },
    cancelled_after_ms: null,
    metrics: {},
    shell_line: null,
    extra: {},
    ...over,
  };
}

const doc: ResultsDocument = {
  schema_version: 1,
  generator: { name: 'sis', version: '0.1.0' },
  target: { kind: 'model', transport: 'virtual' },
  started_at: '2026-01-01T00:00:00.000Z',
  finished_at: '2026-01-01T00:01:00.000Z',
  runs: [
    run({
      index: 0,
      type: 'memory',
      verdict: 'PASS',
      command: 'stresstest memory --seed 1',
      config: { duration_ms: 2000, seed: '1', flags: { seed: '1' }, extra: {} },
      metrics: { peak_pressure: 54, oom_events: 0 },
      shell_line: { label: 'Memory', fields: { peak_pressure: 54, duration_ms: 2001 } },
    }),
    run({
      index: 1,
      type: 'chaos',
      verdict: 'PARTIAL PASS',
      command: 'stresstest chaos --note "<a&b>"',
      started_at: '2026-01-01T00:00:07.500Z',
      compare: { index: 0, side: 'on' },
      metrics: { success_rate: 71, failure_breakdown: [{ event: 'Command burst', failed: 1, total: 2 }] },
    }),
    run({
      index: 2,
      type: 'learning',
      format: 'V1',
      verdict: 'CANCELLED',
      cancelled_after_ms: 2410,
      metrics: { episode_rewards: [{ episode: 0, reward: 812 }] },
      extra: { Odd: 'x' },
    }),
  ],
  compares: [],
  reports: [],
  errors: [],
  metrics: { samples: [], summaries: [], dropped: 0 },
};

describe('toJUnitXml', () => {
  test('one testcase per run: properties, PARTIAL PASS as failure, CANCELLED as skipped', () => {
    expect(toJUnitXml(doc)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="sis" tests="3" failures="1" errors="0" skipped="1" time="4.501">',
        '  <testsuite name="sis.stresstest" tests="3" failures="1" errors="0" skipped="1" time="4.501" timestamp="2026-01-01T00:00:00.000Z">',
        '    <testcase name="#1 stresstest memory --seed 1" classname="sis.stresstest.memory" time="2.001">',
        '      <properties>',
        '        <property name="verdict" value="PASS"/>',
        '        <property name="format" value="V2"/>',
        '        <property name="command" value="stresstest memory --seed 1"/>',
        '        <property name="config.duration_ms" value="2000"/>',
        '        <property name="config.seed" value="1"/>',
        '        <property name="config.flags.seed" value="1"/>',
        '        <property name="metric.peak_pressure" value="54"/>',
        '        <property name="metric.oom_events" value="0"/>',
        '        <property name="shell_line.peak_pressure" value="54"/>',
        '        <property name="shell_line.duration_ms" value="2001"/>',
        '      </properties>',
        '    </testcase>',
        '    <testcase name="#2 stresstest chaos --note &quot;&lt;a&amp;b&gt;&quot; [autonomy on]" classname="sis.stresstest.chaos" time="2.500">',
        '      <properties>',
        '        <property name="verdict" value="PARTIAL PASS"/>',
        '        <property name="format" value="V2"/>',
        '        <property name="command" value="stresstest chaos --note &quot;&lt;a&amp;b&gt;&quot;"/>',
        '        <property name="compare.index" value="0"/>',
        '        <property name="compare.side" value="on"/>',
        '        <property name="metric.success_rate" value="71"/>',
        '        <property name="metric.failure_breakdown.Command burst" value="1/2"/>',
        '      </properties>',
        '      <failure message="Status: PARTIAL PASS" type="PARTIAL PASS">success_rate=71',
        'failure_breakdown.Command burst=1/2</failure>',
        '    </testcase>',
        '    <testcase name="#3 stresstest learning" classname="sis.stresstest.learning">',
        '      <properties>',
        '        <property name="verdict" value="CANCELLED"/>',
        '        <property name="format" value="V1"/>',
        '        <property name="cancelled_after_ms" value="2410"/>',
        '        <property name="metric.episode_rewards" value="0:812"/>',
        '        <property name="extra.Odd" value="x"/>',
        '      </properties>',
        '      <skipped message="cancelled after 2410 ms"/>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  test('allowPartialPass turns PARTIAL PASS into a pass; FAIL stays a failure', () => {
    const xml = toJUnitXml(doc, { allowPartialPass: true, suiteName: 'ci' });
    expect(xml).toContain('<testsuite name="ci" tests="3" failures="0" errors="0" skipped="1"');
    expect(xml).not.toContain('<failure');
    const failed = structuredClone(doc);
    failed.runs[1]!.verdict = 'FAIL';
    expect(toJUnitXml(failed, { allowPartialPass: true })).toContain('<failure message="Status: FAIL" type="FAIL">');
  });

  test('a command the target rejected, or did not know, is a failed testcase', () => {
    const rejected: ResultsDocument = {
      ...doc,
      runs: [doc.runs[0]!],
      errors: [{
        command: 'stresstest memory --bogus', kind: 'unknown-flag', message: "unknown flag '--bogus' for 'stresstest memory'",
        flag: '--bogus', value: null, expected: null, suggestion: null,
      }],
    };
    const xml = toJUnitXml(rejected, { unknownCommands: ['nosuchcmd'] });
    expect(xml).toContain('<testsuites name="sis" tests="3" failures="2" errors="0" skipped="0"');
    expect(xml).toContain(
      '    <testcase name="rejected: stresstest memory --bogus" classname="sis.rejected" time="0.000">\n' +
        '      <failure message="unknown flag &apos;--bogus&apos; for &apos;stresstest memory&apos;" type="unknown-flag"/>\n' +
        '    </testcase>',
    );
    expect(xml).toContain('<testcase name="rejected: nosuchcmd" classname="sis.rejected" time="0.000">\n' +
      '      <failure message="Unknown command: nosuchcmd" type="unknown-command"/>');
  });

  test('an empty document is an empty suite', () => {
    const xml = toJUnitXml({ ...doc, runs: [] });
    expect(xml).toContain('<testsuites name="sis" tests="0" failures="0" errors="0" skipped="0" time="0.000">');
  });
});

describe('escapeXml', () => {
  test('escapes the five specials and replaces characters XML cannot carry', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    expect(escapeXml('x\x00y\x1bz\tw\uD800v')).toBe('x\uFFFDy\uFFFDz\tw\uFFFDv');
    expect(escapeXml('\u{1F600} ok')).toBe('\u{1F600} ok');
  });
});
