import { afterEach, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { planCommand } from '../../scripts/soak/commands.js';
import { InvariantChecker } from '../../scripts/soak/invariants.js';
import { SoakRandom } from '../../scripts/soak/random.js';
import { createOutputParser, type ParserEvent } from '../../shell/parser/index.js';
import { ROOT } from '../helpers/cli.js';
import { killAll, startServe } from '../e2e/transports-helpers.js';
import { bootKernel, latin1 } from './kernel-drive.js';

afterEach(() => killAll());

/** `npm run soak -- ARGS`, collected. */
function soak(args: readonly string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', './scripts/ts-node-register.mjs', 'scripts/soak.ts', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const SUMMARY = /^commands: (\d+) \((\d+) interrupted with Ctrl-C\)$[^]*^RSS: start [\d.]+ MB, peak [\d.]+ MB, end [\d.]+ MB; slope [+-][\d.]+ MB\/min \(second half [+-][\d.]+ MB\/min\), \d+ samples$\ninvariants: all held\n$/m;

const metric = (name: string, value: number): ParserEvent => ({ type: 'metric', name, value, raw: String(value) });

describe('the soak', () => {
  test('150 planned commands run on the kernel directly (Ctrl-C at seeded times): every invariant holds', () => {
    const random = new SoakRandom(17);
    const kernel = bootKernel({ seed: 17n });
    const parser = createOutputParser();
    const checker = new InvariantChecker();
    const kinds = new Set<string>();
    for (let i = 1; i <= 150; i++) {
      const planned = planCommand(random);
      kinds.add(planned.kind);
      checker.begin(i, planned.line);
      kernel.receive(latin1(`${planned.line}\r`));
      const interrupt = kernel.busy && random.chance(0.3);
      if (interrupt) {
        kernel.advance(kernel.nowUs + random.int(0, planned.virtualMs * 1000), true);
        kernel.receive(Uint8Array.of(0x03));
      }
      while (kernel.busy) kernel.advance(kernel.nowUs + 100_000, true);
      const events = parser.push(kernel.takeOutput());
      for (const event of events) checker.onEvent(event);
      checker.onOutcome(planned, { events, returned: events.some((e) => e.type === 'prompt'), interrupted: interrupt, wallMs: 0 });
    }
    expect(checker.kept).toEqual([]);
    expect(kinds.size).toBeGreaterThanOrEqual(12);
  });

  test('the checker reports what breaks an invariant', () => {
    const checker = new InvariantChecker();
    checker.begin(1, 'stresstest chaos');
    const start: ParserEvent = { type: 'test-start', testType: 'chaos', title: 't', format: 'V2', header: {}, config: { extra: {} } };
    for (const event of [start, metric('stress_progress_pct', 40), metric('stress_pressure_pct', 101), metric('stress_events', 5)]) {
      checker.onEvent(event);
    }
    for (const event of [metric('stress_successes', 3), metric('stress_failures', 1), metric('stress_progress_pct', 60), metric('stress_events', 4)]) {
      checker.onEvent(event);
    }
    expect(checker.kept).toEqual([
      "#1 'stresstest chaos': METRIC stress_pressure_pct=101 is above 100",
      "#1 'stresstest chaos': METRIC successes 3 + failures 1 != events 5",
      "#1 'stresstest chaos': METRIC stress_events went down: 5 -> 4",
    ]);
    const noPrompt = { events: [], returned: false, interrupted: false, wallMs: 12_000 };
    checker.onOutcome({ line: 'help', kind: 'help', expect: 'reply', virtualMs: 0 }, noPrompt);
    expect(checker.kept[3]).toBe("#1 'stresstest chaos': no prompt within the timeout (12000 ms)");
  });

  test('npm run soak -- --minutes 0.05 on the model, and on a sis serve over tcp: a summary, every invariant held, exit 0', async () => {
    const { addresses } = await startServe(['--listen', 'tcp:127.0.0.1:0', '--speed', 'max', '--seed', '4']);
    const [model, served] = await Promise.all([
      soak(['--minutes', '0.05', '--seed', '3', '--rss-every', '0.5']),
      soak(['--minutes', '0.05', '--seed', '4', '--target', addresses[0]!]),
    ]);
    for (const run of [model, served]) {
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(SUMMARY);
      expect(run.status).toBe(0);
      // Three wall-clock seconds of commands: about 40 on an idle machine, fewer when it is loaded.
      expect(Number(SUMMARY.exec(run.stdout)![1])).toBeGreaterThan(5);
    }
    expect(model.stdout).toMatch(/^sis soak: [\d.]+ min against virtual \(seed 3\)$/m);
    expect(served.stdout).toContain(`against ${addresses[0]} (seed 4)`);
    // Two ts-node start-ups (each compiles the scripts it loads) take most of this; with the machine
    // loaded (scripts/load.mjs) they took over 45 s together.
  }, 120_000);
});
