import { useEffect, useRef } from 'react';
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import type { EventStore } from './event-store.js';

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The web serial console (xterm.js) on the same UART: every byte the target prints, and, with a
 * write grant, every key typed goes to the target as is (the kernel echoes and edits the line).
 */
export function WebConsole({ store, write }: { store: EventStore; write: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const writeRef = useRef(write);
  writeRef.current = write;

  useEffect(() => {
    // The kernel ends lines with a bare LF, as the real one does.
    const term = new Terminal({ convertEol: true, fontSize: 13, scrollback: 5000, cursorBlink: true });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(box.current!);
    fit.fit();
    const offRaw = store.onRaw((bytes) => term.write(bytes));
    const typed = term.onData((data) => {
      if (writeRef.current) store.send({ type: 'input', data: toBase64(data) });
    });
    const resize = new ResizeObserver(() => fit.fit());
    resize.observe(box.current!);
    return () => {
      resize.disconnect();
      typed.dispose();
      offRaw();
      term.dispose();
    };
  }, [store]);

  return (
    <section className="panel console" data-testid="console">
      <h2>Console <small>{write ? 'type at sis>' : 'read-only'}</small></h2>
      <div className="term" ref={box} />
    </section>
  );
}
