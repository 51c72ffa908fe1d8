import { describe, expect, test } from '@jest/globals';
import { parseCliArgs } from '../../../shell/cli/console-args.js';
import { parseServeArgs } from '../../../shell/cli/serve-args.js';
import { createModelTarget } from '../../../shell/connect/model-target.js';

describe('--profile NAME', () => {
  test('the console and plain mode pass it to the embedded model', () => {
    const parsed = parseCliArgs(['--profile', 'qemu', '--seed', '3']);
    expect(parsed.ok && parsed.options.connect.target).toEqual({ kind: 'model', seed: 3n, profile: 'qemu' });
  });

  test('an unknown profile and a profile for a board are one error line each', () => {
    const unknown = parseCliArgs(['--profile', 'fast']);
    expect(!unknown.ok && unknown.message).toMatch(/--profile.*fast.*report or qemu/);
    const board = parseCliArgs(['--profile', 'qemu', 'tcp:127.0.0.1:4444']);
    expect(!board.ok && board.message).toBe('--profile applies only to the embedded kernel model, not to tcp:127.0.0.1:4444');
  });

  test('sis serve takes it too', () => {
    const parsed = parseServeArgs(['--listen', 'tcp:127.0.0.1:0', '--profile', 'qemu']);
    expect(parsed.ok && parsed.options.profile).toBe('qemu');
    expect(parseServeArgs(['--listen', 'tcp:127.0.0.1:0', '--profile', 'x']).ok).toBe(false);
  });

  test('the model target boots the kernel with that profile: its tests name it in the Seed line', async () => {
    const chunks: Uint8Array[] = [];
    const target = createModelTarget({ seed: 1n, profile: 'qemu' });
    target.port.onData((bytes) => chunks.push(bytes));
    await target.port.open();
    await target.port.write(new TextEncoder().encode('stresstest multi --duration 20 --seed 2\r'));
    const text = () => Buffer.concat(chunks).toString('latin1');
    for (let i = 0; i < 200 && !text().includes('Multi-subsystem complete'); i++) await new Promise((r) => setImmediate(r));
    await target.port.close();
    expect(text()).toContain('\nSeed: 2 (profile qemu)\n');
  });
});
