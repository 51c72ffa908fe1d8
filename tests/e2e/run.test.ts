import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectDocument, type ResultsDocument } from '../../shell/results/index.js';
import { runCli } from '../helpers/cli.js';
import { readJson, tempDir, tempFiles, validateResults } from './run-helpers.js';

const dir = tempDir();
// Nothing a test runs may touch the real home: every command also gets --history or --no-history.
process.env.SIS_HISTORY = join(dir, 'default-history.jsonl');
afterAll(() => expect(existsSync(process.env.SIS_HISTORY!)).toBe(false));

/** The exit status the documented table gives a document (no transport problem). */
function expectedStatus(doc: ResultsDocument): number {
  const verdicts = doc.runs.map((r) => r.verdict);
  if (verdicts.includes('FAIL') || doc.errors.length > 0) return 1;
  if (verdicts.includes('CANCELLED')) return 5;
  return verdicts.includes('PARTIAL PASS') ? 3 : 0;
}

describe('sis run on the embedded model', () => {
  const script = join(dir, 'round-trip.sis');
  const perCommand = join(dir, 'memory-2.json');
  const history = join(dir, 'history.jsonl');
  let run: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    writeFileSync(
      script,
      [
        '# the round trip: every kind of block the model prints',
        'stresstest memory --duration 1000 --seed 1',
        '',
        `stresstest memory --duration 1000 --seed 2 --output-json ${perCommand}`,
        '   # an indented comment',
        'stresstest chaos --duration 1000 --fail-rate 20 --expect-failures --verbose --seed 3',
        'stresstest compare memory --duration 500 --runs 2 --seed 4',
        'stresstest commands --duration 500 --rate 40 --seed 5',
        'stresstest report',
      ].join('\n'),
    );
    run = await runCli([
      'run', '--seed', '9', '--script', script, '--output-json', join(dir, 'run.json'), '--junit', join(dir, 'junit.xml'),
      '--history', history,
    ]);
    writeFileSync(join(dir, 'transcript.txt'), run.stdout);
  });

  test('round trip: the session JSON equals sis parse of its own transcript', async () => {
    const doc = readJson(join(dir, 'run.json')) as ResultsDocument;
    expect(validateResults(doc)).toBe(true);
    expect(doc.target).toEqual({ kind: 'model', transport: 'virtual' });
    expect(doc.runs.filter((r) => r.compare === null).map((r) => r.type)).toEqual(['memory', 'memory', 'chaos', 'commands']);
    expect(doc.compares).toHaveLength(1);
    expect(doc.reports).toHaveLength(1);
    expect(run.status).toBe(expectedStatus(doc));
    const parse = await runCli(['parse', join(dir, 'transcript.txt'), '--json', join(dir, 'parsed.json')]);
    expect(parse.status).toBe(run.status);
    const parsed = readJson(join(dir, 'parsed.json')) as ResultsDocument;
    expect(validateResults(parsed)).toBe(true);
    expect(projectDocument(parsed)).toEqual(projectDocument(doc));
    expect(parsed.target).toEqual({ kind: 'board', transport: `log:${join(dir, 'transcript.txt')}` });
    // Both print the same summary: sis run on stderr after the transcript, sis parse on stdout.
    expect(run.stderr).toContain(parse.stdout.toString());
    expect(parse.stdout.toString()).toMatch(/^#  +TYPE +VERDICT +KEY METRICS\n1  +memory +PASS +peak=\d+% avg=\d+% oom=\d+ /);
  });

  test("a script line's --output-json is taken off the line and gets that command's results", () => {
    const transcript = run.stdout.toString('latin1');
    expect(transcript).toContain('sis> stresstest memory --duration 1000 --seed 2\r\n');
    expect(transcript).not.toContain('--output-json');
    const own = readJson(perCommand) as ResultsDocument;
    expect(validateResults(own)).toBe(true);
    const session = readJson(join(dir, 'run.json')) as ResultsDocument;
    const command = 'stresstest memory --duration 1000 --seed 2';
    const samples = projectDocument(session).metrics.samples.filter((s) => s.command === command);
    expect(samples.length).toBeGreaterThan(0);
    expect(projectDocument(own)).toEqual({
      runs: [{ ...projectDocument(session).runs[1]!, index: 0 }],
      compares: [],
      reports: [],
      errors: [],
      metrics: { samples, summaries: [], dropped: 0 },
    });
    expect(run.stderr).toContain(
      `sis run: results of 'stresstest memory --duration 1000 --seed 2' written to ${perCommand} (1 run)\n`,
    );
  });

  test('JUnit has one testcase per run; the history one entry per standalone run and per compare', async () => {
    const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(junit.match(/<testcase /g)).toHaveLength((readJson(join(dir, 'run.json')) as ResultsDocument).runs.length);
    expect(junit).toContain('classname="sis.stresstest.chaos"');
    const lines = readFileSync(history, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((e) => (e.kind === 'run' ? e.run.type : `compare ${e.compare.type}`))).toEqual([
      'memory', 'memory', 'chaos', 'compare memory', 'commands',
    ]);
    expect(lines.every((e) => e.source === 'run' && e.target.transport === 'virtual')).toBe(true);
    expect(tempFiles(dir)).toEqual([]);
  });

  test('a command the kernel rejects makes the session fail (exit 1); one that runs nothing passes (exit 0)', async () => {
    const rejected = await runCli(['run', '--no-history', '-c', 'stresstest memory --durtion 5', '-c', 'frobnicate']);
    expect(rejected.status).toBe(1);
    expect(rejected.stderr).toBe(
      [
        '',
        "rejected: 'stresstest memory --durtion 5': [ERROR] unknown flag '--durtion' for 'stresstest memory' (did you mean --duration?)",
        'rejected: Unknown command: frobnicate',
        '0 runs',
        'sis run: 2 commands rejected by the target',
        '',
      ].join('\n'),
    );
    const help = await runCli(['run', '--no-history', '-c', 'help']);
    expect(help.status).toBe(0);
    // The boot's METRIC line is the session's only result: it is listed.
    expect(help.stderr).toBe('\n0 runs\ntelemetry: 1 METRIC samples (cntfrq_hz x1); 0 [SUMMARY] lines\n');
    expect(help.stdout.toString('latin1')).toMatch(/sis> help\r\nAvailable commands:\n[\s\S]*\nsis> $/);
  });
});

