import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ROOT } from '../helpers/cli.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schema/results.schema.json'), 'utf8'));
export const validateResults = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sis-e2e-'));
}

/** Names of writeFileAtomic temp files left in `dir`. */
export function tempFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.tmp'));
}

export function readJson(path: string): any {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function fixture(name: string): string {
  return readFileSync(join(ROOT, 'tests/fixtures/conformance', `${name}.txt`), 'latin1');
}

/** What a board answers to each command of a transcript: the text between its echo and the next prompt. */
export function responsesFrom(transcript: string): Record<string, string> {
  const responses: Record<string, string> = {};
  for (const piece of transcript.split(/^sis> /m).slice(1)) {
    const nl = piece.indexOf('\n');
    if (nl < 0) continue;
    responses[piece.slice(0, nl).replace(/\r$/, '').trim()] = piece.slice(nl + 1);
  }
  return responses;
}

export interface FakeBoard {
  /** `tcp:127.0.0.1:PORT`. */
  readonly endpoint: string;
  /** Every byte the board received, as latin1. */
  received(): string;
  close(): Promise<void>;
}

export interface FakeBoardOptions {
  /** Command → everything printed after its echo, up to (not including) the next prompt. */
  responses: Record<string, string>;
  /** Commands that print this and then hang until Ctrl-C, which prints `cancelled` and the prompt. */
  hang?: Record<string, { header: string; cancelled: string }>;
  /** Printed right behind every prompt, as the real kernel's timer and autonomy lines are. */
  glue?: string;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(`tcp:127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    });
  });
}

function closer(server: Server, sockets: Set<Socket>): () => Promise<void> {
  return () => {
    for (const s of sockets) s.destroy();
    return new Promise((resolve) => server.close(() => resolve()));
  };
}

/** A TCP "board" that answers like a SIS kernel console, from canned text. */
export async function startFakeBoard(options: FakeBoardOptions): Promise<FakeBoard> {
  const sockets = new Set<Socket>();
  let received = '';
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let pending = '';
    let hung: { cancelled: string } | null = null;
    socket.write("\n=== SIS Kernel Shell ===\nType 'help' for available commands\n\nsis> ");
    socket.on('data', (chunk: Buffer) => {
      const text = chunk.toString('latin1');
      received += text;
      for (const ch of text) {
        if (hung) {
          if (ch === '\x03') {
            socket.write(`^C\n${hung.cancelled}sis> `);
            hung = null;
          }
          continue;
        }
        if (ch !== '\r' && ch !== '\n') {
          pending += ch;
          continue;
        }
        const line = pending.trim();
        pending = '';
        socket.write(`${line}\r\n`);
        const hang = options.hang?.[line];
        if (hang) {
          socket.write(hang.header);
          hung = { cancelled: hang.cancelled };
          continue;
        }
        const response = line === '' ? '' : options.responses[line] ?? `Unknown command: ${line.split(' ')[0]}\nType 'help' for available commands\n`;
        socket.write(`${response}sis> ${options.glue ?? ''}`);
      }
    });
  });
  const endpoint = await listen(server);
  return { endpoint, received: () => received, close: closer(server, sockets) };
}

/** A TCP server that accepts connections and never sends a byte. */
export async function startSilentServer(): Promise<{ endpoint: string; received: () => string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let received = '';
  const server = createServer((socket) => {
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  const endpoint = await listen(server);
  return { endpoint, received: () => received, close: closer(server, sockets) };
}
