import type { WebSocketServer } from 'ws';
import type { HostClock } from '../../uart/index.js';

/** How long a viewer has to answer the close frame before its socket is cut (ms). */
export const VIEWER_CLOSE_GRACE_MS = 500;

/**
 * Ends every viewer when the dashboard shuts down: each gets a close frame (1001, going away) and
 * `VIEWER_CLOSE_GRACE_MS` to answer it; the sockets of those that have not (a suspended tab, a
 * peer gone from the network) are cut then: left to ws, the server would wait 30 s for each.
 */
export function closeViewers(server: WebSocketServer, clock: HostClock, done: () => void): void {
  const open = [...server.clients];
  let left = open.length;
  let timer: unknown;
  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    if (timer !== undefined) clock.clearTimer(timer);
    for (const viewer of open) viewer.terminate();
    server.close();
    done();
  };
  if (left === 0) return finish();
  for (const viewer of open) {
    viewer.once('close', () => {
      if (--left === 0) finish();
    });
    viewer.close(1001, 'the dashboard is shutting down');
  }
  timer = clock.setTimer(finish, VIEWER_CLOSE_GRACE_MS);
}
