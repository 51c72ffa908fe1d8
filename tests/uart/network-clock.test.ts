import { afterEach, expect, test } from '@jest/globals';
import { createConnection } from 'node:net';
import { createManualClock } from '../../uart/manual-clock.js';
import { createRfc2217Control } from '../../uart/rfc2217-control.js';
import { createSocketServer, type ServerEvent } from '../../uart/socket-server.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

test("sis serve's idle timeout runs on the server's clock: a silent client keeps its place until the clock passes it", async () => {
  const clock = createManualClock();
  const events: ServerEvent[] = [];
  let wake = (): void => {};
  const result = await createSocketServer({
    listen: [{ kind: 'tcp', host: '127.0.0.1', port: 0 }],
    idleTimeoutMs: 5000,
    clock,
    onClientData: () => {},
    onEvent: (event) => {
      events.push(event);
      wake();
    },
  });
  if (!result.ok) throw new Error(result.error.message);
  const { server } = result;
  cleanups.push(() => server.close());
  const eventCount = (n: number): Promise<void> =>
    new Promise((resolve) => {
      wake = () => {
        if (events.length >= n) resolve();
      };
      wake();
    });
  const port = Number(server.addresses[0]!.split(':').pop());
  const client = createConnection({ host: '127.0.0.1', port });
  const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
  client.on('error', () => {});
  await eventCount(1);
  clock.advance(4999);
  expect(events.map((e) => e.type)).toEqual(['client-connected']);
  clock.advance(1);
  expect(events.map((e) => e.type)).toEqual(['client-connected', 'client-idle']);
  await closed;
});

test("an RFC 2217 request the server never answers gives up when the control's clock passes the answer time", async () => {
  const clock = createManualClock();
  const sent: number[] = [];
  const control = createRfc2217Control({ description: 'rfc2217://lab:2000', send: (command) => sent.push(command), answerTimeoutMs: 3000, clock });
  let settled: unknown = 'pending';
  void control.updateSettings({ baudRate: 9600 }).then((outcome) => (settled = outcome));
  await Promise.resolve();
  expect(sent.length).toBeGreaterThan(0);
  clock.advance(2999);
  await new Promise((resolve) => setImmediate(resolve));
  expect(settled).toBe('pending');
  clock.advance(1);
  await new Promise((resolve) => setImmediate(resolve));
  expect(settled).toMatchObject({ ok: false });
});
