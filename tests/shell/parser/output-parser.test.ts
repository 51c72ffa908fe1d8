import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { ParserEvent } from '../../../shell/parser/index.js';
import { parseAll, perPush } from './parse-helpers.js';

const prompt = (completed: string | null = null): ParserEvent => ({ type: 'prompt', completed });
const command = (c: string): ParserEvent => ({ type: 'command', command: c });
const other = (text: string): ParserEvent => ({ type: 'other', text, overlong: false });

describe('prompt and echo', () => {
  test('the bare prompt is announced by the push that completes it', () => {
    expect(perPush(['si', 's>', ' '])).toEqual([[], [], [prompt()]]);
  });

  test('the echo of a command follows its prompt; the next prompt completes it', () => {
    expect(perPush(['sis> ', 'stresstest rep', 'ort\r', '\nout\nsis> '])).toEqual([
      [prompt()],
      [],
      [],
      [command('stresstest report'), other('out'), prompt('stresstest report')],
    ]);
  });

  test('an empty echoed line (CRLF sent) gives a second prompt and no command', () => {
    expect(parseAll('sis> \r\nsis> ')).toEqual([prompt(), prompt()]);
  });

  test('backspace echoes are applied to the echoed command', () => {
    expect(parseAll('sis> stresstest chaoz\b \bs --quiet\r\n')).toEqual([prompt(), command('stresstest chaos --quiet')]);
  });

  test('^C at the prompt discards the typed text', () => {
    expect(parseAll('sis> stresstest mem^C\r\nsis> ')).toEqual([
      prompt(),
      { type: 'interrupt', input: 'stresstest mem' },
      prompt(),
    ]);
  });

  test('escape sequences before the prompt (clear) do not hide it', () => {
    expect(perPush(['\x1b[2', 'J\x1b[Hsis', '> '])).toEqual([[], [], [prompt()]]);
  });

  test('kernel lines glued after the prompt are classified, not taken as commands', () => {
    expect(parseAll('sis> [TIMER] Timer freq=62500000 Hz\nsis> METRIC nn_infer_us=543\n')).toEqual([
      prompt(),
      { type: 'timer', message: 'Timer freq=62500000 Hz' },
      prompt(),
      { type: 'metric', name: 'nn_infer_us', value: 543, raw: '543', line: 2 },
    ]);
  });

  test('a daemon-style line that is exactly `sis>` is a prompt', () => {
    expect(parseAll('sis>\n')).toEqual([prompt()]);
  });
});

describe('lines', () => {
  test('\\r is dropped and the unterminated tail is kept until its newline', () => {
    expect(perPush(['Unknown command: fo', 'o\r', '\n'])).toEqual([[], [], [{ type: 'unknown-command', command: 'foo' }]]);
  });

  test('end() takes the tail as a line', () => {
    expect(parseAll('METRIC x=1')).toEqual([{ type: 'metric', name: 'x', value: 1, raw: '1', line: 1 }]);
  });

  test('a tail longer than the cap is emitted as overlong pieces before its newline arrives', () => {
    const events = perPush(['a'.repeat(5000), 'b'.repeat(4000), '\n'], { maxLineLength: 4096 });
    expect(events).toEqual([
      [{ type: 'other', text: 'a'.repeat(4096), overlong: true }],
      [{ type: 'other', text: 'a'.repeat(904) + 'b'.repeat(3192), overlong: true }],
      [other('b'.repeat(808))],
    ]);
  });

  test('METRIC values: integers, decimals; malformed METRIC lines are other', () => {
    expect(parseAll('METRIC a=12\nMETRIC  b.c=1.5\nMETRIC d=x\n')).toEqual([
      // Telemetry carries the number of its line in the stream.
      { type: 'metric', name: 'a', value: 12, raw: '12', line: 1 },
      { type: 'metric', name: 'b.c', value: 1.5, raw: '1.5', line: 2 },
      other('METRIC d=x'),
    ]);
  });

  test('tagged kernel lines, summaries, boot markers and errors', () => {
    expect(
      parseAll(
        [
          '[AI] Predicting: memory pressure',
          '[SAFETY] PANIC: Memory pressure critical (100 > 98)',
          '[PRED_MEM] Strategy change: conservative',
          '[SUMMARY] ctx_switch_ns: count=64 P50=1200 ns, P95=2400 ns, P99=5000 ns',
          '!KERNEL(U)',
          'MMU ON',
          '[AUTOCTL] Decision interval set to 1000 ms',
          '[ERROR] Unknown test type',
          '',
        ].join('\n'),
      ),
    ).toEqual([
      { type: 'ai-prediction', message: 'Predicting: memory pressure' },
      { type: 'safety', message: 'PANIC: Memory pressure critical (100 > 98)' },
      { type: 'autonomy', tag: 'PRED_MEM', message: 'Strategy change: conservative' },
      { type: 'summary', name: 'ctx_switch_ns', values: { count: 64, P50: 1200, P95: 2400, P99: 5000 }, line: 4 },
      { type: 'boot', marker: '!KERNEL(U)', text: '!KERNEL(U)' },
      { type: 'boot', marker: 'MMU ON', text: 'MMU ON' },
      { type: 'autoctl', message: 'Decision interval set to 1000 ms' },
      {
        type: 'error',
        error: { kind: 'other', message: 'Unknown test type', flag: null, value: null, expected: null, suggestion: null },
      },
    ]);
  });
});

