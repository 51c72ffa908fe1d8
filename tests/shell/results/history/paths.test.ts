import { describe, expect, test } from '@jest/globals';
import { resolveHistoryPath } from '../../../../shell/results/history/index.js';

describe('resolveHistoryPath', () => {
  const home = '/home/u';

  test('XDG state directory, then ~/.local/state', () => {
    expect(resolveHistoryPath({ env: { XDG_STATE_HOME: '/xdg/state' }, home })).toBe('/xdg/state/sis/history.jsonl');
    expect(resolveHistoryPath({ env: {}, home })).toBe('/home/u/.local/state/sis/history.jsonl');
    expect(resolveHistoryPath({ env: { XDG_STATE_HOME: '' }, home })).toBe('/home/u/.local/state/sis/history.jsonl');
  });

  test('a relative XDG_STATE_HOME is ignored, as the XDG specification requires', () => {
    expect(resolveHistoryPath({ env: { XDG_STATE_HOME: 'rel/state' }, home })).toBe('/home/u/.local/state/sis/history.jsonl');
  });

  test('SIS_HISTORY overrides XDG; --history overrides both; --no-history wins', () => {
    const env = { XDG_STATE_HOME: '/xdg', SIS_HISTORY: '/env/h.jsonl' };
    expect(resolveHistoryPath({ env, home })).toBe('/env/h.jsonl');
    expect(resolveHistoryPath({ env: { ...env, SIS_HISTORY: '' }, home })).toBe('/xdg/sis/history.jsonl');
    expect(resolveHistoryPath({ env, home, file: 'mine.jsonl' })).toBe('mine.jsonl');
    expect(resolveHistoryPath({ env, home, file: 'mine.jsonl', disabled: true })).toBeNull();
  });
});
