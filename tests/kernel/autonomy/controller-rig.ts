import type { KernelOptions } from '../../../kernel/index.js';
import { bootedKernel } from '../../helpers/kernel-rig.js';

/**
 * A booted kernel whose autonomy controller is attached to its clock and console at the end of
 * boot, where the kernel attaches it (attaching again is a no-op).
 */
export function kernelWithController(options: KernelOptions = {}): ReturnType<typeof bootedKernel> {
  const rig = bootedKernel(options);
  const { kernel } = rig;
  kernel.state.controller.attach({ clock: kernel.clock, print: (text) => kernel.print(text) });
  return rig;
}
