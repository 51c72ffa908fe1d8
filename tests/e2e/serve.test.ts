import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runCli } from '../helpers/cli.js';
import { waitFor } from '../helpers/wait.js';
import { killAll, startServe } from './transports-helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sis-serve-'));
});
afterEach(killAll);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A raw socket client, as nc or a terminal program would be. */
function client(address: string): Promise<{ socket: Socket; text: () => string; closed: Promise<void> }> {
  const [, host, port] = /^tcp:([^:]+):(\d+)$/.exec(address)!;
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = createConnection({ host: host!, port: Number(port) });
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.once('error', reject);
    socket.once('connect', () => resolve({ socket, text: () => text, closed }));
  });
}

describe('sis serve', () => {
  test('tcp and unix at once; one client owns the line, a second is turned away; the kernel runs on between clients', async () => {
    const socket = join(dir, 'sis.sock');
    const { serve, addresses } = await startServe(['--listen', 'tcp:0', '--listen', `unix:${socket}`, '--speed', 'max', '--seed', '9']);
    expect(addresses).toHaveLength(2);
    expect(addresses[0]).toMatch(/^tcp:127\.0\.0\.1:[1-9]\d*$/);
    expect(addresses[1]).toBe(`unix:${socket}`);

    const first = await client(addresses[0]!);
    // The banner went out before anyone was connected: sis serve shows the prompt again.
    expect(await waitFor(() => first.text() === '\r\nsis> ')).toBe(true);
    first.socket.write('autoctl off\r');
    expect(await waitFor(() => first.text().includes('[AUTOCTL]') && first.text().endsWith('sis> '))).toBe(true);
    expect(first.text()).toMatch(/^\r\nsis> autoctl off\r\n/);

    const second = await client(addresses[0]!);
    await second.closed;
    // The line names who holds it and since when, for the person turned away.
    expect(second.text()).toMatch(/^sis: port busy \(held by 127\.0\.0\.1:\d+ for \d+ s\)\r\n$/);
    await serve.untilStderr(/client 127\.0\.0\.1:\d+ turned away: 127\.0\.0\.1:\d+ holds the line\n/);

    first.socket.end();
    await first.closed;
    await serve.untilStderr(/client 127\.0\.0\.1:\d+ disconnected\n/);
    const third = await client(addresses[0]!);
    third.socket.write('autoctl status\r');
    expect(await waitFor(() => third.text().endsWith('sis> ') && third.text().includes('Mode: DISABLED'))).toBe(true);
    third.socket.destroy();
    await serve.untilStderr(/(disconnected\n[\s\S]*){2}/);

    serve.kill('SIGHUP');
    expect(await serve.exited).toEqual({ status: 0, signal: null });
    expect(serve.stderr.split('\n').filter((line) => / (connected|disconnected|turned away)/.test(line))).toEqual([
      expect.stringMatching(/^sis serve: client 127\.0\.0\.1:\d+ connected on tcp:127\.0\.0\.1:\d+$/),
      expect.stringMatching(/^sis serve: client 127\.0\.0\.1:\d+ turned away: 127\.0\.0\.1:\d+ holds the line$/),
      expect.stringMatching(/^sis serve: client 127\.0\.0\.1:\d+ disconnected$/),
      expect.stringMatching(/^sis serve: client 127\.0\.0\.1:\d+ connected on tcp:127\.0\.0\.1:\d+$/),
      expect.stringMatching(/^sis serve: client 127\.0\.0\.1:\d+ disconnected$/),
    ]);
  });

  test('--max-clients 2: both clients see all output and type; a late one alone is shown the prompt; a third is turned away', async () => {
    const { serve, addresses } = await startServe(['--listen', 'tcp:0', '--max-clients', '2', '--speed', 'max', '--seed', '9']);
    const first = await client(addresses[0]!);
    expect(await waitFor(() => first.text() === '\r\nsis> ')).toBe(true);
    const second = await client(addresses[0]!);
    expect(await waitFor(() => second.text() === '\r\nsis> ')).toBe(true);
    // The prompt shown to the late client went to it alone.
    expect(first.text()).toBe('\r\nsis> ');

    second.socket.write('autoctl off\r');
    const answered = (text: string): boolean => text.includes('[AUTOCTL]') && text.endsWith('sis> ');
    expect(await waitFor(() => answered(first.text()) && answered(second.text()))).toBe(true);
    expect(first.text()).toMatch(/^\r\nsis> autoctl off\r\n/);
    first.socket.write('autoctl status\r');
    expect(await waitFor(() => [first, second].every((c) => c.text().includes('Mode: DISABLED') && c.text().endsWith('sis> ')))).toBe(true);
    expect(first.text().slice('\r\nsis> '.length)).toBe(second.text().slice('\r\nsis> '.length));

    const third = await client(addresses[0]!);
    await third.closed;
    expect(third.text()).toMatch(/^sis: port busy \(held by 127\.0\.0\.1:\d+ for \d+ s, 127\.0\.0\.1:\d+ for \d+ s\)\r\n$/);
    await serve.untilStderr(
      /client 127\.0\.0\.1:\d+ turned away: 127\.0\.0\.1:\d+, 127\.0\.0\.1:\d+ hold all 2 places \(--max-clients\)\n/,
    );
    first.socket.destroy();
    second.socket.destroy();
    serve.kill('SIGTERM');
    expect(await serve.exited).toEqual({ status: 0, signal: null });
  });

  test('--idle-timeout: a client that never sends is disconnected and the next one gets the line', async () => {
    const { serve, addresses } = await startServe(['--listen', 'tcp:127.0.0.1:0', '--idle-timeout', '300', '--speed', 'max']);
    const idle = await client(addresses[0]!);
    await idle.closed;
    await serve.untilStderr(/client 127\.0\.0\.1:\d+ disconnected: it sent nothing for 300 ms \(--idle-timeout\)\n/);
    const next = await client(addresses[0]!);
    next.socket.write('help\r');
    expect(await waitFor(() => next.text().includes('Available commands:'))).toBe(true);
    next.socket.end();
    const usage = await runCli(['serve', '--listen', 'tcp:127.0.0.1:0', '--idle-timeout', '50']);
    expect([usage.status, usage.stderr.split('\n')[0]]).toEqual([
      2,
      "sis serve: --idle-timeout: invalid value '50' (expected an integer 100..86400000 (ms))",
    ]);
  });

  test('an address in use or a missing device: one line, status 1; usage: status 2', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const busy = await runCli(['serve', '--listen', `tcp:127.0.0.1:${port}`]);
      expect(busy.stderr).toBe(`sis serve: cannot listen on tcp:127.0.0.1:${port}: address already in use\n`);
      expect(busy.status).toBe(1);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
    const missing = await runCli(['serve', '--device', join(dir, 'ttyNone')]);
    expect(missing.stderr).toBe(`sis serve: cannot open ${join(dir, 'ttyNone')}: no such device\n`);
    expect(missing.status).toBe(1);
    const usage = await runCli(['serve']);
    expect(usage.stderr).toBe(
      'sis serve: nothing to serve on: give --listen tcp:127.0.0.1:4444, --listen unix:PATH or --device PATH\n' +
        "Try 'sis serve --help' for more information.\n",
    );
    expect(usage.status).toBe(2);
  });
});
