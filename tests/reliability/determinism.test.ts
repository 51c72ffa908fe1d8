import { describe, expect, test } from '@jest/globals';
import { Readable, Writable } from 'node:stream';
import { Kernel } from '../../kernel/index.js';
import { createModelTarget } from '../../shell/connect/model-target.js';
import { runPlainMode } from '../../shell/plain/plain-mode.js';
import { runCli } from '../helpers/cli.js';

/** Seeded tests, an unseeded one (seeded from the kernel's µs clock), compare, status and report. */
const SCRIPT = [
  'stresstest memory --duration 500 --seed 3',
  'stresstest chaos --duration 500 --seed 3 --fail-rate 20 --verbose',
  'stresstest compare memory --duration 300 --seed 2',
  'stresstest commands --duration 200',
  'autoctl status',
  'stresstest report --all',
];
const KERNEL_SEED = 3n;
const RUNS = 100;

/** The kernel driven directly as the host does in max mode: each line once the previous one finished. */
function directTranscript(): string {
  const kernel = new Kernel({ seed: KERNEL_SEED });
  kernel.boot();
  let out = Buffer.from(kernel.takeOutput()).toString('latin1');
  for (const line of SCRIPT) {
    kernel.receive(Buffer.from(`${line}\r`, 'latin1'));
    while (kernel.busy) kernel.advance(kernel.nowUs + 100_000, true);
    out += Buffer.from(kernel.takeOutput()).toString('latin1');
  }
  return out;
}

/** The same script through the virtual UART and the console's plain mode, in process. */
async function uartTranscript(): Promise<string> {
  const { port } = createModelTarget({ seed: KERNEL_SEED, speed: 'max' });
  const chunks: Buffer[] = [];
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const status = await runPlainMode({ port, input: Readable.from([`${SCRIPT.join('\n')}\n`]), output });
  expect(status).toBe(0);
  return Buffer.concat(chunks).toString('latin1');
}

describe('a seeded script gives one transcript', () => {
  const reference = directTranscript();

  test('the reference transcript holds every result the script asks for', () => {
    for (const mark of [
      '[STRESS TEST] Memory test complete',
      '[STRESS TEST] Chaos engineering complete',
      '=== Comparative Results ===',
      '[STRESS TEST] Command flood complete',
      '=== Autonomous Control Status ===',
      '=== Stress Test History (all entries) ===',
    ]) {
      expect(reference).toContain(mark);
    }
    expect(reference.endsWith('sis> ')).toBe(true);
  });

  test(`${RUNS} runs on the kernel: byte-identical`, () => {
    const distinct = new Set<string>();
    for (let i = 0; i < RUNS; i++) distinct.add(directTranscript());
    expect([...distinct]).toEqual([reference]);
  });

  test('through the virtual UART and plain mode, three times: the same bytes as the kernel alone', async () => {
    for (let i = 0; i < 3; i++) expect(await uartTranscript()).toBe(reference);
  });

  test('the built CLI with --seed, three runs at once: the same bytes again', async () => {
    const input = `${SCRIPT.join('\n')}\n`;
    const results = await Promise.all([0, 1, 2].map(() => runCli(['--seed', String(KERNEL_SEED)], input)));
    for (const result of results) {
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout.toString('latin1')).toBe(reference);
    }
  });
});
