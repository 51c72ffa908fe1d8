import { createServer, type Server, type Socket } from 'node:net';

/** A far end written for the tests: a tcp server that plays one board per connection. */
export interface FakeTarget {
  readonly port: number;
  /** Every line the board received, with what it was doing then. */
  readonly received: Array<{ line: string; state: string }>;
  close(): Promise<void>;
}

export interface Board {
  /** Called once per connection; `say` writes at the board's line rate. */
  start(io: BoardIo): void;
  /** A complete line typed at the board (without its CR). */
  line(io: BoardIo, line: string): void;
  /** Bytes typed while the board is not reading lines (a countdown, say). */
  key?(io: BoardIo, bytes: Buffer): void;
}

export interface BoardIo {
  state: string;
  say(text: string): Promise<void>;
  /** Waits `ms` of the board's own time (its boot, a command's work). */
  pause(ms: number): Promise<void>;
  end(): void;
}

/** Characters per ms at a line rate: 9600 baud 8N1 is 0.96. */
const perMs = (baud: number): number => baud / 10_000;

export async function startFakeTarget(board: Board, options: { baud?: number } = {}): Promise<FakeTarget> {
  const received: FakeTarget['received'] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let chain = Promise.resolve();
    const io: BoardIo = {
      state: 'booting',
      say(text) {
        chain = chain.then(() => write(socket, text, options.baud));
        return chain;
      },
      pause(ms) {
        chain = chain.then(() => new Promise((resolve) => setTimeout(resolve, ms)));
        return chain;
      },
      end: () => void chain.then(() => socket.end()),
    };
    let pending = '';
    socket.on('data', (data: Buffer) => {
      if (board.key && io.state === 'autoboot') return board.key(io, data);
      pending += data.toString('utf8');
      for (let cr = pending.search(/[\r\n]/); cr >= 0; cr = pending.search(/[\r\n]/)) {
        const line = pending.slice(0, cr);
        pending = pending.slice(cr + 1);
        received.push({ line, state: io.state });
        board.line(io, line);
      }
    });
    board.start(io);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no tcp address');
  return {
    port: address.port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function write(socket: Socket, text: string, baud: number | undefined): Promise<void> {
  if (socket.destroyed) return;
  if (baud === undefined) {
    socket.write(text);
    return;
  }
  // Paced at the line rate in 10 ms slices, as a UART would deliver it.
  const slice = Math.max(1, Math.round(perMs(baud) * 10));
  for (let i = 0; i < text.length && !socket.destroyed; i += slice) {
    socket.write(text.slice(i, i + slice));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
