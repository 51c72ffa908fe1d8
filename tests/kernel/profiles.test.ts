import { describe, expect, test } from '@jest/globals';
import { Kernel } from '../../kernel/index.js';
import { DEFAULT_PROFILE, PROFILE_NAMES, QEMU_PROFILE, REPORT_PROFILE, resolveProfile } from '../../kernel/profiles/index.js';

describe('calibration profiles', () => {
  test('report is the default; profiles resolve by name or as data; an unknown name is a RangeError', () => {
    expect(PROFILE_NAMES).toEqual(['report', 'qemu']);
    expect(DEFAULT_PROFILE).toBe(REPORT_PROFILE);
    expect(resolveProfile(undefined)).toBe(REPORT_PROFILE);
    expect(resolveProfile('qemu')).toBe(QEMU_PROFILE);
    expect(resolveProfile(QEMU_PROFILE)).toBe(QEMU_PROFILE);
    expect(() => new Kernel({ profile: 'fast' })).toThrow(new RangeError("unknown profile 'fast' (expected report or qemu)"));
  });

  test('the kernel runs with the profile it was given', () => {
    expect(new Kernel().view.profile).toBe(REPORT_PROFILE);
    expect(new Kernel({ profile: 'qemu' }).view.profile).toBe(QEMU_PROFILE);
  });

  test('every cost and rate is a finite non-negative number, and recovery shares add up to 100 %', () => {
    for (const p of [REPORT_PROFILE, QEMU_PROFILE]) {
      const numbers: number[] = [];
      JSON.stringify(p, (_key, value: unknown) => {
        if (typeof value === 'number') numbers.push(value);
        return value;
      });
      expect(numbers.length).toBeGreaterThan(15);
      expect(numbers.every((n) => Number.isFinite(n) && n >= 0)).toBe(true);
      if (p.chaos.recovery) expect(p.chaos.recovery.sizes.reduce((a, s) => a + s.pct, 0)).toBe(100);
      expect(p.memory.buffers.minKiB).toBeLessThanOrEqual(p.memory.buffers.maxKiB);
    }
  });
});
