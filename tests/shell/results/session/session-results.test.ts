import { describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHistoryRecorder, readHistory } from '../../../../shell/results/history/index.js';
import { projectDocument } from '../../../../shell/results/index.js';
import { createManualClock } from '../../../../uart/index.js';
import {
  createSessionResults,
  type SessionNotice,
  type SessionResultsOptions,
} from '../../../../shell/results/session/index.js';
import { bytes, readFixtureText, splitAtPrompts, tempDir, tempFiles, validateResults } from './session-helpers.js';

const TARGET = { kind: 'model' as const, transport: 'virtual' };

function session(extra: Partial<SessionResultsOptions> = {}) {
  const notices: SessionNotice[] = [];
  const results = createSessionResults({ version: '1.2.3', target: TARGET, onNotice: (n) => notices.push(n), ...extra });
  return { results, notices };
}

describe('createSessionResults', () => {
  const memoryCommands = readFixtureText('model-memory-commands');

  test("a line's --output-json gets exactly that command's results when its prompt returns", async () => {
    const dir = tempDir();
    const path = join(dir, 'm.json');
    const { results, notices } = session();
    const pieces = splitAtPrompts(memoryCommands);
    expect(pieces).toHaveLength(4);
    results.receive(bytes(pieces[0]!));
    expect(results.submitLine(`stresstest memory --duration 2000 --oom-probability 2 --seed 42 --output-json ${path}`)).toEqual({
      ok: true,
      send: 'stresstest memory --duration 2000 --oom-probability 2 --seed 42',
      outputJson: path,
    });
    results.receive(bytes(pieces[1]!));
    results.receive(bytes(pieces[2]!));
    results.receive(bytes(pieces[3]!));
    const { document, ok } = await results.finish();
    expect(ok).toBe(true);
    const written = JSON.parse(readFileSync(path, 'utf8'));
    expect(validateResults(written)).toBe(true);
    expect(written.runs).toHaveLength(1);
    expect(written.runs[0].command).toBe('stresstest memory --duration 2000 --oom-probability 2 --seed 42');
    expect(written.runs[0].metrics.oom_events).toBe(3);
    expect(written.generator).toEqual({ name: 'sis', version: '1.2.3' });
    expect(document.runs.map((r) => r.type)).toEqual(['memory', 'commands']);
    expect(notices).toEqual([
      {
        level: 'info',
        message: `results of 'stresstest memory --duration 2000 --oom-probability 2 --seed 42' written to ${path} (1 run)`,
      },
    ]);
    expect(tempFiles(dir)).toEqual([]);
  });

  test('the session document matches the conformance expectation, and is written by finish()', async () => {
    const dir = tempDir();
    const path = join(dir, 'session.json');
    const { results, notices } = session({ outputJson: path });
    results.receive(bytes(memoryCommands));
    const { document } = await results.finish();
    const expected = JSON.parse(readFileSync(new URL('../../../fixtures/conformance/model-memory-commands.expected.json', import.meta.url), 'utf8'));
    expect(projectDocument(document)).toEqual(expected);
    const written = JSON.parse(readFileSync(path, 'utf8'));
    expect(validateResults(written)).toBe(true);
    expect(written).toEqual(document);
    expect(notices).toEqual([{ level: 'info', message: `session results written to ${path} (2 runs)` }]);
    expect(await results.finish()).toEqual({ document, ok: true });
  });

  test('each command is recorded in the history when its prompt returns; compares keep their halves', async () => {
    const dir = tempDir();
    const history = join(dir, 'state', 'sis', 'history.jsonl');
    const { results } = session({ history: createHistoryRecorder({ path: history, source: 'console' }) });
    const pieces = splitAtPrompts(readFixtureText('model-compare') + readFixtureText('model-memory-commands'));
    results.receive(bytes(pieces[0]!));
    results.receive(bytes(pieces[1]!));
    const afterFirst = await readHistory(history);
    expect(afterFirst.ok && afterFirst.entries.map((e) => e.kind)).toEqual(['compare']);
    for (const piece of pieces.slice(2)) results.receive(bytes(piece));
    await results.finish();
    const read = await readHistory(history);
    if (!read.ok) throw new Error(read.message);
    expect(read.corrupt).toBe(0);
    expect(read.entries.map((e) => (e.kind === 'run' ? e.run.type : `compare ${e.compare.type}`))).toEqual([
      'compare memory',
      'compare multi',
      'memory',
      'commands',
    ]);
    const first = read.entries[0]!;
    expect(first.kind === 'compare' && first.runs.map((r) => r.compare)).toEqual([
      { index: 0, side: 'off' },
      { index: 0, side: 'on' },
    ]);
    expect(first.source).toBe('console');
    expect(first.target).toEqual(TARGET);
  });

  test('a refused line makes finish() not ok, so the console exits non-zero', async () => {
    const { results } = session();
    expect(results.submitLine(`help --output-json ${join(tempDir(), 'missing', 'x.json')}`).ok).toBe(false);
    expect(results.submitLine('help').ok).toBe(true);
    expect((await results.finish()).ok).toBe(false);
  });

  test('a line whose path cannot be written is refused before it is sent', () => {
    const dir = tempDir();
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'x');
    const { results } = session();
    expect(results.submitLine(`stresstest memory --output-json ${file}/out.json`)).toEqual({
      ok: false,
      message: `--output-json: cannot write '${file}/out.json': a path component is not a directory (ENOTDIR)`,
    });
    expect(results.submitLine(`help --output-json ${join(dir, 'missing', 'x.json')}`)).toEqual({
      ok: false,
      message: `--output-json: cannot write '${join(dir, 'missing', 'x.json')}': the directory does not exist (ENOENT)`,
    });
    expect(results.submitLine(`help --output-json ${dir}`)).toEqual({
      ok: false,
      message: `--output-json: cannot write '${dir}': the target is a directory (EISDIR)`,
    });
  });

  test('a write that fails when the prompt returns is reported, leaves no file, and finish() is not ok', async () => {
    const dir = tempDir();
    const sub = join(dir, 'gone');
    mkdirSync(sub);
    const { results, notices } = session();
    const pieces = splitAtPrompts(memoryCommands);
    results.receive(bytes(pieces[0]!));
    expect(results.submitLine(`stresstest memory --output-json ${sub}/m.json`).ok).toBe(true);
    rmSync(sub, { recursive: true });
    for (const piece of pieces.slice(1)) results.receive(bytes(piece));
    const { ok } = await results.finish();
    expect(ok).toBe(false);
    expect(notices).toEqual([{ level: 'error', message: `cannot write '${sub}/m.json': the directory does not exist (ENOENT)` }]);
    expect(existsSync(sub)).toBe(false);
    expect(tempFiles(dir)).toEqual([]);
  });

  test('a history that cannot be written is reported once and the session goes on', async () => {
    const dir = tempDir();
    const blocker = join(dir, 'file');
    writeFileSync(blocker, '');
    const { results, notices } = session({ history: createHistoryRecorder({ path: join(blocker, 'h.jsonl'), source: 'run' }) });
    results.receive(bytes(memoryCommands));
    const { document, ok } = await results.finish();
    expect(ok).toBe(true);
    expect(document.runs).toHaveLength(2);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.level).toBe('error');
    expect(notices[0]!.message).toMatch(/^cannot record history in '.*\/file\/h\.jsonl': (ENOTDIR|EEXIST): .*\(history off for this session\)$/);
  });

  test('Unknown command and [ERROR] lines are kept; events are passed on in order', async () => {
    const seen: string[] = [];
    const { results } = session({ onEvents: (events) => seen.push(...events.map((e) => e.type)) });
    results.receive(bytes(readFixtureText('model-glued')));
    const { document } = await results.finish();
    expect(results.unknownCommands).toEqual(['stresstets']);
    expect(document.errors.map((e) => e.kind)).toEqual(['unknown-flag', 'invalid-value', 'missing-value']);
    expect(seen.filter((t) => t === 'unknown-command')).toHaveLength(1);
    expect(seen.slice(0, 3)).toEqual(['autoctl', 'boot', 'boot']);
  });
});

