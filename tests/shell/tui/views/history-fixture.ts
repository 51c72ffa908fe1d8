import { createResultsBuilder } from '../../../../shell/results/index.js';
import type { ResultsDocument } from '../../../../shell/results/index.js';
import { createManualClock } from '../../../../uart/index.js';
import { fixtureEvents } from './helpers.js';

/** A results document over four model fixtures; the clock advances 61 s per reading. */
export function historyDocument(): ResultsDocument {
  let t = Date.UTC(2026, 10, 27, 10, 0);
  const builder = createResultsBuilder({
    version: '0.1.0',
    target: { kind: 'model', transport: 'virtual' },
    clock: { ...createManualClock(), wallMs: () => (t += 61_000) },
  });
  for (const f of ['model-memory-commands.txt', 'model-chaos-verbose.txt', 'model-compare-paired.txt', 'model-cancel.txt']) {
    builder.consumeAll(fixtureEvents(f));
  }
  return builder.document();
}
