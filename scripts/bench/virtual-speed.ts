import { Kernel } from '../../kernel/index.js';

export interface VirtualSpeed {
  readonly virtualMs: number;
  readonly wallMs: number;
  /** Simulated ms per wall ms. */
  readonly ratio: number;
}

/** Runs one command on a fresh kernel at full speed, output taken and dropped as the host would. */
export function measureVirtualSpeed(command: string): VirtualSpeed {
  const kernel = new Kernel({ seed: 1n });
  kernel.boot();
  kernel.takeOutput();
  kernel.receive(new TextEncoder().encode(`${command}\r`));
  const virtualStart = kernel.nowUs;
  const wallStart = performance.now();
  while (kernel.busy) {
    kernel.advance(kernel.nowUs + 50_000);
    kernel.takeOutput();
  }
  const wallMs = performance.now() - wallStart;
  const virtualMs = (kernel.nowUs - virtualStart) / 1000;
  return { virtualMs, wallMs, ratio: virtualMs / wallMs };
}
