import { afterEach, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { historyPath, loadHistoryFile, openConsoleHistory } from '../../../../shell/tui/input/history-file.js';
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

  test('the file is replaced by rename: no temp files are left behind', async () => {
    const dir = tempDir();
    const history = openConsoleHistory({ path: join(dir, 'console_history') });
    for (let i = 0; i < 20; i++) history.add(`line ${i}`);
    await history.flush();
    expect(readdirSync(dir)).toEqual(['console_history']);
    expect(readFileSync(join(dir, 'console_history'), 'utf8').split('\n')).toHaveLength(21);
  });

  test('the cap applies on load and on save', async () => {
    const path = join(tempDir(), 'console_history');
    writeFileSync(path, ['a', 'b', 'c', 'd', 'e'].join('\n') + '\n');
    const history = openConsoleHistory({ path, cap: 3 });
    expect(history.entries).toEqual(['c', 'd', 'e']);
    history.add('f');
    await history.flush();
    expect(readFileSync(path, 'utf8')).toBe('d\ne\nf\n');
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
    expect(saved).toHaveLength(1001);
    expect([saved[0], saved[999]]).toEqual(['line 201', 'last']);
  });

  test('blank lines and CRLF endings in the file are tolerated', () => {
    const path = join(tempDir(), 'console_history');
    writeFileSync(path, 'help\r\n\r\n  \nclear');
    expect(loadHistoryFile(path)).toEqual({ entries: ['help', 'clear'] });
  });

  test('a binary file starts an empty history with a one-line note, and is overwritten on the next save', async () => {
    const path = join(tempDir(), 'console_history');
    writeFileSync(path, Buffer.from([0x68, 0x00, 0xff, 0xfe, 0x0a]));
    const history = openConsoleHistory({ path });
    expect(history.entries).toEqual([]);
    expect(history.note).toBe(`history: '${path}' is not a text file; starting with an empty history`);
    history.add('help');
    await history.flush();
    expect(readFileSync(path, 'utf8')).toBe('help\n');
  });

  test('invalid UTF-8 counts as corrupt', () => {
    const path = join(tempDir(), 'console_history');
    writeFileSync(path, Buffer.from([0x68, 0x65, 0xc3, 0x28, 0x0a]));
    expect(loadHistoryFile(path).note).toBe(`history: '${path}' is not a text file; starting with an empty history`);
  });

  test('an unreadable path (a directory) starts empty with a note; a failed save is reported once', async () => {
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
    expect(notes).toEqual([`history: cannot write '${path}': the target is a directory (EISDIR)`]);
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
