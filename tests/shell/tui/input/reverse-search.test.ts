import { describe, expect, test } from '@jest/globals';
import { createHistoryList } from '../../../../shell/tui/input/history.js';
import { ctrl, drive, K, makeInput, marked } from './fixtures.js';

const ENTRIES = ['stresstest memory --duration 500', 'help', 'stresstest chaos --quiet', 'metricsctl on', 'stresstest memory --seed 7'];
const withHistory = () => makeInput({ history: createHistoryList({ entries: ENTRIES }) });

describe('Ctrl-R reverse incremental search', () => {
  test('Ctrl-R shows an empty search over the line being edited', () => {
    const input = withHistory();
    drive(input, 'he', ctrl('r'));
    expect(input.view.search).toBe("(reverse-i-search)'': he");
    expect(marked(input)).toBe('he|');
    expect(input.view.hint).toBeUndefined();
  });

  test('typing narrows to the newest match, the cursor on the match', () => {
    const input = withHistory();
    drive(input, ctrl('r'), 'mem');
    expect(input.view.search).toBe("(reverse-i-search)'mem': stresstest memory --seed 7");
    expect(marked(input)).toBe('stresstest |memory --seed 7');
    drive(input, 'ory --d');
    expect(input.view.search).toBe("(reverse-i-search)'memory --d': stresstest memory --duration 500");
  });

  test('Ctrl-R again finds the next older match; past the oldest the search fails and keeps the last match', () => {
    const input = withHistory();
    drive(input, ctrl('r'), 'stress');
    expect(input.view.text).toBe('stresstest memory --seed 7');
    drive(input, ctrl('r'));
    expect(input.view.text).toBe('stresstest chaos --quiet');
    drive(input, ctrl('r'));
    expect(input.view.text).toBe('stresstest memory --duration 500');
    drive(input, ctrl('r'));
    expect(input.view.search).toBe("(failed reverse-i-search)'stress': stresstest memory --duration 500");
  });

  test('a query with no match fails and shows the original line', () => {
    const input = withHistory();
    drive(input, 'x', ctrl('r'), 'zzz');
    expect(input.view.search).toBe("(failed reverse-i-search)'zzz': x");
    expect(input.view.text).toBe('x');
  });

  test('BSpace shortens the query', () => {
    const input = withHistory();
    drive(input, ctrl('r'), 'helx');
    expect(input.view.search).toBe("(failed reverse-i-search)'helx': help");
    drive(input, K.bspace);
    expect(input.view.search).toBe("(reverse-i-search)'hel': help");
  });

  test('Enter runs the line found, as bash does', () => {
    const input = withHistory();
    expect(drive(input, 'draft', ctrl('r'), 'chaos', K.enter)).toEqual([{ type: 'submit', line: 'stresstest chaos --quiet' }]);
    expect(input.view.search).toBeUndefined();
    expect(marked(input)).toBe('|');
    expect(input.history.entries.at(-1)).toBe('stresstest chaos --quiet');
  });

  test('Esc and Ctrl-G cancel and restore the line and cursor', () => {
    const input = withHistory();
    input.setText('abc', 1);
    drive(input, ctrl('r'), 'help', K.esc);
    expect(input.view.search).toBeUndefined();
    expect(marked(input)).toBe('a|bc');
    drive(input, ctrl('r'), 'metr', ctrl('g'));
    expect(marked(input)).toBe('a|bc');
  });

  test('Ctrl-C cancels the search and reports the interrupt', () => {
    const input = withHistory();
    expect(drive(input, 'ab', ctrl('r'), 'help', ctrl('c'))).toEqual([{ type: 'interrupt' }]);
    expect(input.view.search).toBeUndefined();
    expect(marked(input)).toBe('ab|');
  });

  test('arrow keys accept the match into the editor, then move', () => {
    const input = withHistory();
    expect(drive(input, ctrl('r'), 'chaos', K.right)).toEqual([]);
    expect(input.view.search).toBeUndefined();
    expect(marked(input)).toBe('stresstest c|haos --quiet');
    drive(input, K.end, ' --verbose');
    expect(marked(input)).toBe('stresstest chaos --quiet --verbose|');
  });

  test('↑/↓ after accepting continue from the entry found; ↓ past the newest restores the original line', () => {
    const input = withHistory();
    drive(input, 'draft', ctrl('r'), 'help', K.up);
    expect(input.view.text).toBe('stresstest memory --duration 500');
    drive(input, K.down, K.down);
    expect(input.view.text).toBe('stresstest chaos --quiet');
    drive(input, K.down, K.down, K.down);
    expect(input.view.text).toBe('draft');
  });

  test('other keys accept and then act: Ctrl-E goes to the end, Tab completes', () => {
    const input = withHistory();
    drive(input, ctrl('r'), 'metr', ctrl('e'));
    expect(marked(input)).toBe('metricsctl on|');
    drive(input, ctrl('w'), 'of', K.tab);
    expect(marked(input)).toBe('metricsctl off |');
  });

  test('Ctrl-R on an empty query repeats the previous search', () => {
    const input = withHistory();
    drive(input, ctrl('r'), 'memory', K.esc, ctrl('r'), ctrl('r'));
    expect(input.view.search).toBe("(reverse-i-search)'memory': stresstest memory --seed 7");
    drive(input, ctrl('r'));
    expect(input.view.text).toBe('stresstest memory --duration 500');
  });

  test('a paste while searching narrows, runs the match at the newline and edits the rest', () => {
    const input = withHistory();
    expect(drive(input, ctrl('r'), 'help\r\nclear\rmet')).toEqual([
      { type: 'submit', line: 'help' },
      { type: 'submit', line: 'clear' },
    ]);
    expect(marked(input)).toBe('met|');
  });

  test('Ctrl-T during a search reports the console escape and keeps searching', () => {
    const input = withHistory();
    expect(drive(input, ctrl('r'), 'help', ctrl('t'))).toEqual([{ type: 'console-escape' }]);
    expect(input.view.search).toBe("(reverse-i-search)'help': help");
  });
});
