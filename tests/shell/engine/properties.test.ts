import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { Conversation, createPromptPattern, timingFor, type EngineEvent } from '../../../shell/engine/index.js';

const SETTLE = timingFor().settleMs;
const BOOT = '=== SIS Kernel Shell ===\r\nsis> ';
const ANSWERS: Record<string, string> = {
  help: 'Commands:\r\n  help\r\n  stresstest\r\n',
  'autoctl status': '=== Autonomous Control Status ===\r\n  Enabled: no\r\n',
  'stresstest memory --duration 10': '=== Memory Stress Test ===\r\n[STRESS TEST] Memory test complete\r\n  Peak pressure: 91%\r\n',
  bogus: 'Unknown command: bogus\r\n',
};
const SCRIPT = Object.keys(ANSWERS);
const reply = (line: string): string => `${line}\r\n${ANSWERS[line]}sis> `;

interface Run {
  events: string[];
  attributed: Map<number | null, string>;
}

/** Plays the script against a far end that answers each line, cutting every answer at `cuts` and spacing the pieces by `gaps` ms (< the settle time). */
function play(cuts: readonly number[], gaps: readonly number[]): Run {
  const pattern = createPromptPattern();
  if (!pattern.ok) throw new Error(pattern.message);
  const outbox: string[] = [];
  const events: EngineEvent[] = [];
  let now = 0;
  const engine = new Conversation({
    prompt: pattern.pattern,
    timing: timingFor(),
    unknownPrompt: 'hold',
    send: (bytes) => {
      const text = Buffer.from(bytes).toString('latin1');
      if (text.endsWith('\r') && text.length > 1) outbox.push(reply(text.slice(0, -1)));
    },
    emit: (event) => events.push(event),
  });
  engine.linkChanged(true, now);
  for (const line of SCRIPT) engine.submit(line, now);
  let gapIndex = 0;
  const deliver = (text: string, whole = false): void => {
    let start = 0;
    for (const cut of [...(whole ? [] : cuts.filter((c) => c < text.length)), text.length]) {
      if (cut <= start) continue;
      engine.receive(new Uint8Array(Buffer.from(text.slice(start, cut), 'latin1')), now);
      start = cut;
      now += gaps[gapIndex++ % Math.max(1, gaps.length)] ?? 0;
      for (let d = engine.nextDeadline(); d !== null && d <= now; d = engine.nextDeadline()) engine.tick(Math.max(d, 0));
    }
    now += SETTLE;
    engine.tick(now);
  };
  // The boot arrives at once: a wake Enter depends on when the first prompt comes, not on its cuts.
  deliver(BOOT, true);
  for (let next = outbox.shift(); next !== undefined; next = outbox.shift()) deliver(next);
  const attributed = new Map<number | null, string>();
  for (const e of events) {
    if (e.type === 'received') attributed.set(e.command, (attributed.get(e.command) ?? '') + Buffer.from(e.chunk).toString('latin1'));
  }
  return { events: events.filter((e) => e.type !== 'received').map((e) => JSON.stringify(e)), attributed };
}

const cutsArb = fc.uniqueArray(fc.integer({ min: 1, max: 120 }), { maxLength: 30 }).map((c) => [...c].sort((a, b) => a - b));
const gapsArb = fc.array(fc.integer({ min: 0, max: SETTLE - 1 }), { maxLength: 10 });

describe('conversation properties', () => {
  const whole = play([], []);

  test('the script runs to the end: every line sent, answered and finished in order', () => {
    const finished = whole.events.filter((e) => e.includes('"command-finished"'));
    expect(finished).toHaveLength(SCRIPT.length);
    SCRIPT.forEach((line, i) => expect(JSON.parse(finished[i]!).command).toEqual({ id: i + 1, line }));
  });

  test('split invariance: any chunking and spacing within the settle time gives the same events', () => {
    fc.assert(
      fc.property(cutsArb, gapsArb, (cuts, gaps) => {
        expect(play(cuts, gaps).events).toEqual(whole.events);
      }),
      { numRuns: 200 },
    );
  });

  test('no output is ever attributed to the wrong command', () => {
    fc.assert(
      fc.property(cutsArb, gapsArb, (cuts, gaps) => {
        const { attributed } = play(cuts, gaps);
        expect(attributed.get(null)).toBe(BOOT);
        SCRIPT.forEach((line, i) => expect(attributed.get(i + 1)).toBe(reply(line)));
      }),
      { numRuns: 200 },
    );
  });
});
