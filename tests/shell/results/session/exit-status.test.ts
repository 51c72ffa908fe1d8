import { describe, expect, test } from '@jest/globals';
import type { Verdict } from '../../../../shell/parser/index.js';
import type { ResultsDocument, TestRun } from '../../../../shell/results/index.js';
import { createSessionResults, EXIT, EXIT_TABLE, exitStatusHelp, formatSummary, verdictStatus } from '../../../../shell/results/session/index.js';
import { bytes, readFixtureText } from './session-helpers.js';

async function docOf(fixture: string): Promise<ResultsDocument> {
  const results = createSessionResults({ version: '0', target: { kind: 'model', transport: 'virtual' } });
  results.receive(bytes(readFixtureText(fixture)));
  return (await results.finish()).document;
}

function withVerdicts(doc: ResultsDocument, verdicts: Array<Verdict | null>): ResultsDocument {
  const template = doc.runs[0]!;
  const runs: TestRun[] = verdicts.map((verdict, index) => ({ ...template, index, verdict }));
  return { ...doc, runs, errors: [] };
}

describe('verdictStatus', () => {
  test('precedence: FAIL, then transport, then CANCELLED, then PARTIAL PASS', async () => {
    const base = await docOf('model-memory-commands');
    expect(verdictStatus(withVerdicts(base, ['PASS', null]))).toEqual({ code: EXIT.OK, reason: '' });
    expect(verdictStatus(withVerdicts(base, ['PASS', 'PARTIAL PASS']))).toEqual({
      code: 3,
      reason: '1 run PARTIAL PASS (--allow-partial accepts it)',
    });
    expect(verdictStatus(withVerdicts(base, ['PARTIAL PASS']), { allowPartial: true }).code).toBe(0);
    expect(verdictStatus(withVerdicts(base, ['PARTIAL PASS', 'CANCELLED', 'CANCELLED']))).toEqual({
      code: 5,
      reason: '2 runs CANCELLED',
    });
    expect(verdictStatus(withVerdicts(base, ['CANCELLED']), { transportFailed: true })).toEqual({
      code: 4,
      reason: 'the session ended early',
    });
    expect(verdictStatus(withVerdicts(base, ['FAIL', 'CANCELLED', 'FAIL']), { transportFailed: true })).toEqual({
      code: 1,
      reason: '2 runs FAILED',
    });
  });

  test('a command the target rejected fails the session', async () => {
    const glued = await docOf('model-glued');
    expect(verdictStatus(glued, { unknownCommands: ['stresstets'] })).toEqual({
      code: 1,
      reason: '4 commands rejected by the target',
    });
  });

  test('the help table lists every code once, in order', () => {
    expect(EXIT_TABLE.map(([code]) => code)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(exitStatusHelp().split('\n')[0]).toBe('Exit status (when several apply, the first of 1, 4, 5, 3 wins):');
  });
});

describe('formatSummary', () => {
  test('one line per run and compare, rejected commands, and a tally', async () => {
    expect(formatSummary(await docOf('model-chaos-verbose'))).toBe(
      [
        '#  TYPE   VERDICT       KEY METRICS',
        '1  chaos  PARTIAL PASS  events=6 success=71% failed=2 p99=120ms',
        '2  chaos  FAIL          events=4 success=20% failed=4 p99=3.10ms',
        '2 runs: 1 PARTIAL PASS, 1 FAIL',
        '',
      ].join('\n'),
    );
    const compare = formatSummary(await docOf('model-compare'));
    expect(compare.split('\n')).toContain(
      'C1  compare memory         -        interventions off=0 on=31 peak_pressure 56->52 avg_pressure 52->49 oom_events 0->0',
    );
    const glued = await docOf('model-glued');
    expect(formatSummary(glued, ['stresstets']).split('\n').slice(-6)).toEqual([
      "rejected: 'stresstest memory --durtion 5': [ERROR] unknown flag '--durtion' for 'stresstest memory' (did you mean --duration?)",
      "rejected: 'stresstest memory --duration abc': [ERROR] --duration: invalid value 'abc' (expected an integer 1..3600000 ms)",
      "rejected: 'stresstest redteam --duration': [ERROR] --duration: missing value (expected an integer 1..3600000 ms)",
      'rejected: Unknown command: stresstets',
      '1 run: 1 PASS',
      '',
    ]);
  });
});
