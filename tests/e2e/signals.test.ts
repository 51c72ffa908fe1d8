import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killAll, SisProcess } from './transports-helpers.js';

let dir: string;
let server: Server | undefined;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sis-signals-'));
});
afterEach(async () => {
  await killAll();
  if (server !== undefined) await new Promise((resolve) => server!.close(resolve));
  server = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('signals end plain mode with 128 + the signal number; the log keeps every byte received', () => {
  test.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s: exit status %i', async (signal, status) => {
    const log = join(dir, `${signal}.log`);
    const sis = new SisProcess(['--seed', '5', '--log', log]);
    sis.write('help\n');
    await sis.untilStdout((text) => text.includes('  stresstest - ') && text.endsWith('sis> '));
    sis.kill(signal);
    expect(await sis.exited).toEqual({ status, signal: null });
    expect(sis.stderr).toBe('');
    expect(readFileSync(log).toString('latin1')).toBe(sis.stdoutText);
  });

  test('a burst just before SIGTERM: the log holds all of it, the buffered tail included', async () => {
    // 300 000 bytes: the log writes 64 KiB blocks as they fill and the rest only when flushed.
    const burst = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i % 95) + 32));
    server = createServer((socket) => {
      socket.on('error', () => {});
      // The console's wake Enter is read and dropped, so the client's close is seen.
      socket.resume();
      socket.write(burst);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const log = join(dir, 'burst.log');
    const sis = new SisProcess([`tcp:127.0.0.1:${port}`, '--log', log]);
    await sis.untilStdout((text) => text.length === burst.length);
    sis.kill('SIGTERM');
    expect(await sis.exited).toEqual({ status: 143, signal: null });
    expect(sis.stdout.equals(burst)).toBe(true);
    expect(readFileSync(log).equals(burst)).toBe(true);
  });
});

describe('a signal keeps the results of what finished', () => {
  test.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('sis run --output-json --junit, %s mid-session: finished runs written, the running one CANCELLED, exit %i', async (signal, status) => {
    const json = join(dir, `run-${signal}.json`);
    const junit = join(dir, `run-${signal}.xml`);
    const run = new SisProcess([
      'run', '--speed', 'realtime', '--no-history', '--output-json', json, '--junit', junit,
      '-c', 'stresstest memory --duration 200 --seed 1', '-c', 'stresstest chaos --duration 60000 --seed 2', '-c', 'help',
    ]);
    await run.untilStdout((text) => text.includes('=== Chaos Engineering Stress Test'), 30_000);
    run.kill(signal);
    expect(await run.exited).toEqual({ status, signal: null });
    const doc = JSON.parse(readFileSync(json, 'utf8')) as { runs: Array<{ type: string; verdict: string }> };
    expect(doc.runs.map((r) => [r.type, r.verdict])).toEqual([
      ['memory', 'PASS'],
      ['chaos', 'CANCELLED'],
    ]);
    expect(readFileSync(junit, 'utf8')).toMatch(/<testsuite [^>]*tests="2"/);
    expect(run.stderr).toContain(`sis run: ended by ${signal}: results of what finished written, a test still running recorded as CANCELLED`);
  }, 60_000);

  test.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('plain mode --output-json, %s while a test runs: the session file is written, exit %i', async (signal, status) => {
    const json = join(dir, `plain-${signal}.json`);
    const sis = new SisProcess(['--seed', '5', '--speed', 'realtime', '--no-history', '--output-json', json]);
    sis.write('stresstest memory --duration 100 --seed 1\nstresstest chaos --duration 60000 --seed 2\n');
    await sis.untilStdout((text) => text.includes('=== Chaos Engineering Stress Test'), 30_000);
    sis.kill(signal);
    expect(await sis.exited).toEqual({ status, signal: null });
    const doc = JSON.parse(readFileSync(json, 'utf8')) as { runs: Array<{ type: string; verdict: string }> };
    expect(doc.runs.map((r) => [r.type, r.verdict])).toEqual([
      ['memory', 'PASS'],
      ['chaos', 'CANCELLED'],
    ]);
  }, 60_000);
});
