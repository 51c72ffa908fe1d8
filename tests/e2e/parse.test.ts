import { afterAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectDocument, type ResultsDocument } from '../../shell/results/index.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { fixture, readJson, tempDir, tempFiles, validateResults } from './run-helpers.js';

const dir = tempDir();
process.env.SIS_HISTORY = join(dir, 'default-history.jsonl');
afterAll(() => expect(existsSync(process.env.SIS_HISTORY!)).toBe(false));

const fixturePath = (name: string): string => join(ROOT, 'tests/fixtures/conformance', `${name}.txt`);

describe('sis parse', () => {
  test.each([
    ['v0-memory', 0],
    ['v1-chaos', 0],
    ['v0-compare-memory', 0],
    ['v3-chaos-verbose-and-quiet', 0],
    ['v3-report', 0],
    ['model-cancel', 5],
    ['model-glued', 1],
  ])('real and model transcripts: %s gives the conformance results, schema-valid, exit %i', async (name, status) => {
    const out = join(dir, `${name}.json`);
    const result = await runCli(['parse', fixturePath(name), '--json', out]);
    expect(result.status).toBe(status);
    const doc = readJson(out) as ResultsDocument;
    expect(validateResults(doc)).toBe(true);
    expect(projectDocument(doc)).toEqual(readJson(join(ROOT, 'tests/fixtures/conformance', `${name}.expected.json`)));
    expect(doc.target).toEqual({ kind: 'board', transport: `log:${fixturePath(name)}` });
  });

  test('prints one line per run with its key metrics; a FAIL exits 1; JUnit alongside', async () => {
    const junit = join(dir, 'chaos.xml');
    const result = await runCli(['parse', fixturePath('model-chaos-verbose'), '--junit', junit]);
    expect(result.stdout.toString()).toBe(
      [
        '#  TYPE   VERDICT       KEY METRICS',
        '1  chaos  PARTIAL PASS  events=6 success=71% failed=2 p99=120ms',
        '2  chaos  FAIL          events=4 success=20% failed=4 p99=3.10ms',
        '2 runs: 1 PARTIAL PASS, 1 FAIL',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe('sis parse: 1 run FAILED\n');
    expect(result.status).toBe(1);
    expect(readFileSync(junit, 'utf8')).toContain('<testsuite name="sis.stresstest" tests="2" failures="2"');
  });

  test('- reads stdin; PARTIAL PASS exits 3, or 0 with --allow-partial', async () => {
    const partial = fixture('model-chaos-verbose').split('sis> stresstest chaos --duration 100')[0]!;
    const strict = await runCli(['parse', '-'], partial);
    expect([strict.status, strict.stderr]).toEqual([3, 'sis parse: 1 run PARTIAL PASS (--allow-partial accepts it)\n']);
    const allowed = await runCli(['parse', '-', '--allow-partial'], partial);
    expect([allowed.status, allowed.stderr]).toEqual([0, '']);
  });

  test('--record adds the results to the history; without it nothing is recorded', async () => {
    const history = join(dir, 'parse-history.jsonl');
    const recorded = await runCli(['parse', fixturePath('model-compare'), '--record', '--history', history]);
    expect(recorded.status).toBe(0);
    const entries = readFileSync(history, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(entries.map((e) => [e.source, e.kind, e.compare.type])).toEqual([
      ['parse', 'compare', 'memory'],
      ['parse', 'compare', 'multi'],
    ]);
    const plain = await runCli(['parse', fixturePath('model-compare')]);
    expect(plain.status).toBe(0);
  });
});

describe('sis parse: bad input gets a clear message and its exit status, and leaves no files', () => {
  test('missing file, a directory, usage errors: exit 2', async () => {
    const missing = join(dir, 'nope.log');
    const cases: Array<[string[], string]> = [
      [['parse', missing], `sis parse: cannot read '${missing}': no such file (ENOENT)\n`],
      [['parse', dir], `sis parse: cannot read '${dir}': it is a directory (EISDIR)\n`],
      [['parse'], "sis parse: missing LOG (a file, or - for stdin)\nTry 'sis parse --help' for more information.\n"],
      [['parse', 'a', 'b'], "sis parse: unexpected argument 'b' (give one LOG)\nTry 'sis parse --help' for more information.\n"],
      [['parse', 'a', '--history', 'h'], "sis parse: --history needs --record\nTry 'sis parse --help' for more information.\n"],
      [['parse', 'a', '--jsn', 'x'], "sis parse: unknown option '--jsn' (did you mean --json?)\nTry 'sis parse --help' for more information.\n"],
    ];
    for (const [args, stderr] of cases) {
      const result = await runCli(args);
      expect([result.status, result.stderr, result.stdout.length]).toEqual([2, stderr, 0]);
    }
  });

  test('an unwritable --json or --junit path: exit 2 before anything is written', async () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'x');
    const readOnlyParent = join(dir, 'out');
    mkdirSync(readOnlyParent);
    const result = await runCli(['parse', fixturePath('v0-memory'), '--json', join(readOnlyParent, 'ok.json'), '--junit', `${file}/j.xml`]);
    expect([result.status, result.stderr, result.stdout.length]).toEqual([
      2,
      `sis parse: cannot write '${file}/j.xml': a path component is not a directory (ENOTDIR)\n`,
      0,
    ]);
    expect(existsSync(join(readOnlyParent, 'ok.json'))).toBe(false);
    expect([...tempFiles(dir), ...tempFiles(readOnlyParent)]).toEqual([]);
  });

  test('empty, binary and unrelated logs hold no results: exit 6, no output file', async () => {
    const empty = join(dir, 'empty.log');
    writeFileSync(empty, '');
    const binary = join(dir, 'binary.log');
    writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    const other = join(dir, 'dmesg.log');
    const dmesg = '[    0.000000] Linux version 6.1.0\n[    0.000001] Command line: quiet\nlogin: ';
    writeFileSync(other, dmesg);
    for (const [path, bytes] of [[empty, 0], [binary, 4096], [other, dmesg.length]] as const) {
      const out = join(dir, 'none.json');
      const result = await runCli(['parse', path, '--json', out]);
      expect([result.status, result.stderr, result.stdout.length]).toEqual([
        6,
        `sis parse: no stress-test results or telemetry in '${path}' (${bytes} bytes read)\n`,
        0,
      ]);
      expect(existsSync(out)).toBe(false);
    }
  });

  test("a board's boot log with telemetry and no stress test: exit 0, the METRIC and [SUMMARY] values exported", async () => {
    const log = join(dir, 'board-boot.log');
    writeFileSync(log, fixture('board-boot-telemetry'));
    const out = join(dir, 'board.json');
    const result = await runCli(['parse', log, '--json', out]);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout.toString()).toContain(
      'telemetry: 7 METRIC samples (cntfrq_hz x1, ctx_switch_ns x2, memory_alloc_ns x2, memory_agent_init x1, meta_agent_init x1); ' +
        '3 [SUMMARY] lines (ctx_switch_ns, memory_alloc_ns, real_ctx_switch_ns)\n',
    );
    const doc = readJson(out) as ResultsDocument;
    expect(validateResults(doc)).toBe(true);
    expect(doc.runs).toEqual([]);
    expect(doc.metrics.samples[0]).toMatchObject({ name: 'cntfrq_hz', value: 62_500_000, line: 10, command: null });
    expect(doc.metrics.summaries.at(-1)).toMatchObject({ name: 'real_ctx_switch_ns', values: { count: 64, P50: 1600, P95: 1800, P99: 2100 } });
  });

  test('truncated logs: cut inside a header gives no result; a later cut keeps what completed and warns', async () => {
    const log = fixture('model-memory-commands');
    const insideHeader = join(dir, 'cut-header.log');
    writeFileSync(insideHeader, log.slice(0, log.indexOf('Noise Level')));
    const first = await runCli(['parse', insideHeader]);
    expect([first.status, first.stderr]).toEqual([
      6,
      `sis parse: no stress-test results or telemetry in '${insideHeader}' (${log.indexOf('Noise Level')} bytes read; 1 test without a summary (the log is truncated or trimmed))\n`,
    ]);
    const secondHeader = join(dir, 'cut-second.log');
    const cut = log.indexOf('Rate: 20 /sec');
    writeFileSync(secondHeader, log.slice(0, cut));
    const out = join(dir, 'cut.json');
    const second = await runCli(['parse', secondHeader, '--json', out]);
    expect([second.status, second.stderr]).toEqual([0, 'sis parse: warning: 1 test without a summary (the log is truncated or trimmed)\n']);
    const doc = readJson(out) as ResultsDocument;
    expect(validateResults(doc)).toBe(true);
    expect(doc.runs.map((r) => [r.type, r.verdict])).toEqual([['memory', 'PASS']]);
  });

  test('malformed summary values are kept as unrecognised lines, never a crash', async () => {
    const log = fixture('model-memory-commands').replace('  OOM Events: 3', '  OOM Events: lots').replace('p99=5120ns', 'p99=???');
    const out = join(dir, 'malformed.json');
    const result = await runCli(['parse', '-', '--json', out], log);
    expect(result.status).toBe(0);
    const doc = readJson(out) as ResultsDocument;
    expect(validateResults(doc)).toBe(true);
    expect(doc.runs[0]!.metrics.oom_events).toBeUndefined();
    expect(doc.runs[0]!.verdict).toBe('PASS');
  });
});
