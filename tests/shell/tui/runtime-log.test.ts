import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogWriter, createManualClock, createReconnectingPort, type PortError } from '../../../uart/index.js';
import { createConsolePort } from '../../../shell/connect/index.js';
import { RuntimeLog } from '../../../shell/tui/runtime-log.js';
import { waitFor } from '../../helpers/wait.js';
import { FakePort } from '../connect/fake-port.js';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'sis-runtime-log-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function setup(options: { incomingCr?: 'keep' | 'to-lf'; withInitial?: boolean } = {}) {
  const far = new FakePort('far');
  const initial = options.withInitial === true ? createLogWriter({ path: join(dir, 'cli.log'), append: false }) : undefined;
  if (initial !== undefined && !initial.ok) throw new Error(initial.error.message);
  const port = createConsolePort({
    port: createReconnectingPort({ connect: () => far, reconnect: false }),
    incomingCr: options.incomingCr ?? 'keep',
    ...(initial?.ok === true && { log: initial.writer }),
  });
  await port.open();
  port.onData(() => {});
  const clock = createManualClock({ wallStartMs: Date.UTC(2026, 11, 7, 11, 30, 0) });
  const log = new RuntimeLog({
    port,
    ...(initial?.ok === true && { initial: initial.writer }),
    clock,
  });
  return { far, port, log, tick: (ms: number) => clock.advance(ms) };
}

describe('the run-time log (Ctrl-T l)', () => {
  test('logs the bytes as received (before CR mapping) from start to stop, with the chosen timestamps', async () => {
    const { far, log, tick } = await setup({ incomingCr: 'to-lf' });
    far.send('before\r\n');
    const path = join(dir, 'board.log');
    expect(log.start({ path, append: false, strip: false, timestamps: 'relative' })).toEqual({
      ok: true, message: `logging to ${path} (timestamps relative)`,
    });
    expect(log.get()).toEqual({ path, error: null });
    tick(1250);
    far.send('one\r\ntw');
    tick(500);
    far.send('o\r\n');
    expect(await log.stop()).toBe(`log ${path} closed (30 bytes)`);
    far.send('after\r\n');
    expect(log.get()).toEqual({ path: null, error: null });
    expect(readFileSync(path, 'latin1')).toBe('[+1.250s] one\r\n[+1.250s] two\r\n');
    expect(await log.stop()).toBeUndefined();
  });

  test('strip and append as --log-strip and --log-append do', async () => {
    const { far, log } = await setup();
    const path = join(dir, 'x.log');
    expect(log.start({ path, append: false, strip: true })).toEqual({ ok: true, message: `logging to ${path} (ANSI stripped)` });
    far.send('\x1b[31mred\x1b[0m\n');
    await log.stop();
    expect(log.start({ path, append: true, strip: false })).toEqual({ ok: true, message: `logging to ${path} (appending)` });
    far.send('more\n');
    await log.stop();
    expect(readFileSync(path, 'latin1')).toBe('red\nmore\n');
  });

  test("a file that cannot be opened is refused with --log's message; nothing is started", async () => {
    const { log } = await setup();
    const path = join(dir, 'missing', 'x.log');
    expect(log.start({ path, append: false, strip: false })).toEqual({
      ok: false, message: `cannot open log file ${path}: directory ${join(dir, 'missing')} does not exist`,
    });
    expect(log.active).toBe(false);
  });

  test('a write failure is shown, reported once, and kept for the exit status', async () => {
    const { far, log, tick } = await setup();
    const errors: PortError[] = [];
    log.onError((error) => errors.push(error));
    expect(log.start({ path: '/dev/full', append: false, strip: false }).ok).toBe(true);
    far.send('x'.repeat(100) + '\n');
    // The log's periodic flush, on the console's clock, writes it.
    expect(await waitFor(() => (tick(100), log.get().error !== null))).toBe(true);
    far.send('more\n');
    log.flushSync();
    expect(log.get()).toEqual({ path: '/dev/full', error: 'log file /dev/full: no space left on device' });
    expect(errors.map((e) => e.message)).toEqual(['log file /dev/full: no space left on device']);
    expect(log.failure?.message).toBe('log file /dev/full: no space left on device');
    await log.stop();
    // Stopped, the status line no longer shows it; the exit status still counts it.
    expect(log.get()).toEqual({ path: null, error: null });
    expect(log.failure).toBeDefined();
  });

  test('the --log writer is the first log: Ctrl-T l stops it, and its failure is its owner’s to count', async () => {
    const { far, log } = await setup({ withInitial: true });
    const path = join(dir, 'cli.log');
    expect(log.get()).toEqual({ path, error: null });
    far.send('kept\n');
    expect(await log.stop()).toBe(`log ${path} closed (5 bytes)`);
    far.send('dropped\n');
    expect(readFileSync(path, 'latin1')).toBe('kept\n');
    expect(log.failure).toBeUndefined();
  });

  test('what arrived before the link dropped is on disk at once; close() stops a log started here', async () => {
    const { far, log } = await setup();
    const path = join(dir, 'drop.log');
    log.start({ path, append: false, strip: false });
    far.send('last words\n');
    far.hangUp();
    expect(readFileSync(path, 'latin1')).toBe('last words\n');
    await log.close();
    expect(log.active).toBe(false);
    expect(existsSync(path)).toBe(true);
  });
});
