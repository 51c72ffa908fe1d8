import { describe, expect, test } from '@jest/globals';
import type { FlagSpec } from '../../../kernel/index.js';
import { COMMON_FLAGS, DURATION_FLAG, percentFlag } from '../../../kernel/stress/common-flags.js';
import { flagKey, parseFlags } from '../../../kernel/stress/flags.js';

const FLAGS: readonly FlagSpec[] = [
  DURATION_FLAG,
  percentFlag('--fail-rate', 'injected failures', 0, ['--failure-rate']),
  { name: '--expect-failures', kind: 'bool', help: 'pass at >= 50% success' },
  ...COMMON_FLAGS,
];

const parse = (line: string) => parseFlags(FLAGS, line.split(' ').filter(Boolean), 'stresstest chaos');

describe('stress-test flag validation', () => {
  test('defaults are filled in', () => {
    expect(parse('')).toEqual({
      ok: true,
      config: { duration: 10000, failRate: 0, expectFailures: false, quiet: false, verbose: false },
      positionals: [],
    });
  });

  test('values, aliases, --flag=value, last occurrence wins', () => {
    const result = parse('--duration 5000 --failure-rate 20 --expect-failures --duration=7000 --summary --seed 18446744073709551615');
    expect(result).toEqual({
      ok: true,
      config: {
        duration: 7000,
        failRate: 20,
        expectFailures: true,
        quiet: true,
        verbose: false,
        seed: 18446744073709551615n,
      },
      positionals: [],
    });
  });

  test.each([
    ['--duration 0', "[ERROR] --duration: invalid value '0' (expected an integer 1..3600000 ms)"],
    ['--duration 3600001', "[ERROR] --duration: invalid value '3600001' (expected an integer 1..3600000 ms)"],
    ['--duration abc', "[ERROR] --duration: invalid value 'abc' (expected an integer 1..3600000 ms)"],
    ['--duration -5', "[ERROR] --duration: invalid value '-5' (expected an integer 1..3600000 ms)"],
    ['--duration', "[ERROR] --duration: missing value (expected an integer 1..3600000 ms)"],
    ['--fail-rate 101', "[ERROR] --fail-rate: invalid value '101' (expected an integer 0..100 %)"],
    ['--failure-rate 1.5', "[ERROR] --fail-rate: invalid value '1.5' (expected an integer 0..100 %)"],
    ['--seed 18446744073709551616', "[ERROR] --seed: invalid value '18446744073709551616' (expected an integer 0..18446744073709551615)"],
    ['--durtion 5', "[ERROR] unknown flag '--durtion' for 'stresstest chaos' (did you mean --duration?)"],
    ['--frobnicate', "[ERROR] unknown flag '--frobnicate' for 'stresstest chaos'"],
    ['--quiet=yes', "[ERROR] --quiet: takes no value (got 'yes')"],
  ])('%s', (line, error) => {
    expect(parse(line)).toEqual({ ok: false, error });
  });

  test('non-flag tokens are positionals', () => {
    expect(parse('memory --duration 5')).toMatchObject({ ok: true, positionals: ['memory'] });
  });

  test('flag keys are camel case', () => {
    expect(flagKey('--target-pressure')).toBe('targetPressure');
    expect(flagKey('--oom-probability')).toBe('oomProbability');
  });
});
