import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultsDocument } from '../../shell/results/index.js';
import { runCli } from '../helpers/cli.js';
import {
  fixture,
  readJson,
  responsesFrom,
  startFakeBoard,
  startSilentServer,
  tempDir,
  tempFiles,
  validateResults,
  type FakeBoard,
} from './run-helpers.js';

const dir = tempDir();
process.env.SIS_HISTORY = join(dir, 'default-history.jsonl');
afterAll(() => expect(existsSync(process.env.SIS_HISTORY!)).toBe(false));

const PARTIAL = 'stresstest chaos --duration 300 --fail-rate 40 --verbose --seed 9';
const FAIL = 'stresstest chaos --duration 100 --failure-rate 100 --expect-failures --quiet --seed 3';
const CANCELLED = 'stresstest learning --episodes 5 --seed 11';
const HANGS = 'stresstest memory --duration 60000 --seed 5';
const MEMORY_HEADER = '\n=== Memory Stress Test (Enhanced) ===\nDuration: 60000 ms\nTarget Pressure: 50%\nNoise Level: 10%\nSeed: 5\n\n';
const MEMORY_CANCELLED = [
  '[STRESS TEST] Cancelled after 830 ms',
  '',
  '[STRESS TEST] Memory test complete',
  '  Peak Pressure: 51%',
  '  Avg Pressure: 47%',
  '  OOM Events: 0',
  '  Compaction Triggers: 2',
  '  Alloc Latency: p50=790ns p95=2210ns p99=4480ns',
  '  Status: CANCELLED',
  '',
].join('\n');

describe('sis run against a board over tcp (a fake one, answering from real transcripts)', () => {
  let board: FakeBoard;
  beforeAll(async () => {
    board = await startFakeBoard({
      responses: { ...responsesFrom(fixture('model-chaos-verbose')), ...responsesFrom(fixture('model-cancel')) },
      hang: { [HANGS]: { header: MEMORY_HEADER, cancelled: `\n${MEMORY_CANCELLED}` } },
    });
  });
  afterAll(() => board.close());

  const run = (...args: string[]) => runCli(['run', board.endpoint, '--history', join(dir, 'h.jsonl'), ...args]);

  test('exit status by verdict: PARTIAL PASS 3 (0 with --allow-partial), FAIL 1, CANCELLED 5', async () => {
    const partial = await run('-c', PARTIAL, '--junit', join(dir, 'partial.xml'));
    expect(partial.status).toBe(3);
    expect(partial.stderr).toBe(
      [
        `sis run: connected to ${board.endpoint}`,
        'sis run: JUnit written to ' + join(dir, 'partial.xml'),
        '',
        '#  TYPE   VERDICT       KEY METRICS',
        '1  chaos  PARTIAL PASS  events=6 success=71% failed=2 p99=120ms',
        '1 run: 1 PARTIAL PASS',
        'sis run: 1 run PARTIAL PASS (--allow-partial accepts it)',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'partial.xml'), 'utf8')).toContain('<failure message="Status: PARTIAL PASS" type="PARTIAL PASS">');
    const allowed = await run('-c', PARTIAL, '--allow-partial', '--junit', join(dir, 'allowed.xml'));
    expect(allowed.status).toBe(0);
    expect(readFileSync(join(dir, 'allowed.xml'), 'utf8')).toContain('tests="1" failures="0"');
    const failed = await run('-c', PARTIAL, '-c', FAIL, '--allow-partial');
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/\nsis run: 1 run FAILED\n$/);
    const cancelled = await run('-c', CANCELLED, '-c', PARTIAL);
    expect(cancelled.status).toBe(5);
    expect(cancelled.stderr).toMatch(/\nsis run: 1 run CANCELLED\n$/);
  });

  test('a command that never returns: Ctrl-C after --timeout, its cancelled run kept, exit 4, nothing more sent', async () => {
    const out = join(dir, 'hang.json');
    const before = board.received().length;
    const result = await run('-c', PARTIAL, '-c', HANGS, '-c', FAIL, '--timeout', '400', '--output-json', out);
    expect(result.status).toBe(4);
    expect(result.stderr).toMatch(
      new RegExp(`\\nsis run: '${HANGS}' did not return to the prompt within 400 ms \\(sent Ctrl-C; remaining commands not sent\\)\\nsis run: the session ended early\\n$`),
    );
    const doc = readJson(out) as ResultsDocument;
    expect(validateResults(doc)).toBe(true);
    expect(doc.target).toEqual({ kind: 'board', transport: board.endpoint });
    expect(doc.runs.map((r) => [r.command, r.verdict])).toEqual([
      [PARTIAL, 'PARTIAL PASS'],
      [HANGS, 'CANCELLED'],
    ]);
    expect(board.received().slice(before)).toBe(`${PARTIAL}\r${HANGS}\r\x03`);
    expect(tempFiles(dir)).toEqual([]);
  });
});

test('lines glued behind the prompt (timer noise) do not hide it', async () => {
  const board = await startFakeBoard({
    responses: responsesFrom(fixture('model-chaos-verbose')),
    glue: '[TIMER] Timer running silently\nMETRIC nn_infer_us=543\n',
  });
  try {
    const out = join(dir, 'glued.json');
    const result = await runCli(['run', board.endpoint, '--no-history', '--timeout', '5000', '-c', PARTIAL, '-c', FAIL, '--output-json', out]);
    expect(result.status).toBe(1);
    expect((readJson(out) as ResultsDocument).runs.map((r) => r.verdict)).toEqual(['PARTIAL PASS', 'FAIL']);
  } finally {
    await board.close();
  }
});

describe('sis run when the transport fails', () => {
  test('a server that accepts and never sends: Enter to wake it, then timeout, exit 4', async () => {
    const server = await startSilentServer();
    try {
      const out = join(dir, 'silent.json');
      const result = await runCli(['run', server.endpoint, '--no-history', '-c', 'help', '--timeout', '1200', '--output-json', out]);
      // Asked for a prompt with Enter, again 0.5 s later, within the 1.2 s limit.
      expect(server.received()).toMatch(/^\r{1,3}$/);
      expect(result.status).toBe(4);
      expect(result.stdout.length).toBe(0);
      expect(result.stderr).toBe(
        [
          `sis run: connected to ${server.endpoint}`,
          `sis run: session results written to ${out} (no results)`,
          '',
          '0 runs',
          `sis run: no prompt from ${server.endpoint} within 1200 ms`,
          'sis run: the session ended early',
          '',
        ].join('\n'),
      );
      const doc = readJson(out) as ResultsDocument;
      expect(validateResults(doc)).toBe(true);
      expect(doc.runs).toEqual([]);
      expect(tempFiles(dir)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  test('nothing listening: exit 4 with the reason, and no results file', async () => {
    const server = await startSilentServer();
    const endpoint = server.endpoint;
    await server.close();
    const out = join(dir, 'refused.json');
    const result = await runCli(['run', endpoint, '--no-history', '-c', 'help', '--output-json', out]);
    expect(result.status).toBe(4);
    expect(result.stderr).toMatch(new RegExp(`^sis run: ${endpoint}: .*refused.*\\n$`, 'i'));
    expect(existsSync(out)).toBe(false);
  });
});
