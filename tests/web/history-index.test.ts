import { afterAll, describe, expect, test } from '@jest/globals';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHistoryIndex, entryId } from '../../shell/web/history-index.js';

const dir = mkdtempSync(join(tmpdir(), 'sis-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function line(i: number, type = 'chaos', verdict = 'PASS'): string {
  return JSON.stringify({
    history_version: 1,
    recorded_at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    source: 'run',
    target: { kind: 'model', transport: 'virtual' },
    kind: 'run',
    run: { index: 0, type, verdict, metrics: {}, config: { extra: {} }, command: `stresstest ${type} --seed ${i}` },
  });
}

describe('the history index', () => {
  test('reads appended lines only, waits for a torn last line, skips unreadable ones, rereads a file that shrank', () => {
    const path = join(dir, 'h.jsonl');
    writeFileSync(path, `${line(0)}\nnot json\n${line(1, 'memory', 'FAIL')}\n`);
    const index = createHistoryIndex(path);
    index.refresh();
    expect(index.size).toBe(2);
    appendFileSync(path, line(2).slice(0, 40));
    index.refresh();
    expect(index.size).toBe(2);
    appendFileSync(path, `${line(2).slice(40)}\n`);
    index.refresh();
    expect(index.size).toBe(3);
    expect(index.get(entryId(line(2)))?.recorded_at).toBe('2026-01-01T00:02:00.000Z');

    const newest = index.query({ offset: 0, limit: 10 });
    expect(newest.items.map((i) => i.id)).toEqual([line(2), line(1, 'memory', 'FAIL'), line(0)].map(entryId));
    expect(index.query({ type: 'memory', offset: 0, limit: 10 }).items.map((i) => i.id)).toEqual([entryId(line(1, 'memory', 'FAIL'))]);
    expect(index.query({ verdict: 'PASS', offset: 1, limit: 1 })).toEqual({ total: 2, items: [expect.objectContaining({ id: entryId(line(0)) })] });
    expect(index.query({ since: '2026-01-01T00:01:00Z', offset: 0, limit: 10 }).total).toBe(2);
    expect(index.query({ offset: 2, limit: 5 }).items.map((i) => i.id)).toEqual([entryId(line(0))]);

    writeFileSync(path, `${line(9)}\n`);
    index.refresh();
    expect(index.size).toBe(1);
    expect(index.get(entryId(line(0)))).toBeUndefined();
  });

  test('without a file, lines are added in memory with the same ids', () => {
    const index = createHistoryIndex(null);
    expect(index.addLines([line(3), 'garbage'])).toEqual([entryId(line(3))]);
    expect(index.query({ offset: 0, limit: 5 }).total).toBe(1);
  });
});