describe('results from the conversation engine', () => {
  test("a run whose echo was not on a `sis> ` line (prompt buried under timer output) still gets its command", async () => {
    const { results } = session();
    const text = readFixtureText('v1-chaos');
    const body = text.slice(text.indexOf('\n') + 1); // the transcript without its `sis> stresstest chaos` echo line
    const command = { id: 1, line: 'stresstest chaos --seed 3' };
    expect(results.submitLine(command.line)).toMatchObject({ ok: true });
    results.engineEvent({ type: 'command-sent', command });
    const { createOutputParser } = await import('../../../../shell/parser/index.js');
    const parser = createOutputParser();
    for (const event of [...parser.push(bytes(body)), ...parser.end()]) results.engineEvent({ type: 'parsed', event, command: 1 });
    results.engineEvent({ type: 'command-finished', command });
    const doc = (await results.finish()).document;
    expect(doc.runs.map((r) => [r.type, r.command])).toEqual([['chaos', 'stresstest chaos --seed 3']]);
  });

  test('METRIC samples are stamped with the time their bytes arrived, not the time they were handled', async () => {
    const clock = createManualClock({ wallStartMs: Date.UTC(2026, 11, 7, 12, 0, 0) });
    const { results } = session({ clock });
    const chunk = bytes('METRIC heap_pct=51\nMETRIC heap_pct=52\n');
    results.engineEvent({ type: 'received', chunk, command: null });
    clock.advance(1500);
    for (const value of [51, 52]) {
      results.engineEvent({ type: 'parsed', event: { type: 'metric', name: 'heap_pct', value, raw: String(value) }, command: null });
    }
    const doc = (await results.finish()).document;
    expect(doc.metrics.samples.map((m) => [m.value, m.at])).toEqual([
      [51, '2026-12-07T12:00:00.000Z'],
      [52, '2026-12-07T12:00:00.000Z'],
    ]);
  });
});
