import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STRESS_TESTS } from '../../kernel/index.js';
import { runCli } from '../helpers/cli.js';
import { startPtyPair } from '../uart/socat.js';
import { fromFirstPrompt, killAll, startServe } from './transports-helpers.js';
import { describeWithTools, requireTool } from '../helpers/tools.js';

/** The scripted session the transports must agree on, byte for byte. */
export const MEMORY_SCRIPT = 'help\nstresstest memory --duration 1000 --seed 1\n';
/** Used instead while `stresstest memory` is not registered in kernel/stress/registry.ts. */
export const FALLBACK_SCRIPT = 'help\nautoctl status\n';
const SCRIPT = STRESS_TESTS.some((test) => test.type === 'memory') ? MEMORY_SCRIPT : FALLBACK_SCRIPT;

let dir: string;
let reference: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sis-transports-'));
  const virtual = await runCli(['--seed', '5'], SCRIPT);
  expect(virtual.status).toBe(0);
  expect(virtual.stderr).toBe('');
  reference = fromFirstPrompt(virtual.stdout.toString('latin1'));
  expect(reference).toMatch(/^sis> help\r\nAvailable commands:\n/);
  expect(reference.endsWith('sis> ')).toBe(true);
  if (SCRIPT === MEMORY_SCRIPT) expect(reference).toContain('[STRESS TEST] Memory test complete');
});

afterEach(killAll);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('one session, the same kernel output over every transport', () => {
  test('tcp: sis serve --listen tcp:127.0.0.1:0 and a piped sis tcp:127.0.0.1:PORT', async () => {
    const { serve, addresses } = await startServe(['--listen', 'tcp:127.0.0.1:0', '--seed', '5', '--speed', 'max']);
    expect(addresses).toHaveLength(1);
    expect(addresses[0]).toMatch(/^tcp:127\.0\.0\.1:[1-9]\d*$/);
    const client = await runCli([addresses[0]!], SCRIPT);
    expect(client.stderr).toBe(`sis: connected to ${addresses[0]}\n`);
    expect(client.status).toBe(0);
    // The banner went out before the client connected; it sent one Enter and got a fresh prompt.
    expect(client.stdout.toString('latin1').startsWith('\r\nsis> ')).toBe(true);
    expect(fromFirstPrompt(client.stdout.toString('latin1'))).toBe(reference);
    serve.kill('SIGTERM');
    expect(await serve.exited).toEqual({ status: 0, signal: null });
    expect(serve.stderr).toMatch(
      /^sis serve: listening on tcp:\S+\nsis serve: kernel model seed=5 speed=max\nsis serve: client 127\.0\.0\.1:\d+ connected on tcp:\S+\nsis serve: client 127\.0\.0\.1:\d+ disconnected\n$/,
    );
  });

  test('unix: sis serve --listen unix:PATH and sis unix:PATH', async () => {
    const socket = join(dir, 'sis.sock');
    const { serve, addresses } = await startServe(['--listen', `unix:${socket}`, '--seed', '5', '--speed', 'max']);
    expect(addresses).toEqual([`unix:${socket}`]);
    const client = await runCli([`unix:${socket}`], SCRIPT);
    expect(client.stderr).toBe(`sis: connected to unix:${socket}\n`);
    expect(client.status).toBe(0);
    expect(fromFirstPrompt(client.stdout.toString('latin1'))).toBe(reference);
    serve.kill('SIGINT');
    expect(await serve.exited).toEqual({ status: 0, signal: null });
  });

});

describeWithTools([requireTool('socat', 'socat')], 'the same session over a socat pty pair', () => {
  test('a socat pty pair with the real serialport binding: sis serve --device ttyA, sis ttyB', async () => {
    const pair = await startPtyPair(dir);
    try {
      const { serve } = await startServe(['--device', pair.a, '--seed', '5', '--speed', 'max']);
      expect(serve.stderr).toContain(`sis serve: serving on ${pair.a}\n`);
      const client = await runCli([pair.b], SCRIPT);
      expect(client.stderr).toBe(`sis: connected to ${pair.b}\n`);
      expect(client.status).toBe(0);
      expect(fromFirstPrompt(client.stdout.toString('latin1'))).toBe(reference);
      serve.kill('SIGTERM');
      expect(await serve.exited).toEqual({ status: 0, signal: null });
    } finally {
      await pair.kill();
    }
  });
});
