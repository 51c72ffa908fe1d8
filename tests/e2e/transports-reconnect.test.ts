import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPtyPair, type PtyPair } from '../uart/socat.js';
import { killAll, SisProcess, startServe } from './transports-helpers.js';
import { describeWithTools, requireTool } from '../helpers/tools.js';

let dir: string;
const pairs: PtyPair[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sis-reconnect-'));
});
afterEach(async () => {
  await killAll();
  for (const pair of pairs.splice(0)) await pair.kill();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HELP_END = '  stresstest - ';
const STATUS_END = 'Watchdog Triggers:';

describe('the console carries on when the other end goes away', () => {
  test('the server is killed and restarted on the same port: the tcp client reconnects', async () => {
    const first = await startServe(['--listen', 'tcp:127.0.0.1:0', '--seed', '5', '--speed', 'max']);
    const address = first.addresses[0]!;
    const log = join(dir, 'tcp.log');
    const client = new SisProcess([address, '--log', log]);
    client.write('help\n');
    await client.untilStdout((text) => text.includes(HELP_END) && text.endsWith('sis> '));

    first.serve.kill('SIGTERM');
    await first.serve.exited;
    await client.untilStderr(/^sis: disconnected: tcp:\S+: connection (closed|reset) by the remote end; retrying in 0\.1 s \(attempt 1\)$/m);
    await client.untilStderr(/^sis: disconnected: tcp:\S+: connection refused; retrying in 0\.2 s \(attempt 2\)$/m);
    const beforeRestart = client.stdoutText;

    await startServe(['--listen', address, '--seed', '5', '--speed', 'max']);
    await client.untilStderr(/(^sis: connected to tcp:\S+$[\s\S]*){2}/m);
    client.end('help\n');
    expect(await client.exited).toEqual({ status: 0, signal: null });
    const after = client.stdoutText.slice(beforeRestart.length);
    expect(client.stdoutText.startsWith(beforeRestart)).toBe(true);
    expect(after).toMatch(/^\r\nsis> help\r\nAvailable commands:\n/);
    expect(readFileSync(log).toString('latin1')).toBe(client.stdoutText);
  });

  test('--no-reconnect: the server going away ends plain mode with status 1 and one line', async () => {
    const { serve, addresses } = await startServe(['--listen', 'tcp:127.0.0.1:0', '--speed', 'max']);
    const client = new SisProcess([addresses[0]!, '--no-reconnect']);
    client.write('help\n');
    await client.untilStdout((text) => text.includes(HELP_END) && text.endsWith('sis> '));
    serve.kill('SIGTERM');
    expect(await client.exited).toEqual({ status: 1, signal: null });
    expect(client.stderr).toMatch(new RegExp(
      `^sis: connected to ${addresses[0]}\nsis: ${addresses[0]}: connection (closed|reset) by the remote end\n$`,
    ));
  });
});

describeWithTools([requireTool('socat', 'socat')], 'the console carries on when a socat pty pair goes away', () => {
  test('the pty pair is killed mid-session and restarted: both ends reconnect, the log holds every byte', async () => {
    pairs.push(await startPtyPair(dir));
    const { serve } = await startServe(['--device', pairs[0]!.a, '--seed', '5', '--speed', 'max']);
    const log = join(dir, 'session.log');
    const client = new SisProcess([pairs[0]!.b, '--log', log]);
    await client.untilStderr(/^sis: connected to /m);

    client.write('help\n');
    await client.untilStdout((text) => text.includes(HELP_END) && text.endsWith('sis> '));

    await pairs[0]!.kill();
    await client.untilStderr(/^sis: disconnected: \S+ttyB: device disconnected; retrying in 0\.1 s \(attempt 1\)$/m);
    await serve.untilStderr(/^sis serve: disconnected: \S+ttyA: device disconnected; retrying in 0\.1 s \(attempt 1\)$/m);
    const beforeRestart = client.stdoutText;

    pairs[0] = await startPtyPair(dir);
    await serve.untilStderr(/^sis serve: connected to \S+ttyA$/m);
    await client.untilStderr(/(^sis: connected to \S+ttyB$[\s\S]*){2}/m);

    client.end('autoctl status\n');
    expect(await client.exited).toEqual({ status: 0, signal: null });
    const out = client.stdoutText;
    expect(out.startsWith(beforeRestart)).toBe(true);
    const after = out.slice(beforeRestart.length);
    // After the reconnect the far end was silent, so the console asked for a prompt with one Enter.
    expect(after).toMatch(/^\r\nsis> autoctl status\r\n\n=== Autonomous Control Status ===\n/);
    expect(after).toContain(STATUS_END);
    expect(after.endsWith('sis> ')).toBe(true);
    expect(readFileSync(log).toString('latin1')).toBe(out);
    expect(client.stderr).toMatch(/^sis: connected to \S+ttyB\n(sis: disconnected: [^\n]+\n)+sis: connected to \S+ttyB\n$/);
  });
});
