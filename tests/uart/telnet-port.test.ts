import { afterEach, describe, expect, test } from '@jest/globals';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { BytePort } from '../../uart/port.js';
import { lineControlOf } from '../../uart/port.js';
import { createTelnetPort } from '../../uart/telnet-port.js';
import { DO, DONT, IAC, OPT_BINARY, OPT_COM_PORT, OPT_SGA, SB, SE, TelnetDecoder, WILL, WONT } from '../../uart/telnet-codec.js';
import { bytes, closed, collect, waitFor } from './wait.js';

/**
 * A telnet server written for these tests: it decodes what the client sends, records it, and
 * answers COM-PORT-OPTION requests as a serial server would (the value back, + 100), unless told
 * to stay silent or to refuse the option.
 */
interface FakeServer {
  readonly port: number;
  /** Every data byte the client sent, IAC escapes removed. */
  readonly data: number[];
  /** Option commands as `WILL 0`, `DO 44`, …; subnegotiations as `SB 44 1 0 0 37 128`. */
  readonly log: string[];
  socket(): Socket;
  change(): Promise<void>;
  close(): Promise<void>;
}

interface FakeOptions {
  /** What the server says first. Default: WILL BINARY, WILL SGA, DO COM-PORT-OPTION. */
  readonly greeting?: number[];
  readonly refuseComPort?: boolean;
  /** Commands (client codes) the server does not answer. */
  readonly silentTo?: number[];
  /** Answer the client's WILL BINARY with DO BINARY. Default: no answer (the client stays in NVT mode). */
  readonly binary?: boolean;
}

/** A fresh fake port's settings as RFC 2217 values: 115200 8N1, no flow control. */
const newLineState = (): Map<number, number[]> =>
  new Map<number, number[]>([[1, [0, 1, 0xc2, 0]], [2, [8]], [3, [1]], [4, [1]], [5, [1]]]);

/** A request's answer: value 0 asks for the current setting; BREAK/DTR/RTS codes are echoed. */
function answer(lineState: Map<number, number[]>, command: number, value: number[]): number[] {
  if (command === 7) return [0xb0];
  if (!lineState.has(command)) return value;
  if (value.every((byte) => byte === 0)) return lineState.get(command)!;
  if (command !== 5 || value[0]! <= 3) lineState.set(command, value);
  return value;
}

const VERB = new Map([[WILL, 'WILL'], [WONT, 'WONT'], [DO, 'DO'], [DONT, 'DONT']]);

function startFakeServer(options: FakeOptions = {}): Promise<FakeServer> {
  const data: number[] = [];
  const log: string[] = [];
  const wakers = new Set<() => void>();
  let client: Socket | undefined;
  const notify = (): void => { for (const wake of [...wakers]) wake(); };
  const server: Server = createServer((socket) => {
    client = socket;
    const lineState = newLineState();
    const decoder = new TelnetDecoder();
    decoder.binary = true;
    socket.write(Uint8Array.from(options.greeting ?? [IAC, WILL, OPT_BINARY, IAC, WILL, OPT_SGA, IAC, DO, OPT_COM_PORT]));
    socket.on('data', (chunk) => {
      for (const event of decoder.feed(chunk)) {
        if (event.type === 'data') data.push(...event.bytes);
        else if (event.type === 'option') {
          log.push(`${VERB.get(event.verb)} ${event.option}`);
          if (event.verb === WILL && event.option === OPT_COM_PORT && options.refuseComPort) {
            socket.write(Uint8Array.of(IAC, DONT, OPT_COM_PORT));
          } else if (event.verb === WILL && event.option === OPT_BINARY && options.binary === true) {
            socket.write(Uint8Array.of(IAC, DO, OPT_BINARY));
          }
        } else {
          log.push(`SB ${event.option} ${[...event.data].join(' ')}`);
          const [command, ...value] = event.data;
          if (command !== undefined && !(options.silentTo ?? []).includes(command) && command <= 12) {
            socket.write(Uint8Array.of(IAC, SB, OPT_COM_PORT, command + 100, ...answer(lineState, command, value), IAC, SE));
          }
        }
      }
      notify();
    });
    socket.on('error', () => {});
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({
      port: (server.address() as AddressInfo).port,
      data,
      log,
      socket: () => client!,
      change: () => new Promise((wake) => { const once = (): void => { wakers.delete(once); wake(); }; wakers.add(once); }),
      close: () => new Promise((done) => { client?.destroy(); server.close(() => done()); }),
    }));
  });
}

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function connect(rfc2217: boolean, options: FakeOptions = {}, answerTimeoutMs = 2000) {
  const server = await startFakeServer(options);
  cleanups.push(() => server.close());
  const port = createTelnetPort({ endpoint: { kind: 'telnet', rfc2217, host: '127.0.0.1', port: server.port }, answerTimeoutMs });
  cleanups.push(() => port.close());
  return { server, port };
}

