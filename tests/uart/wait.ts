import type { BytePort, PortError } from '../../uart/port.js';

/** Resolves when `check()` is true, re-checking on every `subscribe` notification; fails after `ms`. */
export function waitFor(what: string, check: () => boolean, subscribe: (wake: () => void) => () => void, ms = 10000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out waiting for ${what}`));
    }, ms);
    const unsubscribe = subscribe(() => {
      if (!check()) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}

/** Collects everything a port receives, as latin1 text. */
export function collect(port: BytePort): { text: () => string; until: (text: string) => Promise<void> } {
  let received = '';
  const wakers = new Set<() => void>();
  port.onData((chunk) => {
    received += Buffer.from(chunk).toString('latin1');
    for (const wake of wakers) wake();
  });
  return {
    text: () => received,
    until: (text) => waitFor(`'${text}' (have '${received}')`, () => received.includes(text), (wake) => {
      wakers.add(wake);
      return () => wakers.delete(wake);
    }),
  };
}

/** The `close` listener's argument, once it is called. */
export function closed(port: BytePort, ms = 10000): Promise<PortError | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${port.description} to close`)), ms);
    port.onClose((reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

export const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
