import { afterEach, describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { historyPath, loadHistoryFile, openConsoleHistory } from '../../../../shell/tui/input/history-file.js';
import { createHistoryAppender } from '../../../../shell/tui/input/history-append.js';
import { waitFor } from '../../../helpers/wait.js';
import { drive, K, makeInput } from './fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sis-history-'));
  dirs.push(dir);
  return dir;
}

describe('historyPath', () => {
  test('SIS_CONSOLE_HISTORY wins; empty means no file', () => {
    expect(historyPath({ env: { SIS_CONSOLE_HISTORY: '/tmp/h', XDG_STATE_HOME: '/s' }, homeDir: '/home/u' })).toBe('/tmp/h');
    expect(historyPath({ env: { SIS_CONSOLE_HISTORY: '' }, homeDir: '/home/u' })).toBeUndefined();
  });

  test('$XDG_STATE_HOME/sis/console_history, else ~/.local/state/sis/console_history', () => {
    expect(historyPath({ env: { XDG_STATE_HOME: '/var/state' }, homeDir: '/home/u' })).toBe('/var/state/sis/console_history');
    expect(historyPath({ env: {}, homeDir: '/home/u' })).toBe('/home/u/.local/state/sis/console_history');
    expect(historyPath({ env: { XDG_STATE_HOME: 'relative' }, homeDir: '/home/u' })).toBe(
      '/home/u/.local/state/sis/console_history',
    );
  });
});

