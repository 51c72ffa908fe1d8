import { readSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** The parts of serialport's binding and unix port objects this module relies on. */
export interface BindingLike {
  open(options: object): Promise<object>;
}

interface UnixPortLike {
  fd: number | null;
  readonly isOpen: boolean;
  readonly poller: { once(event: 'readable', callback: (error: Error | null) => void): unknown };
}

/**
 * serialport's unix read retries forever when read() returns 0 bytes, which is what a pty whose
 * other side has closed returns: the port spins instead of reporting the disconnect (a real
 * device that is unplugged fails with EIO/ENXIO instead). This binding wraps each opened unix
 * port so a 0-byte read (EOF with VMIN = 1) is a disconnect. Its reads are also cheaper: the fd
 * is non-blocking, so read() is called directly, once a turn of the event loop until the device
 * is empty or the stream's buffer full, rather than through the thread pool; an empty device
 * waits on the port's poller as before.
 */
export function hangupSafeBinding<B extends BindingLike>(binding: B): B {
  return {
    ...binding,
    async open(options: object) {
      const port = await binding.open(options);
      return isUnixPort(port) ? withSafeRead(port) : port;
    },
  };
}

function isUnixPort(port: object): port is UnixPortLike {
  return 'fd' in port && 'poller' in port && 'isOpen' in port;
}

/**
 * What else the device holds, up to `length` bytes: a pty hands over at most 4095 bytes a read,
 * so a flood comes in larger pieces through the stream. An end, an error or nothing waiting stops
 * it; the next read meets them again.
 */
function readMore(fd: number, buffer: Buffer, offset: number, length: number): number {
  let total = 0;
  while (total < length) {
    let n: number;
    try {
      n = readSync(fd, buffer, offset + total, length - total, null);
    } catch {
      break;
    }
    if (n === 0) break;
    total += n;
  }
  return total;
}

function withSafeRead<P extends UnixPortLike>(port: P): P {
  const safeRead = async (buffer: Buffer, offset: number, length: number) => {
    // A flood never leaves the device empty: yielding first lets timers, keys and frames run between reads.
    await nextTurn();
    for (;;) {
      const fd = port.fd;
      if (!port.isOpen || fd === null) throw Object.assign(new Error('Port is not open'), { canceled: true });
      try {
        const bytesRead = readSync(fd, buffer, offset, length, null);
        if (bytesRead === 0) throw Object.assign(new Error('device hung up'), { disconnect: true });
        return { bytesRead: bytesRead + readMore(fd, buffer, offset + bytesRead, length - bytesRead), buffer };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EAGAIN' && code !== 'EWOULDBLOCK' && code !== 'EINTR') throw error;
        if (!port.isOpen) throw Object.assign(new Error('Port is not open'), { canceled: true });
        await new Promise<void>((resolve, reject) => {
          port.poller.once('readable', (pollError) => (pollError ? reject(pollError) : resolve()));
        });
      }
    }
  };
  return new Proxy(port, {
    get(target, key, receiver) {
      if (key === 'read') return safeRead;
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
