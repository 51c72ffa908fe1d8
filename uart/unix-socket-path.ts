import { connect } from 'node:net';
import { lstat, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { portError, type PortError } from './port.js';
import { systemClock, type HostClock } from './host-clock.js';

/**
 * Makes `path` free for a unix socket server: a socket file left by a dead server is removed;
 * a live server's socket, or any other kind of file, is left alone and reported.
 */
export async function prepareUnixSocketPath(path: string, clock: HostClock = systemClock): Promise<PortError | undefined> {
  const description = `cannot listen on unix:${path}`;
  const parent = dirname(path);
  try {
    if (!(await stat(parent)).isDirectory()) return portError('not-found', `${description}: ${parent} is not a directory`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return portError('not-found', `${description}: directory ${parent} does not exist`);
    }
  }
  let isSocket: boolean;
  try {
    isSocket = (await lstat(path)).isSocket();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EACCES') return portError('permission-denied', `${description}: permission denied`);
    return portError('io', `${description}: ${(error as Error).message}`);
  }
  if (!isSocket) return portError('io', `${description}: the path exists and is not a socket`);
  if (await isLive(path, clock)) {
    return portError('locked', `${description}: another server is listening on this socket`);
  }
  try {
    await unlink(path);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EACCES' || code === 'EPERM') {
      return portError('permission-denied', `${description}: cannot remove the stale socket (permission denied)`);
    }
    return portError('io', `${description}: cannot remove the stale socket (${(error as Error).message})`);
  }
}

/** True when something accepts connections on the socket at `path` (or does not answer in 2 s). */
function isLive(path: string, clock: HostClock): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect({ path });
    const timer = clock.setTimer(() => {
      probe.destroy();
      resolve(true);
    }, 2000);
    probe.once('connect', () => {
      clock.clearTimer(timer);
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => {
      clock.clearTimer(timer);
      resolve(false);
    });
  });
}
