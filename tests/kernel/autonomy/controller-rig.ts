import type { KernelOptions } from '../../../kernel/index.js';
import { bootedKernel } from '../../helpers/kernel-rig.js';

/** A booted kernel: boot attaches the autonomy controller to the kernel's clock and console. */
export function kernelWithController(options: KernelOptions = {}): ReturnType<typeof bootedKernel> {
  return bootedKernel(options);
}