describe('sis run: usage errors start nothing and exit 2', () => {
  test('bad options and inputs each get one clear line', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const badScript = join(dir, 'bad.sis');
    writeFileSync(badScript, 'help\nstresstest memory --output-json\n');
    const cases: Array<[string[], string]> = [
      [['run'], 'sis run: nothing to run: give -c CMD, --script FILE or --macro NAME'],
      [['run', '-c', 'help', '--timeout', 'soon'], "sis run: --timeout: invalid value 'soon' (expected an integer 0..86400000)"],
      [['run', '-c', 'help', '--promt', 'x'], "sis run: unknown option '--promt' (did you mean --prompt?)"],
      [['run', '-c', 'help', '--prompt', '('], "sis run: --prompt: invalid regular expression '(' (Invalid regular expression: /(/: Unterminated group)"],
      [['run', 'tcp:127.0.0.1:9', '--seed', '1', '-c', 'help'], 'sis run: --seed applies only to the embedded kernel model, not to tcp:127.0.0.1:9'],
      [['run', '-c', 'help', '--history', 'h', '--no-history'], 'sis run: --history and --no-history cannot be used together'],
    ];
    // The runs are independent: side by side, they take one start-up of the CLI, not eleven.
    const results = await Promise.all(cases.map(([args]) => runCli(args)));
    cases.forEach(([, message], i) => {
      expect([results[i]!.status, results[i]!.stderr]).toEqual([2, `${message}\nTry 'sis run --help' for more information.\n`]);
      expect(results[i]!.stdout.length).toBe(0);
    });
    const inputs: Array<[string[], string]> = [
      [['--script', join(dir, 'missing.sis')], `sis run: cannot read script '${join(dir, 'missing.sis')}': no such file (ENOENT)\n`],
      [['--script', badScript], "sis run: --output-json needs a file path in 'stresstest memory --output-json'\n"],
      [['-c', 'help', '--output-json', `${file}/out.json`], `sis run: cannot write '${file}/out.json': a path component is not a directory (ENOTDIR)\n`],
      [['-c', 'help', '--junit', join(dir, 'no', 'j.xml')], `sis run: cannot write '${join(dir, 'no', 'j.xml')}': the directory does not exist (ENOENT)\n`],
      [['-c', `help --output-json ${file}/x.json`], `sis run: cannot write '${file}/x.json': a path component is not a directory (ENOTDIR)\n`],
    ];
    const inputResults = await Promise.all(inputs.map(([args]) => runCli(['run', '--no-history', ...args])));
    inputs.forEach(([, stderr], i) => {
      expect([inputResults[i]!.status, inputResults[i]!.stderr, inputResults[i]!.stdout.length]).toEqual([2, stderr, 0]);
    });
    expect(tempFiles(dir)).toEqual([]);
  }, 60_000);

  test('--help documents the exit statuses; a mistyped subcommand is suggested', async () => {
    const help = await runCli(['run', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout.toString()).toMatch(/^Usage: sis run \[TARGET\] \[options\] \(-c CMD \.\.\. \| --script FILE\)\n/);
    expect(help.stdout.toString()).toContain(
      '  4  transport error: the target could not be opened or went away, or no prompt in time\n',
    );
    const typo = await runCli(['rnu']);
    expect([typo.status, typo.stderr]).toEqual([2, "sis: unknown command 'rnu' (did you mean run?)\nTry 'sis --help' for more information.\n"]);
  });
});
