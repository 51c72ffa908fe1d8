import { useEffect, useRef } from 'react';
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import type { EventStore } from './event-store.js';
import { createLineInput } from './line-input.js';

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The web serial console (xterm.js) on the same UART: every byte the target prints. With a write
 * grant, in line mode (the target's prompt is known) a typed line goes through the engine like
 * the console's, so it is queued, tied to its output and recorded; in raw mode every key goes to
 * the target as typed.
 */
export function WebConsole({ store, write, mode }: { store: EventStore; write: boolean; mode: 'line' | 'raw' }) {
  const box = useRef<HTMLDivElement>(null);
  const writeRef = useRef(write);
  writeRef.current = write;
  const modeRef = useRef(mode);
  modeRef.current = mode;

  useEffect(() => {
    // The kernel ends lines with a bare LF, as the real one does.
    const term = new Terminal({ convertEol: true, fontSize: 13, scrollback: 5000, cursorBlink: true });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(box.current!);
    fit.fit();
    const offRaw = store.onRaw((bytes) => term.write(bytes));
    const lineInput = createLineInput({
      echo: (text) => term.write(text),
      submit: (text) => store.send({ type: 'line', text }),
      interrupt: () => store.send({ type: 'interrupt' }),
    });
    const typed = term.onData((data) => {
      if (!writeRef.current) return;
      if (modeRef.current === 'line') lineInput.feed(data);
      else store.send({ type: 'input', data: toBase64(data) });
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
      <h2>Console <small>{write ? (mode === 'line' ? 'type at sis>: lines are queued for the prompt' : 'raw: keys go to the target as typed') : 'read-only'}</small></h2>
      <div className="term" ref={box} />
    </section>
  );
}
