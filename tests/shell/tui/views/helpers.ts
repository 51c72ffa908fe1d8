import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReactElement } from 'react';
import { render } from 'ink-testing-library';
import { createOutputParser, type ParserEvent } from '../../../../shell/parser/index.js';
import { createLiveStore, type LiveSnapshot } from '../../../../shell/tui/live-state/index.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/conformance/', import.meta.url));

export function parseText(text: string | Buffer): ParserEvent[] {
  const parser = createOutputParser();
  const bytes = typeof text === 'string' ? Buffer.from(text, 'latin1') : text;
  return [...parser.push(new Uint8Array(bytes)), ...parser.end()];
}

export const fixtureEvents = (name: string) => parseText(readFileSync(FIXTURES + name));

/** The live snapshot after `events` (or after those before the first event matching `until`). */
export function snapshotOf(events: ParserEvent[], until?: (e: ParserEvent) => boolean): LiveSnapshot {
  const store = createLiveStore();
  for (const e of events) {
    if (until?.(e)) break;
    store.apply(e);
  }
  return store.snapshot();
}

/** The frame of `element`, as ink-testing-library renders it (100 columns, no colours). */
export function frameOf(element: ReactElement): string {
  const ui = render(element);
  const frame = ui.lastFrame() ?? '';
  ui.unmount();
  return frame;
}
