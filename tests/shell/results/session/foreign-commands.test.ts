import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { createHistoryRecorder, readHistory } from '../../../../shell/results/history/index.js';
import { createSessionResults } from '../../../../shell/results/session/index.js';
import { harness } from '../../engine/harness.js';
import { readFixtureText, splitAtPrompts, tempDir } from './session-helpers.js';

const TARGET = { kind: 'board' as const, transport: 'tcp:127.0.0.1:4444' };

/**
 * The console and the conversation engine on a line shared with another client (`sis serve
 * --max-clients 2`): the other client's commands arrive as echoes this session never sent.
 */
function sharedLine() {
  const history = join(tempDir(), 'history.jsonl');
  const results = createSessionResults({
    version: '1.2.3',
    target: TARGET,
    history: createHistoryRecorder({ path: history, source: 'console' }),
  });
  const h = harness({
    beforeSend: (line) => {
      const checked = results.submitLine(line);
      return checked.ok ? { send: checked.send } : { refused: checked.message };
    },
  });
  const forward = (from: number): number => {
    for (const event of h.events.slice(from)) results.engineEvent(event);
    return h.events.length;
  };
  h.engine.linkChanged(true, h.now());
  let seen = 0;
  const recorded = async (): Promise<string[]> => {
    seen = forward(seen);
    const read = await readHistory(history);
    if (!read.ok) return [];
    return read.entries.map((e) => (e.kind === 'run' ? `${e.run.verdict} ${e.run.command}` : `compare ${e.compare.command}`));
  };
  return { h, results, recorded, settle: () => h.advance(2000) };
}

describe('a command typed by another client on a shared line', () => {
  const pieces = splitAtPrompts(readFixtureText('model-memory-commands'));
  const memory = 'stresstest memory --duration 2000 --oom-probability 2 --seed 42';
  const commands = 'stresstest commands --duration 1000 --rate 20';

  test('is recorded with its command when its prompt returns, before this session sends anything', async () => {
    const { h, results, recorded, settle } = sharedLine();
    h.rx(pieces[0]!);
    settle();
    // The other client's echo, output and the prompt after it: nothing of it was sent from here.
    h.rx(pieces[1]!);
    settle();
    expect(h.sent()).toBe('');
    expect(h.ofType('command-sent')).toEqual([]);
    expect(await recorded()).toEqual([`PASS ${memory}`]);

    // A command of our own afterwards is recorded as before, once.
    h.engine.submit(commands, h.now());
    h.rx(pieces[2]!);
    settle();
    expect(await recorded()).toEqual([`PASS ${memory}`, `PASS ${commands}`]);
    const { document } = await results.finish();
    expect(document.runs.map((r) => [r.type, r.command])).toEqual([['memory', memory], ['commands', commands]]);
    expect(await recorded()).toEqual([`PASS ${memory}`, `PASS ${commands}`]);
  });

  test("its run does not end up in this session's own command, nor ours in its", async () => {
    const { h, results, recorded, settle } = sharedLine();
    h.rx(pieces[0]!);
    settle();
    h.engine.submit(memory, h.now());
    expect(h.sent()).toBe(`${memory}\r`);
    h.rx(pieces[1]!);
    settle();
    expect(h.ofType('command-finished')).toHaveLength(1);
    // Now the other client runs the second command.
    h.rx(pieces[2]!);
    settle();
    expect(h.ofType('command-sent')).toHaveLength(1);
    expect(await recorded()).toEqual([`PASS ${memory}`, `PASS ${commands}`]);
    const { document } = await results.finish();
    expect(document.runs.map((r) => r.command)).toEqual([memory, commands]);
  });
});
