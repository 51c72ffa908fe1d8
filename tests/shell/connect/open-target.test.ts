import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTarget, type OpenTargetOptions } from '../../../shell/connect/index.js';
import { waitFor } from '../../helpers/wait.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sis-open-target-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base: OpenTargetOptions = {
  target: { kind: 'model', seed: 5n },
  reconnect: true,
  enter: 'cr',
  incomingCr: 'keep',
  defaultSpeed: 'max',
};

describe('openTarget', () => {
  test('the model with a log: the console gets the banner, the log gets it too, stamped and appended', async () => {
    const path = join(dir, 'model.log');
    writeFileSync(path, 'earlier\n');
    const opened = await openTarget({ ...base, log: { path, append: true, strip: true, timestamps: 'relative' } });
    if (!opened.ok) throw new Error(opened.message);
    const { connection } = opened;
    expect(connection.seed).toBe(5n);
    expect(connection.port.description).toBe('virtual');
    expect(connection.port.state.status).toBe('connected');
    let text = '';
    connection.port.onData((chunk) => void (text += Buffer.from(chunk).toString('latin1')));
    expect(await waitFor(() => text.endsWith('sis> '))).toBe(true);
    await connection.close();
    const lines = readFileSync(path, 'latin1').split('\n');
    expect(lines[0]).toBe('earlier');
    expect(lines[1]).toMatch(/^\[\+\d+\.\d{3}s\] !KERNEL\(U\)$/);
    expect(lines.slice(1).every((line) => /^\[\+\d+\.\d{3}s\] /.test(line))).toBe(true);
    expect(lines.slice(1).map((line) => line.replace(/^\[\+\d+\.\d{3}s\] /, '')).join('\n')).toBe(text);
  });

  test('a log that cannot be opened: status 2, nothing connects', async () => {
    let connections = 0;
    const server = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const opened = await openTarget({
      ...base,
      target: { kind: 'socket', endpoint: { kind: 'tcp', host: '127.0.0.1', port } },
      log: { path: join(dir, 'missing', 'x.log'), append: false, strip: false },
    });
    await new Promise((resolve) => server.close(resolve));
    expect(opened).toEqual({
      ok: false,
      status: 2,
      message: `cannot open log file ${join(dir, 'missing', 'x.log')}: directory ${join(dir, 'missing')} does not exist`,
    });
    expect(connections).toBe(0);
  });

  test('the first connection must succeed, reconnect or not: status 1 with the reason', async () => {
    const path = join(dir, 'ttyMissing');
    for (const reconnect of [true, false]) {
      const opened = await openTarget({ ...base, reconnect, target: { kind: 'device', path, line: {} } });
      expect(opened).toEqual({ ok: false, status: 1, message: `cannot open ${path}: no such device` });
    }
  });
});