const until = (server: FakeServer, what: string, check: () => boolean): Promise<void> =>
  waitFor(what, check, (wake) => {
    let live = true;
    const loop = (): void => void server.change().then(() => { if (live) wake(); if (live) loop(); });
    loop();
    return () => { live = false; };
  });

/** One request answered by the fake server: everything it wrote before the answer has arrived. */
async function roundTrip(port: BytePort): Promise<void> {
  const answered = await lineControlOf(port).updateSettings({ baudRate: 9600 });
  if (!answered.ok) throw new Error(answered.message);
}

describe('telnet client (RFC 854)', () => {
  test('agrees to BINARY and SGA, and in telnet:// mode refuses COM-PORT-OPTION', async () => {
    const { server, port } = await connect(false);
    await port.open();
    await until(server, 'the negotiation', () => server.log.includes(`WONT ${OPT_COM_PORT}`) && server.log.includes(`DO ${OPT_SGA}`));
    expect(server.log).toEqual(expect.arrayContaining([`WILL ${OPT_BINARY}`, `DO ${OPT_BINARY}`, `DO ${OPT_SGA}`]));
    const result = await lineControlOf(port).sendBreak(10);
    expect(result).toMatchObject({ ok: false, kind: 'unsupported' });
  });

  test('data both ways, 0xFF escaped on the wire and unescaped on arrival; NVT mode sends CR NUL', async () => {
    const { server, port } = await connect(false);
    const received = collect(port);
    await port.open();
    port.write(Uint8Array.of(0x41, 0xff, 0x0d, 0x42));
    await until(server, 'the client bytes', () => server.data.length >= 5);
    expect(server.data).toEqual([0x41, 0xff, 0x0d, 0x00, 0x42]);
    server.socket().write(Uint8Array.of(0x61, IAC, IAC, 0x62, IAC, 241, 0x63));
    await received.until('c');
    expect(received.text()).toBe('a\xffbc');
  });

  test('once the server agrees to our BINARY, a CR goes as it is', async () => {
    const { server, port } = await connect(true, { binary: true });
    await port.open();
    await until(server, 'our WILL BINARY', () => server.log.includes(`WILL ${OPT_BINARY}`));
    // The answer comes after the server's DO BINARY, so that has arrived when it resolves.
    await roundTrip(port);
    port.write(Uint8Array.of(0x0d, 0x41));
    await until(server, 'the client bytes', () => server.data.length >= 2);
    expect(server.data).toEqual([0x0d, 0x41]);
  });

  test('the server closing the connection closes the port with a reason', async () => {
    const { server, port } = await connect(false);
    await port.open();
    const reason = closed(port);
    server.socket().destroy();
    expect((await reason)?.kind).toBe('disconnected');
  });
});

