import { describe, expect, test } from '@jest/globals';
import { takeLineOptions } from '../../../../shell/results/session/index.js';

describe('takeLineOptions', () => {
  test('--output-json PATH at the end is taken off the line', () => {
    expect(takeLineOptions('stresstest memory --seed 1 --output-json /tmp/m.json')).toEqual({
      ok: true,
      command: 'stresstest memory --seed 1',
      outputJson: '/tmp/m.json',
    });
  });

  test('in the middle, with =, and quoted', () => {
    expect(takeLineOptions('stresstest chaos --output-json out.json --duration 500')).toEqual({
      ok: true,
      command: 'stresstest chaos --duration 500',
      outputJson: 'out.json',
    });
    expect(takeLineOptions('stresstest chaos --output-json=/tmp/c.json')).toEqual({
      ok: true,
      command: 'stresstest chaos',
      outputJson: '/tmp/c.json',
    });
    expect(takeLineOptions('stresstest chaos --output-json "/tmp/a b.json" --quiet')).toEqual({
      ok: true,
      command: 'stresstest chaos --quiet',
      outputJson: '/tmp/a b.json',
    });
  });

  test('a line without the option goes out unchanged, spacing included', () => {
    expect(takeLineOptions('  help   stresstest ')).toEqual({ ok: true, command: '  help   stresstest ', outputJson: null });
    expect(takeLineOptions('stresstest memory --output-jsonx 1')).toEqual({
      ok: true,
      command: 'stresstest memory --output-jsonx 1',
      outputJson: null,
    });
  });

  test('a missing path, a flag as the path, or the option twice is refused', () => {
    expect(takeLineOptions('stresstest memory --output-json')).toEqual({ ok: false, message: '--output-json needs a file path' });
    expect(takeLineOptions('stresstest memory --output-json   ')).toEqual({ ok: false, message: '--output-json needs a file path' });
    expect(takeLineOptions('stresstest memory --output-json --seed 1')).toEqual({
      ok: false,
      message: '--output-json needs a file path',
    });
    expect(takeLineOptions('stresstest memory --output-json= --seed 1')).toEqual({
      ok: false,
      message: '--output-json needs a file path',
    });
    expect(takeLineOptions('x --output-json a.json --output-json b.json')).toEqual({
      ok: false,
      message: '--output-json given twice on one line',
    });
  });
});
