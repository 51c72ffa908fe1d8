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

/** A profile given by name or as data; undefined is the default. Throws RangeError for an unknown name. */
export function resolveProfile(profile: string | KernelProfile | undefined): KernelProfile {
  if (profile === undefined) return DEFAULT_PROFILE;
  if (typeof profile !== 'string') return profile;
  const found = findProfile(profile);
  if (!found) throw new RangeError(`unknown profile '${profile}' (expected ${PROFILE_NAMES.join(' or ')})`);
  return found;
}
