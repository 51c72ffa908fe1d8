import { Kernel, type KernelOptions } from '../../kernel/index.js';

const decoder = new TextDecoder('latin1');

export interface RigOptions extends KernelOptions {
  /**
   * Virtual µs to idle after boot before the first command, output discarded: past the autonomy
   * controller's first ticks, which print [TIMER]/[AUTONOMY] lines as the real kernel does.
   */
  settleUs?: number;
}

/** A booted kernel whose output is read as text; boot output is discarded. */
export function bootedKernel(options: RigOptions = {}): {
  kernel: Kernel;
  send: (input: string | Uint8Array) => string;
  run: (input: string, untilIdleMaxUs?: number) => string;
} {
  const kernel = new Kernel(options);
  kernel.boot();
  if (options.settleUs) kernel.advance(kernel.nowUs + options.settleUs);
  kernel.takeOutput();
  const read = (): string => decoder.decode(kernel.takeOutput());
  const send = (input: string | Uint8Array): string => {
    kernel.receive(typeof input === 'string' ? Buffer.from(input, 'latin1') : input);
    return read();
  };
  /** Sends input, then runs virtual time until the kernel is idle (bounded). */
  const run = (input: string, untilIdleMaxUs = 3_600_000_000): string => {
    let out = send(input);
    const limit = kernel.nowUs + untilIdleMaxUs;
    while (kernel.busy && kernel.nowUs < limit) {
      kernel.advance(kernel.nowUs + 100_000);
      out += read();
    }
    return out;
  };
  return { kernel, send, run };
}
