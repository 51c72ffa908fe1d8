import { Kernel } from '../kernel/index.js';
import { createVirtualPair, type BytePort } from '../uart/index.js';
import { startKernelHost, type KernelHost, type Speed } from './kernel-host.js';

export interface ModelTargetOptions {
  /** Kernel-wide seed; default a random one, so unseeded sessions differ like real boots. */
  seed?: bigint;
  speed?: Speed;
}

export interface ModelTarget {
  readonly port: BytePort;
  readonly seed: bigint;
}

/** The embedded default: the kernel model served on a virtual serial pair. */
export function createModelTarget(options: ModelTargetOptions = {}): ModelTarget {
  const seed = options.seed ?? BigInt(Math.floor(Math.random() * 2 ** 48));
  const kernel = new Kernel({ seed });
  let host: KernelHost | undefined;
  const pair = createVirtualPair({ onHostWrite: (bytes) => host?.receive(bytes) });
  const port: BytePort = {
    ...pair.port,
    description: 'virtual',
    async open() {
      await pair.port.open();
      host = startKernelHost({
        kernel,
        speed: options.speed ?? 'max',
        emit: (bytes) => pair.device.emit(bytes),
        drained: () => pair.device.flushed(),
      });
    },
    async close() {
      host?.stop();
      await pair.port.close();
    },
  };
  return { port, seed };
}
