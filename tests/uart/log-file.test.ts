import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnsiStripper } from '../../uart/ansi-strip.js';
import { createManualClock } from '../../uart/index.js';
import { createLogWriter, type LogWriter, type LogWriterOptions } from '../../uart/log-file.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'sis-log-')); });
afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

const b = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
const read = (path: string): string => readFileSync(path, 'latin1');

function open(options: Partial<LogWriterOptions> & { path?: string }): LogWriter {
  const result = createLogWriter({ path: join(dir, 'session.log'), append: false, ...options });
  if (!result.ok) throw new Error(result.error.message);
  return result.writer;
}

/** A clock the test moves by hand; `set(ms)` puts it `ms` after `start` (ms since the epoch). */
function clock(start = Date.UTC(2026, 10, 27, 22, 52, 6, 123)) {
  const manual = createManualClock({ wallStartMs: start });
  return { clock: manual, set: (ms: number) => manual.advance(ms - manual.now()) };
}

describe('log writer', () => {
  test('raw bytes, written as they arrive; close() puts them on disk', async () => {
    const log = open({});
    const bytes = new Uint8Array(256).map((_, i) => i);
    log.write(bytes);
    bytes.fill(0);
    log.write(b('\x1b[31mred\x1b[0m\r\n'));
    await log.close();
    const expected = Buffer.concat([Buffer.from(new Uint8Array(256).map((_, i) => i)), Buffer.from('\x1b[31mred\x1b[0m\r\n', 'latin1')]);
    expect(readFileSync(join(dir, 'session.log')).equals(expected)).toBe(true);
    expect(log.bytesWritten).toBe(expected.length);
    log.write(b('after close'));
    await log.close();
    expect(readFileSync(join(dir, 'session.log')).length).toBe(expected.length);
  });

  test('flushSync writes buffered bytes immediately, as from a signal handler', () => {
    const log = open({ flushIntervalMs: 60_000 });
    log.write(b('sis> stresstest chaos\r\n'));
    expect(read(join(dir, 'session.log'))).toBe('');
    log.flushSync();
    expect(read(join(dir, 'session.log'))).toBe('sis> stresstest chaos\r\n');
    log.write(b('^C'));
    log.flushSync();
    expect(read(join(dir, 'session.log'))).toBe('sis> stresstest chaos\r\n^C');
    return log.close();
  });

  test('buffered bytes are written every flushIntervalMs on the writer\'s clock', async () => {
    const c = clock();
    const log = open({ flushIntervalMs: 100, clock: c.clock });
    log.write(b('sis> '));
    c.set(99);
    expect(read(join(dir, 'session.log'))).toBe('');
    c.set(100);
    expect(read(join(dir, 'session.log'))).toBe('sis> ');
    log.write(b('help'));
    c.set(200);
    expect(read(join(dir, 'session.log'))).toBe('sis> help');
    await log.close();
    expect(c.clock.pending()).toBe(0);
  });

  test('large bursts are written without waiting for the interval', () => {
    const log = open({ flushIntervalMs: 60_000, bufferBytes: 1024 });
    log.write(new Uint8Array(1500).fill(0x41));
    expect(read(join(dir, 'session.log'))).toBe('A'.repeat(1500));
    return log.close();
  });

  test('append keeps what is there; replace starts empty', async () => {
    const path = join(dir, 'session.log');
    writeFileSync(path, 'earlier session\n');
    const appending = open({ append: true });
    appending.write(b('next session\n'));
    await appending.close();
    expect(read(path)).toBe('earlier session\nnext session\n');
    const replacing = open({ append: false });
    replacing.write(b('fresh\n'));
    await replacing.flush();
    expect(read(path)).toBe('fresh\n');
    await replacing.close();
  });

  test('iso timestamps prefix each line at its first byte', async () => {
    const c = clock();
    const log = open({ timestamps: 'iso', clock: c.clock });
    c.set(0);
    log.write(b('sis> '));
    c.set(1500);
    log.write(b('help\r\nline two'));
    c.set(2000);
    log.write(b(' continues\n'));
    c.set(2001);
    log.write(b('\n'));
    await log.close();
    expect(read(join(dir, 'session.log'))).toBe(
      '[2026-11-27T22:52:06.123Z] sis> help\r\n' +
      '[2026-11-27T22:52:07.623Z] line two continues\n' +
      '[2026-11-27T22:52:08.124Z] \n',
    );
  });

  test('relative timestamps count from open; delta from the previous line start', async () => {
    const c1 = clock();
    const relative = open({ path: join(dir, 'rel.log'), timestamps: 'relative', clock: c1.clock });
    const c2 = clock();
    const delta = open({ path: join(dir, 'delta.log'), timestamps: 'delta', clock: c2.clock });
    for (const [ms, text] of [[12, 'a\nb'], [12_345, '\nc\n'], [12_357, 'd\n']] as const) {
      c1.set(ms);
      c2.set(ms);
      relative.write(b(text));
      delta.write(b(text));
    }
    await relative.close();
    await delta.close();
    expect(read(join(dir, 'rel.log'))).toBe('[+0.012s] a\n[+0.012s] b\n[+12.345s] c\n[+12.357s] d\n');
    expect(read(join(dir, 'delta.log'))).toBe('[+0.012s] a\n[+0.000s] b\n[+12.333s] c\n[+0.012s] d\n');
  });

  test('strip removes escape sequences even when split across chunks', async () => {
    const log = open({ strip: true });
    const stream = 'A\x1b[1;31mB\x1b]0;title\x07C\x1b]8;;http://x\x1b\\D\x1bPq#0;2\x1b\\E\x1b7F\x1b(BG\x1b[?25lH\r\n';
    for (const ch of stream) log.write(b(ch));
    await log.close();
    expect(read(join(dir, 'session.log'))).toBe('ABCDEFGH\r\n');
  });

  test('strip happens before timestamps: a line of only escapes gets no stamp until text', async () => {
    const c = clock();
    const log = open({ strip: true, timestamps: 'relative', clock: c.clock });
    c.set(1);
    log.write(b('\x1b[2J\x1b['));
    c.set(2);
    log.write(b('H'));
    c.set(3);
    log.write(b('ok\n'));
    await log.close();
    expect(read(join(dir, 'session.log'))).toBe('[+0.003s] ok\n');
  });

  test('open errors are values with one clear line', () => {
    const missing = join(dir, 'no-such-dir', 'x.log');
    expect(createLogWriter({ path: missing, append: false })).toEqual({
      ok: false,
      error: { kind: 'not-found', message: `cannot open log file ${missing}: directory ${join(dir, 'no-such-dir')} does not exist` },
    });
    expect(createLogWriter({ path: dir, append: true })).toEqual({
      ok: false, error: { kind: 'io', message: `cannot open log file ${dir}: it is a directory` },
    });
    const file = join(dir, 'file');
    writeFileSync(file, '');
    expect(createLogWriter({ path: join(file, 'x.log'), append: false })).toEqual({
      ok: false,
      error: { kind: 'not-found', message: `cannot open log file ${join(file, 'x.log')}: a parent of it is not a directory` },
    });
  });
});

