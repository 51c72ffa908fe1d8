import { Kernel } from '../../kernel/index.js';
import { Conversation, createPromptPattern, timingFor } from '../../shell/engine/index.js';
import { createSessionResults } from '../../shell/results/session/index.js';

/*
 * One fresh process, so both halves run cold as in `sis`: the kernel runs a 60 s test with METRIC
 * on, its output kept per 500 ms slice (the chunks the host gets at --speed max); then that output
 * goes through the conversation engine, its parser and the results collector. Prints wall ms of each.
 */
const type = process.argv[2] ?? 'memory';
const encoder = new TextEncoder();
const kernel = new Kernel({ seed: 1n });
kernel.boot();
kernel.takeOutput();
const run = (line: string): void => {
  kernel.receive(encoder.encode(`${line}\r`));
  while (kernel.busy) kernel.advance(kernel.nowUs + 500_000, true);
};
run('metricsctl on');
kernel.takeOutput();
const chunks: Uint8Array[] = [];
kernel.receive(encoder.encode(`stresstest ${type} --duration 60000 --seed 1\r`));
const kernelStart = performance.now();
while (kernel.busy) {
  kernel.advance(kernel.nowUs + 500_000, true);
  chunks.push(kernel.takeOutput());
}
const kernelMs = performance.now() - kernelStart;

const prompt = createPromptPattern();
if (!prompt.ok) throw new Error(prompt.message);
const results = createSessionResults({ version: 'bench', target: { kind: 'model', transport: 'virtual' } });
const conversation = new Conversation({
  prompt: prompt.pattern,
  timing: timingFor(),
  send: () => undefined,
  emit: (event) => results.engineEvent(event),
  unknownPrompt: 'quiet',
  encoding: 'bytes',
});
conversation.linkChanged(true, 0);
const hostStart = performance.now();
chunks.forEach((chunk, i) => conversation.receive(chunk, i));
const hostMs = performance.now() - hostStart;
const lines = chunks.reduce((n, c) => n + c.filter((b) => b === 0x0a).length, 0);
process.stdout.write(JSON.stringify({ kernelMs, hostMs, lines }));
