import { describe, expect, test } from '@jest/globals';
import { classifyTransparentLine } from '../../../shell/parser/simple-lines.js';

describe('transparent tagged lines', () => {
  test('each transparent tag is surfaced; other tags, and tags that are not one, are not', () => {
    expect(classifyTransparentLine('[TIMER] tick 5')).toEqual({ type: 'timer', message: 'tick 5' });
    expect(classifyTransparentLine('[AI] Predicting load')).toEqual({ type: 'ai-prediction', message: 'Predicting load' });
    expect(classifyTransparentLine('[SAFETY]ok')).toEqual({ type: 'safety', message: 'ok' });
    expect(classifyTransparentLine('[PRED_MEM] x')).toEqual({ type: 'autonomy', tag: 'PRED_MEM', message: 'x' });
    expect(classifyTransparentLine('[SUMMARY] run: a=1')).toEqual({ type: 'summary', name: 'run', values: { a: 1 } });
    for (const line of ['[CHAOS] Network partition (120ms)', '[STRESS TEST] Memory complete', '[TIMER', '[timer] x', '[ TIMER] x', '[]']) {
      expect(classifyTransparentLine(line)).toBeNull();
    }
  });
});
