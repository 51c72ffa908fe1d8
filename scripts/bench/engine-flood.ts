import { createSessionResults } from '../../shell/results/session/index.js';
import { createConsoleEngine } from '../../shell/tui/console-engine.js';
import { createCardWriter } from '../../shell/tui/result-cards.js';
import { Scrollback } from '../../shell/tui/scrollback.js';
import { createManualClock, Listeners, type BytePort, type PortError } from '../../uart/index.js';
import { floodText, type FloodContent } from './device-flood.js';

/**
 * The console's receive path without a terminal: the device flood's text in 4095-byte reads (what
 * a pty hands over) through the engine, parser, live feed, result cards, session results and the
 * scrollback (its writes dropped). CPU microseconds per line, the median of `runs`; no load or
 * terminal in the figure, so it compares builds on a busy machine.
 * `node --import ./scripts/ts-node-register.mjs scripts/bench/engine-flood.ts [plain|chaos] [runs]`
 */
export function engineFloodCpu(content: FloodContent, count = 200_000): number {
  const data = new Listeners<[Uint8Array]>();
  const port: BytePort = {
    description: 'bench',
    open: () => Promise.resolve(),
    write: () => {},
    drain: () => Promise.resolve(),
    close: () => Promise.resolve(),
    onData: (listener) => data.add(listener),
    onClose: (_listener: (reason?: PortError) => void) => () => {},
  };
  // Its timers never fire: the loop below flushes as the console's flush timer would.
  const scrollback = new Scrollback({ clock: createManualClock() });
  scrollback.setWriter(() => {});
  const results = createSessionResults({ version: 'bench', target: { kind: 'board', transport: 'bench' } });
  const { engine, attachCards, dispose } = createConsoleEngine({ port, scrollback, results, size: () => ({ columns: 120, rows: 40 }) });
  attachCards(createCardWriter({ scrollback, width: () => 120 }));
  const bytes = Buffer.from(floodText(content, count), 'latin1');
  const start = process.cpuUsage();
  for (let at = 0; at < bytes.length; at += 4095) {
    data.emit(bytes.subarray(at, at + 4095));
    // The scrollback flushes about once a read in a flood (16 ms of reads).
    scrollback.flush();
  }
  const used = process.cpuUsage(start);
  engine.dispose();
  dispose();
  return (used.user + used.system) / count;
}

if (process.argv[1]?.endsWith('engine-flood.ts')) {
  const content = (process.argv[2] ?? 'chaos') as FloodContent;
  const runs = Number(process.argv[3] ?? 5);
  const each: number[] = [];
  for (let i = 0; i < runs; i++) each.push(engineFloodCpu(content));
  const sorted = [...each].sort((a, b) => a - b);
  console.log(`${content}: ${sorted[Math.floor(runs / 2)]!.toFixed(2)} µs CPU per line (runs: ${each.map((x) => x.toFixed(2)).join(', ')})`);
}
