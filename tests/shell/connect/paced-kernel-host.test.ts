import { describe, expect, test } from '@jest/globals';
import { Kernel } from '../../../kernel/index.js';
import { bytesPerSecond, createManualClock, type FrameSettings } from '../../../uart/index.js';
import { startKernelHost } from '../../../shell/connect/kernel-host.js';
import { waitFor } from '../../helpers/wait.js';

/**
 * A kernel whose autonomy starts disabled: its controller then prints no tick lines, which would
 * otherwise land in the paced runs (virtual time passes while the line drains) and not in unpaced ones.
 */
function quiet<K extends Kernel>(kernel: K): K {
  kernel.setAutonomy(false);
  return kernel;
}

/** Records when (virtual µs) the kernel receives bytes. */
class ProbeKernel extends Kernel {
  readonly received: Array<{ atUs: number; bytes: number }> = [];
  override receive(bytes: Uint8Array): void {
    this.received.push({ atUs: this.nowUs, bytes: bytes.length });
    super.receive(bytes);
  }
}

interface Emission {
  atUs: number;
  bytes: number;
}

/** Bytes per virtual second over a stream of timed chunks, from the end of the first chunk to the end of the last. */
function rate(events: readonly Emission[]): number {
  const first = events[0]!;
  const last = events[events.length - 1]!;
  const bytes = events.slice(1).reduce((sum, e) => sum + e.bytes, 0);
  return bytes / ((last.atUs - first.atUs) / 1e6);
}

/** Twenty 200-character unknown commands: ~9 KB of output for 4 KB of input. */
const FLOOD = Buffer.from(Array.from({ length: 20 }, (_, i) => `${String(i).padStart(3, '0')}${'x'.repeat(197)}\r`).join(''), 'latin1');

async function runMax(line: FrameSettings): Promise<{ kernel: ProbeKernel; emitted: Emission[]; text: () => string }> {
  const kernel = quiet(new ProbeKernel({ seed: 3 }));
  const emitted: Emission[] = [];
  let text = '';
  const host = startKernelHost({
    kernel,
    speed: 'max',
    line,
    emit: (bytes) => {
      emitted.push({ atUs: kernel.nowUs, bytes: bytes.length });
      text += Buffer.from(bytes).toString('latin1');
    },
  });
  expect(await waitFor(() => text.endsWith('sis> '), 20_000)).toBe(true);
  expect(host.pendingBytes).toBe(0);
  emitted.length = 0;
  kernel.received.length = 0;
  host.receive(FLOOD);
  expect(await waitFor(() => (text.match(/Unknown command/g) ?? []).length === 20 && text.endsWith('sis> '), 20_000)).toBe(true);
  host.stop();
  return { kernel, emitted, text: () => text };
}

describe('the kernel host paces its UART on virtual time (max mode)', () => {
  const lines: Array<{ name: string; line: FrameSettings; expected: number }> = [
    { name: '115200 8N1', line: { baud: 115200 }, expected: 11_520 },
    { name: '9600 8N1', line: { baud: 9600 }, expected: 960 },
    { name: '9600 8E2', line: { baud: 9600, dataBits: 8, parity: 'even', stopBits: 2 }, expected: 800 },
  ];

  for (const { name, line, expected } of lines) {
    test(`${name}: output and input both move ${expected} B/s within 2 %`, async () => {
      expect(bytesPerSecond(line)).toBe(expected);
      const { kernel, emitted } = await runMax(line);
      const outBytes = emitted.reduce((sum, e) => sum + e.bytes, 0);
      expect(outBytes).toBeGreaterThan(9000);
      expect(Math.abs(rate(emitted) - expected) / expected).toBeLessThan(0.02);
      const input = kernel.received;
      expect(input.reduce((sum, e) => sum + e.bytes, 0)).toBe(FLOOD.length);
      const span = (input[input.length - 1]!.atUs - input[0]!.atUs) / 1e6;
      const inputRate = (FLOOD.length - input[0]!.bytes) / span;
      expect(Math.abs(inputRate - expected) / expected).toBeLessThan(0.02);
    });
  }

  test('the transcript is the unpaced one, byte for byte', async () => {
    const paced = await runMax({ baud: 115200 });
    const unpaced = quiet(new Kernel({ seed: 3 }));
    unpaced.boot();
    unpaced.takeOutput();
    unpaced.receive(FLOOD);
    const expected = Buffer.from(unpaced.takeOutput()).toString('latin1');
    expect(paced.text()).toContain(expected);
    expect(paced.text().endsWith(expected)).toBe(true);
  });

  test('virtual time moves while output is pending with the kernel idle, then stops', async () => {
    const kernel = quiet(new Kernel({ seed: 3 }));
    let bytes = 0;
    const host = startKernelHost({ kernel, speed: 'max', line: { baud: 9600 }, emit: (b) => (bytes += b.length) });
    const startUs = kernel.nowUs;
    const waiting = host.pendingBytes;
    expect(kernel.busy).toBe(false);
    expect(waiting).toBeGreaterThan(300);
    expect(await waitFor(() => host.pendingBytes === 0, 10_000)).toBe(true);
    expect(bytes).toBe(397);
    const elapsedUs = kernel.nowUs - startUs;
    expect(Math.abs(elapsedUs - (waiting / 960) * 1e6)).toBeLessThan(11_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(kernel.nowUs - startUs).toBe(elapsedUs);
    host.stop();
  });
});

describe('the kernel host paces on virtual time that follows a manual clock', () => {
  test('realtime at 9600 8N1: 240 bytes of the 397-byte banner after 250 ms, all of it by 500 ms', () => {
    const kernel = quiet(new Kernel({ seed: 3 }));
    const clock = createManualClock({ startMs: 1000 });
    let bytes = 0;
    const host = startKernelHost({
      kernel,
      speed: 'realtime',
      line: { baud: 9600 },
      clock,
      emit: (b) => (bytes += b.length),
    });
    expect(bytes).toBe(0);
    for (let i = 0; i < 25; i++) {
      clock.advance(10);
    }
    expect(bytes).toBeGreaterThanOrEqual(239);
    expect(bytes).toBeLessThanOrEqual(240);
    for (let i = 0; i < 14; i++) {
      clock.advance(10);
    }
    expect(bytes).toBeGreaterThanOrEqual(374);
    expect(bytes).toBeLessThanOrEqual(375);
    for (let i = 0; i < 11; i++) {
      clock.advance(10);
    }
    expect(bytes).toBe(397);
    expect(host.pendingBytes).toBe(0);
    host.stop();
  });

  test('a factor of 10 moves ten times the bytes per wall second', () => {
    const kernel = quiet(new Kernel({ seed: 3 }));
    const clock = createManualClock();
    let bytes = 0;
    const host = startKernelHost({
      kernel,
      speed: 10,
      line: { baud: 9600 },
      clock,
      emit: (b) => (bytes += b.length),
    });
    // Ticks every 10 wall ms: 30 wall ms are 300 virtual ms, 288 bytes at 960 B/s.
    clock.advance(30);
    expect(bytes).toBeGreaterThanOrEqual(287);
    expect(bytes).toBeLessThanOrEqual(288);
    host.stop();
    expect(clock.pending()).toBe(0);
  });
});
