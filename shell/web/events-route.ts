import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { Grant } from './access.js';
import type { Hub } from './hub.js';
import type { WireInput, WireMessage } from './wire.js';

/** A viewer this far behind (bytes queued in its socket) is dropped rather than slowing the others. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

function parseInput(data: unknown): WireInput | undefined {
  try {
    const value = JSON.parse(String(data)) as Partial<WireInput>;
    if (value.type === 'interrupt') return { type: 'interrupt' };
    if (value.type === 'input' && typeof value.data === 'string') return { type: 'input', data: value.data };
    if (value.type === 'line' && typeof value.text === 'string' && !/[\r\n]/.test(value.text)) return { type: 'line', text: value.text };
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * `GET /events`: the WebSocket every viewer gets; `hello` first, then every message the hub
 * broadcasts. Keys and lines from the web terminal reach the target only with a write grant.
 */
export function registerEventsRoute(app: FastifyInstance, hub: Hub, grantOf: (request: unknown) => Grant): void {
  app.get(
    '/events',
    { websocket: true, schema: { summary: 'WebSocket: hello, then parsed events, raw UART bytes (base64), live state, link, busy, launch, recorded', tags: ['events'] } },
    (socket: WebSocket, request) => {
      const write = grantOf(request) === 'write';
      const send = (message: WireMessage): void => {
        if (socket.readyState !== socket.OPEN) return;
        if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
          socket.close(1013, 'too far behind');
          return;
        }
        socket.send(JSON.stringify(message));
      };
      send(hub.hello(write));
      const unsubscribe = hub.subscribe(send);
      socket.on('message', (data) => {
        const input = parseInput(data);
        if (input === undefined || !write) return;
        if (input.type === 'interrupt') hub.attachment.interrupt();
        else if (input.type === 'line') hub.attachment.submit(input.text);
        else hub.attachment.writeRaw(Buffer.from(input.data, 'base64'));
      });
      socket.on('close', unsubscribe);
      socket.on('error', unsubscribe);
    },
  );
}
