import { renderToString } from 'ink';
import type { EngineEvent } from '../engine/index.js';
import type { RunMetrics } from '../parser/index.js';
import type { Scrollback } from './scrollback.js';
import { CompareTable, panelWidth, ResultCard } from './views/index.js';

export interface CardWriterOptions {
  scrollback: Scrollback;
  /** The terminal's width now. */
  width: () => number;
}

/**
 * Writes each result card and compare table into the scrollback right after the output that
 * produced it, in the engine's event order: a card always sits under its own command's output,
 * never under the next command's, and `compare` shows OFF's card before the ON header.
 */
export function createCardWriter(options: CardWriterOptions): (event: EngineEvent) => void {
  const { scrollback } = options;
  let compareSide: 'off' | 'on' | null = null;
  let command: string | null = null;
  let halves: { off: RunMetrics | null; on: RunMetrics | null } = { off: null, on: null };
  return (event) => {
    if (event.type === 'command-sent') {
      command = event.command.line;
      compareSide = null;
      halves = { off: null, on: null };
      return;
    }
    if (event.type !== 'parsed') return;
    const parsed = event.event;
    switch (parsed.type) {
      // The echo names a command typed elsewhere too (another client of a shared line).
      case 'command':
        command = parsed.command;
        compareSide = null;
        return;
      case 'compare-phase':
        compareSide = parsed.side;
        return;
      case 'result': {
        const width = options.width();
        if (compareSide !== null) halves = { ...halves, [compareSide]: parsed.result.metrics };
        scrollback.writeBlock(renderToString(<ResultCard result={parsed.result} compareSide={compareSide} width={width} />, { columns: width }));
        return;
      }
      case 'compare': {
        const width = options.width();
        compareSide = null;
        scrollback.writeBlock(
          renderToString(<CompareTable compare={parsed.compare} command={command} halves={halves} width={panelWidth(width)} />, { columns: width }),
        );
        halves = { off: null, on: null };
        return;
      }
    }
  };
}
