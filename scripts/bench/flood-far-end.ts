import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface FloodFarEndOptions {
  /** Bytes per second while flooding; undefined: as fast as the socket takes them. */
  bytesPerSecond?: number;
  /** How long one flood lasts (ms). */
  durationMs: number;
  /** What it floods with: numbered lines of about 80 characters, or BEL bytes. */
  content?: 'lines' | 'bells';
}

export interface FloodFarEnd {
  readonly port: number;
  /** Bytes written by all floods so far. */
  readonly sent: () => number;
  close(): Promise<void>;
}

const TICK_MS = 10;
const LINE_DIGITS = '0123456789'.repeat(7);

/** Numbered lines of digits only, so nothing typed at the console (letters) can be found in them. */
function lines(from: number, bytes: number): { text: string; next: number } {
  const parts: string[] = [];
  let size = 0;
  let n = from;
  while (size < bytes) {
    const line = `${String(n++).padStart(8, '0')} ${LINE_DIGITS}\r\n`;
    parts.push(line);
    size += line.length;
  }
  return { text: parts.join(''), next: n };
}

/**
 * A far end that is not the SIS model: a tcp server that shows `sis> `, and on every line it
 * receives floods for `durationMs` (at `bytesPerSecond`, every 10 ms, or as fast as the socket
 * drains), then shows `sis> ` again. It never echoes: what the console shows of typed keys is its own.
 */
export async function startFloodFarEnd(options: FloodFarEndOptions): Promise<FloodFarEnd> {
  const sockets = new Set<Socket>();
  let sent = 0;
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.write('far end ready\r\nsis> ');
    let pending = '';
    let flooding = false;
    socket.on('data', (data: Buffer) => {
      pending += data.toString('latin1');
      const cr = pending.search(/[\r\n]/);
      if (cr < 0 || flooding) return;
      const line = pending.slice(0, cr);
      pending = '';
      // An empty line (a console's wake Enter) gets the prompt again, as a shell answers it.
      if (line === '') return void socket.write('\r\nsis> ');
      flooding = true;
      socket.write(`${line}\r\n`);
      void flood(socket, options, (n) => (sent += n)).then(() => {
        flooding = false;
        if (!socket.destroyed) socket.write('\r\nflood done\r\nsis> ');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    sent: () => sent,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function flood(socket: Socket, options: FloodFarEndOptions, count: (n: number) => void): Promise<void> {
  const start = performance.now();
  let written = 0;
  let line = 0;
  const unpaced = options.bytesPerSecond === undefined;
  for (;;) {
    const elapsed = performance.now() - start;
    if (elapsed >= options.durationMs || socket.destroyed) return;
    const due = unpaced ? written + 65_536 : Math.floor(((options.bytesPerSecond ?? 0) * elapsed) / 1000);
    if (due > written) {
      let text: string;
      if (options.content === 'bells') text = '\x07'.repeat(due - written);
      else ({ text, next: line } = lines(line, due - written));
      written += text.length;
      count(text.length);
      const more = socket.write(text, 'latin1');
      if (!more) await new Promise((resolve) => socket.once('drain', resolve));
      if (unpaced) continue;
    }
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
}