describe('log writer: a session that has not started, and write failures', () => {
  test('deferred: an existing file is left as it was until start(), then emptied and written', async () => {
    const path = join(dir, 'kept.log');
    writeFileSync(path, 'yesterday\n');
    const opened = createLogWriter({ path, append: false, deferStart: true, flushIntervalMs: 60_000, bufferBytes: 4 });
    if (!opened.ok) throw new Error(opened.error.message);
    opened.writer.write(b('first bytes'));
    opened.writer.flushSync();
    expect(read(path)).toBe('yesterday\n');
    opened.writer.start();
    expect(read(path)).toBe('first bytes');
    await opened.writer.close();
  });

  test('abandoned before start: an existing file keeps its content; a file it created is removed', async () => {
    const kept = join(dir, 'kept.log');
    writeFileSync(kept, 'yesterday\n');
    for (const path of [kept, join(dir, 'new.log')]) {
      const opened = createLogWriter({ path, append: false, deferStart: true });
      if (!opened.ok) throw new Error(opened.error.message);
      opened.writer.write(b('never written'));
      await opened.writer.abandon();
    }
    expect(readdirSync(dir)).toEqual(['kept.log']);
    expect(read(kept)).toBe('yesterday\n');
  });

  test('the first write failure is told at once, once; later bytes are dropped', async () => {
    // /dev/full fails every write with ENOSPC, as a full file system does.
    const opened = createLogWriter({ path: '/dev/full', append: false, flushIntervalMs: 60_000, bufferBytes: 1 });
    if (!opened.ok) throw new Error(opened.error.message);
    const told: string[] = [];
    opened.writer.onError((error) => told.push(error.message));
    opened.writer.write(b('a'));
    expect(told).toEqual(['log file /dev/full: no space left on device']);
    opened.writer.write(b('b'));
    await opened.writer.close();
    expect(told).toHaveLength(1);
    expect(opened.writer.error).toEqual({ kind: 'io', message: 'log file /dev/full: no space left on device' });
  });

  test('a dangling symlink whose target directory is missing is named as such', () => {
    const link = join(dir, 'link.log');
    symlinkSync(join(dir, 'gone', 'x.log'), link);
    expect(createLogWriter({ path: link, append: false })).toEqual({
      ok: false,
      error: {
        kind: 'not-found',
        message: `cannot open log file ${link}: it is a symbolic link to ${join(dir, 'gone', 'x.log')}, and directory ${join(dir, 'gone')} does not exist`,
      },
    });
  });
});

describe('ANSI stripper', () => {
  const strip = (...chunks: string[]): string => {
    const stripper = createAnsiStripper();
    return chunks.map((chunk) => Buffer.from(stripper.push(b(chunk))).toString('latin1')).join('');
  };

  test('every split point of a mixed stream gives the same result', () => {
    const input = 'x\x1b[38;5;196my\x1b]2;t\x1b\\z\x1b_apc\x1b\\w\x1bcv\x1b[1\nmu';
    const expected = 'xyzwv\nu';
    expect(strip(input)).toBe(expected);
    for (let i = 0; i <= input.length; i += 1) {
      for (let j = i; j <= input.length; j += 1) {
        expect(strip(input.slice(0, i), input.slice(i, j), input.slice(j))).toBe(expected);
      }
    }
  });

  test('UTF-8, CAN/SUB aborts and an unterminated string', () => {
    expect(strip('\xc3\xa9\x1b[31m\xe2\x9c\x93')).toBe('\xc3\xa9\xe2\x9c\x93');
    expect(strip('a\x1b[12\x18b')).toBe('ab');
    // 4096 bytes of string content are dropped, then the stripper gives up on the sequence.
    expect(strip('a\x1b]0;never ends' + 'x'.repeat(5000) + 'tail')).toBe('a' + 'x'.repeat(12 + 5000 - 4097) + 'tail');
  });
});
