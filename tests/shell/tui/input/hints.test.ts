import { describe, expect, test } from '@jest/globals';
import { DEFAULT_GRAMMAR } from '../../../../shell/tui/input/grammar.js';
import { lineHint } from '../../../../shell/tui/input/hints.js';
import { drive, GRAMMAR, K, makeInput } from './fixtures.js';

const HINTS: ReadonlyArray<readonly [string, string]> = [
  ['stresstest memory --duration 0', '--duration: 1..3600000 ms'],
  ['stresstest memory --duration 3600001 ', '--duration: 1..3600000 ms'],
  ['stresstest memory --duration=5s', '--duration: 1..3600000 ms'],
  ['stresstest memory --duration -5', '--duration: 1..3600000 ms'],
  ['stresstest memory --target-pressure 101', '--target-pressure: 0..100 %'],
  ['stresstest memory --seed 18446744073709551616', '--seed: 0..18446744073709551615'],
  ['stresstest memory --duration', '--duration: missing value (1..3600000 ms)'],
  ['stresstest memory --duration --quiet', '--duration: missing value (1..3600000 ms)'],
  ['stresstest memory --duration=', '--duration: missing value (1..3600000 ms)'],
  ['stresstest memory --quiet=1', '--quiet: takes no value'],
  ['stresstest memory --durration 5', "unknown flag '--durration' for 'stresstest memory' (did you mean --duration?)"],
  ['stresstest memory --failrate 5', "unknown flag '--failrate' for 'stresstest memory' (did you mean --fail-rate?)"],
  ['stresstest memory --zzz ', "unknown flag '--zzz' for 'stresstest memory'"],
  ['stresstest memory --runs 2', "unknown flag '--runs' for 'stresstest memory'"],
  ['stresstest memroy', "unknown subcommand 'memroy' for 'stresstest' (did you mean memory?)"],
  ['stresstest memor ', "unknown subcommand 'memor' for 'stresstest' (did you mean memory?)"],
  ['stresstest mem ', "unknown subcommand 'mem' for 'stresstest'"],
  ['metricsctl onn', "unknown subcommand 'onn' for 'metricsctl' (did you mean on?)"],
  ['autoctl xyz', "unknown subcommand 'xyz' for 'autoctl'"],
  ['stresstest compare memroy', "unknown value 'memroy' for 'stresstest compare' (did you mean memory?)"],
  ['stresstest compare zzz --runs 2', "unknown value 'zzz' for 'stresstest compare' (expected memory|commands|multi|chaos|learning)"],
  ['stresstest compare --runs 2', "'stresstest compare' expects <memory|commands|multi|chaos|learning> first"],
  ['stresstest compare memory --runs 0', '--runs: 1..100'],
  ['stresstest memory extra', "unexpected argument 'extra' for 'stresstest memory'"],
  ['stresstest memory --output-json', '--output-json: missing value (PATH)'],
  ['stresstest memory --output-json --quiet', '--output-json: missing value (PATH)'],
  ['stresstest memory --duration 0 --zzz', '--duration: 1..3600000 ms'],
];

const QUIET = [
  '',
  'help',
  'stresstest',
  'stresstest ',
  'stresstest mem',
  'stresstest memory',
  'stresstest memory --du',
  'stresstest memory --duration 5000',
  'stresstest memory --duration=5000 --quiet --seed 42',
  'stresstest memory --summary',
  'stresstest memory -',
  'stresstest memory --output-json out.json --duration 10',
  'stresstest compare --output-json r.json memory',
  'stresstest compare mem',
  'stresstest compare memory --runs 5 --out',
  'stresstest report --all',
  'autoctl interval 5',
  'autoctl on extra words',
  'frobnicate --whatever',
  'metricsctl st',
];

describe('lineHint()', () => {
  test.each(HINTS)('%j → %j', (line, hint) => {
    expect(lineHint(line, GRAMMAR)).toBe(hint);
  });

  test.each(QUIET)('%j → no hint', (line) => {
    expect(lineHint(line, GRAMMAR)).toBeUndefined();
  });

  test('the default grammar is the kernel table', () => {
    expect(lineHint('metricsctl stauts', DEFAULT_GRAMMAR)).toBe(
      "unknown subcommand 'stauts' for 'metricsctl' (did you mean status?)",
    );
    expect(lineHint('stresstest report --al=1', DEFAULT_GRAMMAR)).toBe(
      "unknown flag '--al' for 'stresstest report' (did you mean --all?)",
    );
  });
});

describe('hints in the console input', () => {
  test('the hint follows the line as it is typed and is cleared by fixing it', () => {
    const input = makeInput();
    drive(input, 'stresstest memory --duration');
    expect(input.view.hint).toBe('--duration: missing value (1..3600000 ms)');
    drive(input, ' 0');
    expect(input.view.hint).toBe('--duration: 1..3600000 ms');
    drive(input, '0');
    expect(input.view.hint).toBe('--duration: 1..3600000 ms');
    drive(input, K.bspace, K.bspace, '500');
    expect(input.view.text).toBe('stresstest memory --duration 500');
    expect(input.view.hint).toBeUndefined();
  });

  test('hints: false turns them off', () => {
    const input = makeInput({ hints: false });
    drive(input, 'stresstest memroy');
    expect(input.view.hint).toBeUndefined();
  });
});