describe('persistent history', () => {
  test('a missing file (and missing directories) is an empty history; lines are saved as submitted', async () => {
    const path = join(tempDir(), 'state', 'sis', 'console_history');
    const history = openConsoleHistory({ path });
    expect(history.entries).toEqual([]);
    expect(history.note).toBeUndefined();
    const input = makeInput({ history });
    drive(input, 'help', K.enter, 'metricsctl on', K.enter);
    await history.flush();
    expect(readFileSync(path, 'utf8')).toBe('help\nmetricsctl on\n');
  });

  test('a reopened history holds what was saved, and ↑ recalls it', async () => {
    const path = join(tempDir(), 'console_history');
    const first = openConsoleHistory({ path });
    drive(makeInput({ history: first }), 'autoctl status\rstresstest report\r');
    await first.flush();
    const input = makeInput({ history: openConsoleHistory({ path }) });
    drive(input, K.up);
    expect(input.view.text).toBe('stresstest report');
    drive(input, K.up);
    expect(input.view.text).toBe('autoctl status');
  });

  test('lines are appended; no temp file or lock is left behind', async () => {
    const dir = tempDir();
    const history = openConsoleHistory({ path: join(dir, 'console_history') });
    for (let i = 0; i < 20; i++) history.add(`line ${i}`);
    await history.flush();
    expect(readdirSync(dir)).toEqual(['console_history']);
    expect(readFileSync(join(dir, 'console_history'), 'utf8').split('\n')).toHaveLength(21);
  });

  test('the cap applies on load; the file is cut to the newest cap lines once it holds twice as many', async () => {
    const path = join(tempDir(), 'console_history');
    writeFileSync(path, ['a', 'b', 'c', 'd', 'e'].join('\n') + '\n');
    const history = openConsoleHistory({ path, cap: 3 });
    expect(history.entries).toEqual(['c', 'd', 'e']);
    history.add('f');
    await history.flush();
    expect(readFileSync(path, 'utf8')).toBe('a\nb\nc\nd\ne\nf\n');
    history.add('g');
    await history.flush();
    expect(readFileSync(path, 'utf8')).toBe('e\nf\ng\n');
  });

  test('the default cap is 1000 lines', async () => {
    const path = join(tempDir(), 'console_history');
    writeFileSync(path, Array.from({ length: 1200 }, (_, i) => `line ${i}`).join('\n'));
    const history = openConsoleHistory({ path });
    expect(history.entries).toHaveLength(1000);
    expect(history.entries[0]).toBe('line 200');
    history.add('last');
    await history.flush();
    const saved = readFileSync(path, 'utf8').split('\n');
    expect(saved).toHaveLength(1202);
    expect([saved[0], saved[1199], saved[1200]]).toEqual(['line 0', 'line 1199', 'last']);
  });

  test('blank lines and CRLF endings in the file are tolerated', () => {
    const path = join(tempDir(), 'console_history');
    writeFileSync(path, 'help\r\n\r\n  \nclear');
    expect(loadHistoryFile(path)).toEqual({ entries: ['help', 'clear'], lines: 4 });
  });

  test('lines with NUL bytes are skipped with a note and left in the file', async () => {
    const path = join(tempDir(), 'console_history');
    const binary = Buffer.from([0x68, 0x00, 0xff, 0xfe, 0x0a]);
    writeFileSync(path, binary);
    const history = openConsoleHistory({ path });
    expect(history.entries).toEqual([]);
    expect(history.note).toBe(`history: skipped 1 line of '${path}' that are not UTF-8 text (left in the file)`);
    history.add('help');
    await history.flush();
    expect(readFileSync(path).equals(Buffer.concat([binary, Buffer.from('help\n')]))).toBe(true);
  });

  test('one line of invalid UTF-8 among 200: the other 199 load, the first Enter appends, nothing is lost', async () => {
    const path = join(tempDir(), 'console_history');
    const lines = Array.from({ length: 200 }, (_, i) => Buffer.from(`line ${i}\n`));
    lines[57] = Buffer.from([0x68, 0x65, 0xc3, 0x28, 0x0a]);
    const before = Buffer.concat(lines);
    writeFileSync(path, before);
    const history = openConsoleHistory({ path });
    expect(history.entries).toHaveLength(199);
    expect(history.entries).not.toContain('line 57');
    expect(history.note).toBe(`history: skipped 1 line of '${path}' that are not UTF-8 text (left in the file)`);
    history.add('help');
    await history.flush();
    expect(readFileSync(path).equals(Buffer.concat([before, Buffer.from('help\n')]))).toBe(true);
  });

  test('two consoles at once: both keep their lines', async () => {
    const path = join(tempDir(), 'console_history');
    writeFileSync(path, 'old\n');
    const a = openConsoleHistory({ path });
    const b = openConsoleHistory({ path });
    for (let i = 0; i < 50; i++) {
      a.add(`a ${i}`);
      b.add(`b ${i}`);
    }
    await Promise.all([a.flush(), b.flush()]);
    const saved = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(saved).toHaveLength(101);
    expect(saved.filter((line) => line.startsWith('a ')).map((line) => Number(line.slice(2)))).toEqual([...Array(50).keys()]);
    expect(saved.filter((line) => line.startsWith('b ')).map((line) => Number(line.slice(2)))).toEqual([...Array(50).keys()]);
  });

  test('a line waits while another console holds the lock, and is written once it is released', async () => {
    const dir = tempDir();
    const path = join(dir, 'console_history');
    writeFileSync(`${path}.lock`, '');
    let busy = 0;
    const appender = createHistoryAppender(path, { keep: 10, lines: 0, onError: () => {}, retryMs: 1, onBusy: () => void busy++ });
    appender.append('help');
    expect(await waitFor(() => busy >= 3)).toBe(true);
    expect(existsSync(path)).toBe(false);
    rmSync(`${path}.lock`);
    await appender.flush();
    expect(readFileSync(path, 'utf8')).toBe('help\n');
    expect(readdirSync(dir)).toEqual(['console_history']);
  });

  test('a lock left by a console that died is taken over', async () => {
    const path = join(tempDir(), 'console_history');
    writeFileSync(`${path}.lock`, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${path}.lock`, old, old);
    const history = openConsoleHistory({ path });
    history.add('help');
    await history.flush();
    expect(readFileSync(path, 'utf8')).toBe('help\n');
  });

  test('a file that does not end in a line end gets one before the next line', async () => {
    const path = join(tempDir(), 'console_history');
    writeFileSync(path, 'typed by hand');
    const history = openConsoleHistory({ path });
    history.add('help');
    await history.flush();
    expect(readFileSync(path, 'utf8')).toBe('typed by hand\nhelp\n');
  });

  test('an unreadable path (a directory) starts empty with a note, is never written, and says so once', async () => {
    const path = join(tempDir(), 'console_history');
    mkdirSync(path);
    const notes: string[] = [];
    const history = openConsoleHistory({ path, onNote: (note) => notes.push(note) });
    expect(history.note).toBe(`history: cannot read '${path}' (EISDIR); starting with an empty history`);
    history.add('help');
    await history.flush();
    history.add('clear');
    await history.flush();
    expect(history.entries).toEqual(['help', 'clear']);
    expect(notes).toEqual([`history: not saving to '${path}', which could not be read`]);
  });

  test('path null keeps history in memory only', () => {
    const history = openConsoleHistory({ path: null, env: { SIS_CONSOLE_HISTORY: '/nonexistent/x' } });
    history.add('help');
    expect(history.path).toBeUndefined();
    expect(history.entries).toEqual(['help']);
  });

  test('SIS_CONSOLE_HISTORY picks the file when no path is given', async () => {
    const path = join(tempDir(), 'from-env');
    const history = openConsoleHistory({ env: { SIS_CONSOLE_HISTORY: path } });
    history.add('help');
    await history.flush();
    expect(history.path).toBe(path);
    expect(readFileSync(path, 'utf8')).toBe('help\n');
  });
});
