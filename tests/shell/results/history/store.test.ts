import { describe, expect, test } from '@jest/globals';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createManualClock } from '../../../../uart/index.js';
import {
  appendHistory,
  createHistoryRecorder,
  entryMatchesType,
  formatHistoryTable,
  historyEntries,
  readHistory,
  type HistoryEntry,
} from '../../../../shell/results/history/index.js';
import { createSessionResults } from '../../../../shell/results/session/index.js';
import type { ResultsDocument } from '../../../../shell/results/index.js';
import { bytes, readFixtureText, tempDir } from '../session/session-helpers.js';

async function docOf(fixture: string, transport = 'virtual'): Promise<ResultsDocument> {
  const results = createSessionResults({ version: '0', target: { kind: 'model', transport } });
  results.receive(bytes(readFixtureText(fixture)));
  return (await results.finish()).document;
}

const AT = new Date(Date.UTC(2026, 10, 27, 23, 0, 5));

describe('history entries', () => {
  test('one entry per standalone run and per compare, in completion order', async () => {
    const doc = await docOf('model-compare');
    const entries = historyEntries(doc, 'run', AT);
    expect(entries.map((e) => e.kind)).toEqual(['compare', 'compare']);
    expect(entries.map((e) => (e.kind === 'compare' ? e.runs.map((r) => r.index) : []))).toEqual([[0, 1], [2, 3]]);
    expect(entries[0]!.recorded_at).toBe('2026-11-27T23:00:05.000Z');
    const mixed = historyEntries(await docOf('model-chaos-verbose'), 'parse', AT);
    expect(mixed.map((e) => e.kind === 'run' && e.run.verdict)).toEqual(['PARTIAL PASS', 'FAIL']);
  });

  test('the table: date, type, verdict, key metrics, target', async () => {
    const entries = [
      ...historyEntries(await docOf('model-memory-commands'), 'run', AT),
      ...historyEntries(await docOf('model-compare', 'tcp:127.0.0.1:4444'), 'console', AT),
    ];
    expect(formatHistoryTable(entries)).toBe(
      [
        'DATE (UTC)           TYPE            VERDICT  KEY METRICS                                                                         TARGET',
        '2026-11-27 23:00:05  memory          PASS     peak=54% avg=50% oom=3 compactions=0 p99=5.12µs                                     virtual',
        '2026-11-27 23:00:05  commands        PASS     sent=20 p99=97.0µs                                                                  virtual',
        '2026-11-27 23:00:05  compare memory  -        interventions off=0 on=31 peak_pressure 56->52 avg_pressure 52->49 oom_events 0->0  tcp:127.0.0.1:4444',
        '2026-11-27 23:00:05  compare multi   -        interventions off=0 on=0 actions 49->49                                             tcp:127.0.0.1:4444',
        '',
      ].join('\n'),
    );
    expect(entries.filter((e) => entryMatchesType(e, 'memory'))).toHaveLength(2);
    expect(entries.filter((e) => entryMatchesType(e, 'compare'))).toHaveLength(2);
    expect(entries.filter((e) => entryMatchesType(e, 'chaos'))).toHaveLength(0);
  });
});

describe('history store', () => {
  test('appends JSON lines, creating the directory; a missing file is an empty history', async () => {
    const path = join(tempDir(), 'deep', 'er', 'history.jsonl');
    expect(await readHistory(path)).toEqual({ ok: true, entries: [], corrupt: 0 });
    const recorder = createHistoryRecorder({ path, source: 'run', clock: createManualClock({ wallStartMs: AT.getTime() }) });
    expect(recorder.record(await docOf('model-memory-commands'))).toEqual({ ok: true, appended: 2 });
    expect(recorder.record(await docOf('model-chaos-verbose'))).toEqual({ ok: true, appended: 2 });
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(5);
    const read = await readHistory(path);
    expect(read.ok && read.entries.map((e: HistoryEntry) => e.kind === 'run' && e.run.type)).toEqual([
      'memory',
      'commands',
      'chaos',
      'chaos',
    ]);
  });

  test('corrupt lines (bad JSON, wrong shape, other version, a torn last line) are skipped and counted', async () => {
    const path = join(tempDir(), 'history.jsonl');
    const good = historyEntries(await docOf('model-memory-commands'), 'run', AT);
    appendHistory(path, good.slice(0, 1));
    appendFileSync(path, 'not json\n\n{"history_version":1,"kind":"run"}\n');
    appendFileSync(path, `${JSON.stringify({ ...good[1], history_version: 2 })}\n`);
    appendHistory(path, good.slice(1));
    appendFileSync(path, JSON.stringify(good[0]).slice(0, 40));
    const read = await readHistory(path);
    expect(read.ok && read.corrupt).toBe(4);
    expect(read.ok && read.entries).toEqual(good);
  });

  test('an unreadable history is an error value, not an exception', async () => {
    const dir = tempDir();
    expect(await readHistory(dir)).toEqual({ ok: false, message: expect.stringMatching(/^cannot read history '.*': EISDIR: /) });
  });

  test('--last reads from the end: the same entries as the whole file, across the rotated file too', async () => {
    const path = join(tempDir(), 'history.jsonl');
    const entries = historyEntries(await docOf('model-memory-commands'), 'run', AT);
    const many = Array.from({ length: 30 }, (_, i) => ({ ...entries[i % 2]!, recorded_at: new Date(AT.getTime() + i * 1000).toISOString() }));
    // A limit of about seven entries rotates the file twice in the first twenty.
    const limit = 7 * Buffer.byteLength(`${JSON.stringify(many[0])}\n`) + 7;
    for (const entry of many.slice(0, 20)) appendHistory(path, [entry], limit);
    expect(existsSync(`${path}.1`)).toBe(true);
    appendFileSync(path, 'torn {\n');
    for (const entry of many.slice(20)) appendHistory(path, [entry], 1 << 30);
    const whole = await readHistory(path);
    expect(whole.ok && whole.corrupt).toBe(1);
    const kept = whole.ok ? whole.entries : [];
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.slice(-10)).toEqual(many.slice(20));
    const last = await readHistory(path, { last: 5 });
    expect(last).toEqual({ ok: true, entries: many.slice(25), corrupt: 0 });
    const lastMemory = await readHistory(path, { last: 3, match: (e) => entryMatchesType(e, 'memory') });
    expect(lastMemory.ok && lastMemory.entries).toEqual(kept.filter((e) => entryMatchesType(e, 'memory')).slice(-3));
    const all = await readHistory(path, { last: 1000 });
    expect(all).toEqual(whole);
  });

  test('a file that would grow past the limit is renamed to FILE.1 (replacing the older one) and a new one started', async () => {
    const path = join(tempDir(), 'history.jsonl');
    const [entry] = historyEntries(await docOf('model-memory-commands'), 'run', AT);
    const size = Buffer.byteLength(`${JSON.stringify(entry)}\n`);
    for (let i = 0; i < 3; i++) appendHistory(path, [entry!], size * 2);
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(2);
    expect(readFileSync(`${path}.1`, 'utf8').split('\n')).toHaveLength(3);
    appendHistory(path, [entry!], size * 2);
    appendHistory(path, [entry!], size * 2);
    expect(readFileSync(`${path}.1`, 'utf8').split('\n')).toHaveLength(3);
    const read = await readHistory(path);
    expect(read.ok && read.entries).toHaveLength(3);
  });
});
