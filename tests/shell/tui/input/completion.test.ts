import { describe, expect, test } from '@jest/globals';
import { commonPrefix, complete } from '../../../../shell/tui/input/completion.js';
import { DEFAULT_GRAMMAR } from '../../../../shell/tui/input/grammar.js';
import { drive, GRAMMAR, K, makeInput, marked } from './fixtures.js';

/** Tab at the end of `line` (or at `|`): [line, completed line with | at the cursor, candidates]. */
const CASES: ReadonlyArray<readonly [string, string, string[]]> = [
  ['str', 'stresstest |', ['stresstest']],
  ['', '|', ['help', 'clear', 'autoctl', 'metricsctl', 'stresstest']],
  ['stresstest me', 'stresstest memory |', ['memory']],
  ['stresstest m', 'stresstest m|', ['memory', 'multi']],
  ['stresstest co', 'stresstest com|', ['commands', 'compare']],
  ['stresstest memory --du', 'stresstest memory --duration |', ['--duration']],
  ['stresstest memory --', 'stresstest memory --|', ['--duration', '--target-pressure', '--fail-rate', '--failure-rate', '--seed', '--quiet', '--summary', '--verbose', '--output-json']],
  ['stresstest memory ', 'stresstest memory --|', ['--duration', '--target-pressure', '--fail-rate', '--failure-rate', '--seed', '--quiet', '--summary', '--verbose', '--output-json']],
  ['stresstest memory --fa', 'stresstest memory --fail|', ['--fail-rate', '--failure-rate']],
  ['stresstest memory --s', 'stresstest memory --s|', ['--seed', '--summary']],
  ['stresstest chaos --ex', 'stresstest chaos --expect-failures |', ['--expect-failures']],
  ['stresstest memory --quiet --ve', 'stresstest memory --quiet --verbose |', ['--verbose']],
  ['stresstest memory --out', 'stresstest memory --output-json |', ['--output-json']],
  ['stresstest compare ', 'stresstest compare |', ['memory', 'commands', 'multi', 'chaos', 'learning']],
  ['stresstest compare ch', 'stresstest compare chaos |', ['chaos']],
  ['stresstest compare l', 'stresstest compare learning |', ['learning']],
  ['stresstest compare memory --ru', 'stresstest compare memory --runs |', ['--runs']],
  ['stresstest report --a', 'stresstest report --all |', ['--all']],
  ['metricsctl s', 'metricsctl status |', ['status']],
  ['autoctl o', 'autoctl o|', ['on', 'off']],
  ['stresstest me|mory', 'stresstest memory |mory', ['memory']],
  ['stresstest memory| --quiet', 'stresstest memory |--quiet', ['memory']],
  ['stresstest mem| --quiet', 'stresstest memory |--quiet', ['memory']],
  ['help st', 'help stresstest |', ['stresstest']],
  ['help ', 'help |', ['help', 'clear', 'autoctl', 'metricsctl', 'stresstest']],
  ['help a', 'help autoctl |', ['autoctl']],
];

/** Nothing to offer: the line stays as it is. */
const NOTHING = [
  'xyz',
  'frobnicate ',
  'help stresstest ',
  'clear ',
  'autoctl interval ',
  'metricsctl on --',
  'stresstest nosuch --',
  'stresstest --',
  'stresstest memory --duration ',
  'stresstest memory --output-json ',
  'stresstest memory --duration=',
  'stresstest memory --zz',
];

describe('complete()', () => {
  test.each(CASES)('%j', (line, expected, candidates) => {
    const at = line.includes('|') ? line.indexOf('|') : line.length;
    const result = complete(line.replace('|', ''), at, GRAMMAR);
    expect(result.text.slice(0, result.cursor) + '|' + result.text.slice(result.cursor)).toBe(expected);
    expect(result.candidates).toEqual(candidates);
  });

  test.each(NOTHING)('%j completes nothing', (line) => {
    expect(complete(line, line.length, GRAMMAR)).toEqual({ text: line, cursor: line.length, candidates: [] });
  });

  test('flags already on the line are not offered again (an alias counts as its flag)', () => {
    expect(complete('stresstest memory --summary --seed 1 --duration=5 --', 52, GRAMMAR).candidates).toEqual([
      '--target-pressure',
      '--fail-rate',
      '--failure-rate',
      '--verbose',
      '--output-json',
    ]);
  });

  test('commonPrefix', () => {
    expect(commonPrefix(['--fail-rate', '--failure-rate'])).toBe('--fail');
    expect(commonPrefix(['a', 'b'])).toBe('');
    expect(commonPrefix([])).toBe('');
  });

  test('the default grammar is the kernel table plus --output-json', () => {
    expect(complete('stresstest rep', 14, DEFAULT_GRAMMAR).text).toBe('stresstest report ');
    expect(complete('metricsctl st', 13, DEFAULT_GRAMMAR).text).toBe('metricsctl status ');
    expect(complete('stresstest report --', 20, DEFAULT_GRAMMAR).candidates).toEqual(['--all', '--output-json']);
  });
});

describe('Tab in the console input', () => {
  test('a unique match completes with a trailing space', () => {
    const input = makeInput();
    drive(input, 'stresstest me', K.tab);
    expect(marked(input)).toBe('stresstest memory |');
    expect(input.view.candidates).toEqual([]);
  });

  test('ambiguous: the first Tab completes the common prefix, the second lists the candidates', () => {
    const input = makeInput();
    drive(input, 'stresstest memory --fa', K.tab);
    expect(marked(input)).toBe('stresstest memory --fail|');
    expect(input.view.candidates).toEqual([]);
    drive(input, K.tab);
    expect(marked(input)).toBe('stresstest memory --fail|');
    expect(input.view.candidates).toEqual(['--fail-rate', '--failure-rate']);
  });

  test('with no common prefix to add, the second Tab lists; any other key hides the list', () => {
    const input = makeInput();
    drive(input, 'stresstest m', K.tab);
    expect(input.view.candidates).toEqual([]);
    drive(input, K.tab);
    expect(input.view.candidates).toEqual(['memory', 'multi']);
    drive(input, K.tab);
    expect(input.view.candidates).toEqual(['memory', 'multi']);
    drive(input, 'u');
    expect(input.view.candidates).toEqual([]);
    drive(input, K.tab);
    expect(marked(input)).toBe('stresstest multi |');
  });

  test('a Tab separated from the first by another key does not list', () => {
    const input = makeInput();
    drive(input, 'stresstest m', K.tab, K.left, K.right, K.tab);
    expect(input.view.candidates).toEqual([]);
  });
});