describe('RFC 2217 (COM-PORT-OPTION)', () => {
  test('settings, BREAK, DTR/RTS and modem lines go out as the RFC has them, answered by the server', async () => {
    const { server, port } = await connect(true);
    await port.open();
    const control = lineControlOf(port);
    expect(control.settings).toEqual({ baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, flow: 'none' });
    expect(await control.updateSettings({ baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 2, flow: 'rtscts' }))
      .toEqual({ ok: true, value: { baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 2, flow: 'rtscts' } });
    expect(await control.sendBreak(20)).toEqual({ ok: true, value: undefined });
    expect(await control.setControlLines({ dtr: false, rts: false })).toEqual({ ok: true, value: { dtr: false, rts: false } });
    expect(await control.getModemLines()).toEqual({ ok: true, value: { dcd: true, ri: false, dsr: true, cts: true } });
    const sub = server.log.filter((line) => line.startsWith('SB'));
    expect(sub).toEqual([
      'SB 44 11 255', 'SB 44 10 0',
      'SB 44 1 0 0 0 0', 'SB 44 2 0', 'SB 44 3 0', 'SB 44 4 0', 'SB 44 5 0',
      'SB 44 1 0 0 37 128', 'SB 44 2 7', 'SB 44 3 3', 'SB 44 4 2', 'SB 44 5 3',
      'SB 44 5 5', 'SB 44 5 6', 'SB 44 5 9', 'SB 44 5 12', 'SB 44 7',
    ]);
    expect(control.settings).toEqual({ baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 2, flow: 'rtscts' });
  });

  test('modem state the server notifies by itself is what getModemLines reports, without a poll', async () => {
    const { server, port } = await connect(true, { silentTo: [7] }, 300);
    await port.open();
    server.socket().write(Uint8Array.of(IAC, SB, OPT_COM_PORT, 107, 0x40, IAC, SE));
    await roundTrip(port);
    const lines = await lineControlOf(port).getModemLines();
    expect(lines).toEqual({ ok: true, value: { dcd: false, ri: true, dsr: false, cts: false } });
    expect(server.log).not.toContain('SB 44 7');
  });

  test('a request the server does not answer fails with a message naming it', async () => {
    const { port } = await connect(true, { silentTo: [5] }, 200);
    await port.open();
    expect(await lineControlOf(port).setControlLines({ dtr: false })).toEqual({
      ok: false,
      kind: 'failed',
      message: expect.stringContaining('no answer to SET-CONTROL DTR OFF within 0.2 s'),
    });
  });

  test('FLOWCONTROL-SUSPEND holds our data until FLOWCONTROL-RESUME', async () => {
    const { server, port } = await connect(true);
    await port.open();
    server.socket().write(Uint8Array.of(IAC, SB, OPT_COM_PORT, 108, IAC, SE));
    await roundTrip(port);
    port.write(bytes('held'));
    port.write(bytes('!'));
    await roundTrip(port);
    expect(server.data).toEqual([]);
    server.socket().write(Uint8Array.of(IAC, SB, OPT_COM_PORT, 109, IAC, SE));
    await until(server, 'the held bytes', () => server.data.length === 5);
    expect(Buffer.from(server.data).toString()).toBe('held!');
  });

  test('line settings given at open are applied before open() resolves', async () => {
    const server = await startFakeServer();
    cleanups.push(() => server.close());
    const port: BytePort = createTelnetPort({
      endpoint: { kind: 'telnet', rfc2217: true, host: '127.0.0.1', port: server.port },
      line: { baudRate: 57600 },
    });
    cleanups.push(() => port.close());
    await port.open();
    expect(server.log).toContain('SB 44 1 0 0 225 0');
    expect(lineControlOf(port).settings).toEqual({ baudRate: 57600 });
  });

  test('a server that hangs up during negotiation fails open() at once, not after the answer timeout', async () => {
    // It agrees to COM-PORT-OPTION, so the client is waiting for its settings when the line drops.
    const rude = createServer((socket) => socket.on('error', () => {}).resume().end(Uint8Array.of(IAC, DO, OPT_COM_PORT)));
    await new Promise<void>((resolve) => rude.listen(0, '127.0.0.1', () => resolve()));
    cleanups.push(() => new Promise((done) => rude.close(() => done())));
    const port = createTelnetPort({
      endpoint: { kind: 'telnet', rfc2217: true, host: '127.0.0.1', port: (rude.address() as AddressInfo).port },
      answerTimeoutMs: 60_000,
    });
    cleanups.push(() => port.close());
    await expect(port.open()).rejects.toMatchObject({ kind: 'disconnected' });
  });

  test('a server that refuses RFC 2217, or says nothing (a raw socket), fails open() with one line', async () => {
    const refusing = await connect(true, { refuseComPort: true, greeting: [IAC, WILL, OPT_BINARY] });
    await expect(refusing.port.open()).rejects.toEqual({
      kind: 'io',
      message: `rfc2217://127.0.0.1:${refusing.server.port}: the server refused RFC 2217 ` +
        `(use telnet://127.0.0.1:${refusing.server.port} for its byte stream alone)`,
    });
    const raw = createServer((socket) => socket.on('error', () => {}).resume());
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', () => resolve()));
    cleanups.push(() => new Promise((done) => raw.close(() => done())));
    const rawPort = (raw.address() as AddressInfo).port;
    const port = createTelnetPort({ endpoint: { kind: 'telnet', rfc2217: true, host: '127.0.0.1', port: rawPort }, answerTimeoutMs: 200 });
    cleanups.push(() => port.close());
    await expect(port.open()).rejects.toEqual({
      kind: 'io',
      message: `rfc2217://127.0.0.1:${rawPort}: no telnet answer within 0.2 s (not an RFC 2217 server? use tcp:HOST:PORT for a raw socket)`,
    });
  });
});