describe('chaos events', () => {
  test('a verbose outcome joins its event; events without one are emitted at the next line', () => {
    expect(
      parseAll(
        '[CHAOS] Disk I/O stall (45ms)\n  -> FAILED after 45210us (timeout)\n[CHAOS] Recovery\n[CHAOS] Prediction storm (12x)\n  -> ok in 80us\n  -> ok in 1us\n',
      ),
    ).toEqual([
      {
        type: 'chaos-event',
        kind: 'disk-io-stall',
        name: 'Disk I/O stall',
        param: { value: 45, unit: 'ms' },
        outcome: { status: 'failed', us: 45210, reason: 'timeout' },
      },
      { type: 'chaos-event', kind: 'recovery', name: 'Recovery', param: null, outcome: null },
      {
        type: 'chaos-event',
        kind: 'prediction-storm',
        name: 'Prediction storm',
        param: { value: 12, unit: 'x' },
        outcome: { status: 'ok', us: 80 },
      },
      other('  -> ok in 1us'),
    ]);
  });

  test('the V2 `  [FAILED]` line is a failed outcome without a time', () => {
    expect(parseAll('[CHAOS] Command burst (10 cmds)\n  [FAILED]\n')[0]).toEqual({
      type: 'chaos-event',
      kind: 'command-burst',
      name: 'Command burst',
      param: { value: 10, unit: 'cmds' },
      outcome: { status: 'failed', us: null, reason: null },
    });
  });

  test('an event named like an Object property is of an unknown kind', () => {
    const events = parseAll('[CHAOS] Constructor (5 x)\n[CHAOS] __proto__\n[CHAOS] toString\n');
    expect(events.map((e) => (e.type === 'chaos-event' ? [e.name, e.kind] : e.type))).toEqual([
      ['Constructor', 'unknown'],
      ['__proto__', 'unknown'],
      ['toString', 'unknown'],
    ]);
  });
});

describe('the model-glued fixture', () => {
  test('gives exactly these events', () => {
    const text = readFileSync(new URL('../../fixtures/conformance/model-glued.txt', import.meta.url), 'latin1');
    const redteamConfig = { duration_ms: 300, seed: '5', extra: {} };
    const shellLine = { label: 'Red team', fields: { attacks_survived: 31, duration_ms: 300 } };
    const err = (kind: string, message: string, flag: string, value: string | null, expected: string | null, suggestion: string | null) => ({
      type: 'error',
      error: { kind, message, flag, value, expected, suggestion },
    });
    const expectedRange = 'an integer 1..3600000 ms';
    expect(parseAll(text)).toEqual([
      { type: 'autoctl', message: 'Autonomous mode ENABLED at boot (bringup)' },
      { type: 'boot', marker: 'LAUNCHING SHELL', text: 'LAUNCHING SHELL' },
      { type: 'boot', marker: 'shell-banner', text: '=== SIS Kernel Shell ===' },
      other("Type 'help' for available commands"),
      prompt(),
      { type: 'timer', message: "Timer running silently (use 'autoctl status' to check)" },
      { type: 'timer', message: 'Timer freq=62500000 Hz' },
      { type: 'autonomy', tag: 'AUTONOMY', message: 'Starting decision tick at timestamp 43769402' },
      { type: 'metric', name: 'nn_infer_us', value: 543, raw: '543', line: 10 },
      { type: 'metric', name: 'nn_infer_count', value: 2, raw: '2', line: 11 },
      prompt(),
      { type: 'metric', name: 'nn_infer_us', value: 511, raw: '511', line: 13 },
      prompt(),
      command('stresstest memory --durtion 5'),
      err('unknown-flag', "unknown flag '--durtion' for 'stresstest memory' (did you mean --duration?)", '--durtion', null, null, '--duration'),
      prompt('stresstest memory --durtion 5'),
      command('stresstest memory --duration abc'),
      err('invalid-value', `--duration: invalid value 'abc' (expected ${expectedRange})`, '--duration', 'abc', expectedRange, null),
      prompt('stresstest memory --duration abc'),
      command('stresstest redteam --duration'),
      err('missing-value', `--duration: missing value (expected ${expectedRange})`, '--duration', null, expectedRange, null),
      prompt('stresstest redteam --duration'),
      command('stresstets'),
      { type: 'unknown-command', command: 'stresstets' },
      other("Type 'help' for available commands"),
      prompt('stresstets'),
      command('autoctl status'),
      {
        type: 'autoctl-status',
        fields: {
          Mode: 'ENABLED',
          'Ready Flag': 'SET (timer will call tick)',
          'Safe Mode': 'INACTIVE',
          Learning: 'ACTIVE',
          'Decision Interval': '500 ms',
          'Total Decisions': '12',
          'Audit Log': '12/1000 entries',
          'Accuracy (last 100)': 'N/A',
          'Accuracy (last 500)': 'N/A',
          'Watchdog Triggers': '0 low rewards, 0 high TD errors',
        },
        enabled: true,
        decisionIntervalMs: 500,
        totalDecisions: 12,
      },
      prompt('autoctl status'),
      command('clear'),
      prompt('clear'),
      command('stresstest redteam --duration 300 --seed 5'),
      {
        type: 'test-start',
        testType: 'redteam',
        title: 'Red Team Adversarial Stress Test',
        format: 'V1',
        header: { Duration: '300 ms', Seed: '5' },
        config: redteamConfig,
      },
      { type: 'timer', message: 'Tick 4 rearmed' },
      {
        type: 'result',
        result: {
          testType: 'redteam',
          format: 'V1',
          title: 'Red Team Adversarial Stress Test',
          anchor: '[STRESS TEST] Red team test complete',
          config: redteamConfig,
          verdict: 'PASS',
          cancelledAfterMs: null,
          metrics: { attacks_survived: 31 },
          extra: {},
          shellLine,
        },
      },
      { type: 'stresstest-line', testType: 'redteam', line: shellLine },
      prompt('stresstest redteam --duration 300 --seed 5'),
    ]);
  });
});
