import { Kernel } from '../../kernel/index.js';

export interface VirtualSpeed {
  readonly virtualMs: number;
  readonly wallMs: number;
  /** Simulated ms per wall ms. */
  readonly ratio: number;
}

/** The parts of a kernel class the measurement uses: another checkout's `Kernel` will do. */
export type KernelClass = new (options: { seed: bigint }) => {
  boot(): void;
  takeOutput(): Uint8Array;
  receive(bytes: Uint8Array): void;
  advance(targetUs: number): void;
  readonly busy: boolean;
  readonly nowUs: number;
};

/** Runs one command on a fresh kernel at full speed, output taken and dropped as the host would. */
export function measureVirtualSpeed(command: string, KernelOf: KernelClass = Kernel): VirtualSpeed {
  const kernel = new KernelOf({ seed: 1n });
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
