import { describe, expect, test } from '@jest/globals';
import { appendEntry, createHistoryList } from '../../../../shell/tui/input/history.js';
import { ctrl, drive, K, makeInput, marked } from './fixtures.js';

describe('appendEntry', () => {
  test('stores lines in order, skipping blank lines and a repeat of the newest', () => {
    let entries: readonly string[] = [];
    for (const line of ['help', '', '   ', 'help', 'metricsctl on', 'help', 'help']) entries = appendEntry(entries, line, 10);
    expect(entries).toEqual(['help', 'metricsctl on', 'help']);
  });

  test('keeps the newest `cap` entries', () => {
    let entries: readonly string[] = [];
    for (let i = 1; i <= 5; i++) entries = appendEntry(entries, `line ${i}`, 3);
    expect(entries).toEqual(['line 3', 'line 4', 'line 5']);
  });

  test('createHistoryList trims given entries to the cap', () => {
    expect(createHistoryList({ entries: ['a', 'b', 'c'], cap: 2 }).entries).toEqual(['b', 'c']);
  });
});

describe('↑/↓ history browsing', () => {
  const withHistory = () => makeInput({ history: createHistoryList({ entries: ['help', 'metricsctl on', 'autoctl status'] }) });

  test('↑ walks back to the oldest entry and stops there, cursor at the end', () => {
    const input = withHistory();
    drive(input, K.up);
    expect(marked(input)).toBe('autoctl status|');
    drive(input, K.up, K.up);
    expect(marked(input)).toBe('help|');
    drive(input, K.up);
    expect(marked(input)).toBe('help|');
  });

  test('the line being edited is kept while browsing and restored below the newest entry', () => {
    const input = withHistory();
    drive(input, 'stress', K.left, K.up, K.up, K.down);
    expect(marked(input)).toBe('autoctl status|');
    drive(input, K.down);
    expect(marked(input)).toBe('stress|');
    drive(input, K.down);
    expect(marked(input)).toBe('stress|');
  });

  test('Ctrl-P and Ctrl-N browse like ↑ and ↓', () => {
    const input = withHistory();
    drive(input, ctrl('p'), ctrl('p'));
    expect(marked(input)).toBe('metricsctl on|');
    drive(input, ctrl('n'));
    expect(marked(input)).toBe('autoctl status|');
  });

  test('a recalled entry can be edited and submitted; browsing then starts again from the newest', () => {
    const input = withHistory();
    expect(drive(input, K.up, K.up, ctrl('w'), 'off', K.enter)).toEqual([{ type: 'submit', line: 'metricsctl off' }]);
    expect(input.history.entries).toEqual(['help', 'metricsctl on', 'autoctl status', 'metricsctl off']);
    drive(input, K.up);
    expect(marked(input)).toBe('metricsctl off|');
  });

  test('submitted lines join the history; an immediate repeat and empty lines do not', () => {
    const input = makeInput();
    drive(input, 'help', K.enter, 'help', K.enter, K.enter, 'clear', K.enter);
    expect(input.history.entries).toEqual(['help', 'clear']);
  });

  test('↑ with no history and ↓ when not browsing change nothing', () => {
    const input = makeInput();
    drive(input, 'ab', K.up, K.down);
    expect(marked(input)).toBe('ab|');
  });
});
