import { QEMU_PROFILE } from './qemu.js';
import { REPORT_PROFILE } from './report.js';
import type { KernelProfile } from './types.js';

export type { AllocCostProfile, BufferProfile, ChaosProfile, ControllerProfile, KernelProfile, MemoryProfile, RecoveryWorkProfile } from './types.js';
export { QEMU_PROFILE, REPORT_PROFILE };

/** Every profile, the default first. */
export const PROFILES: readonly KernelProfile[] = [REPORT_PROFILE, QEMU_PROFILE];
export const PROFILE_NAMES: readonly string[] = PROFILES.map((p) => p.name);
export const DEFAULT_PROFILE = REPORT_PROFILE;

/** The profile called `name`, or undefined. */
export function findProfile(name: string): KernelProfile | undefined {
  return PROFILES.find((p) => p.name === name);
}
