import { describe, expect, test } from '@jest/globals';
import { MENU_KEYS, menuAction, menuHelpText, menuPrompt } from '../../../shell/tui/console-menu.js';

describe('the Ctrl-T menu', () => {
  test.each([
    ['b', 'break'],
    ['d', 'dtr'],
    ['r', 'rts'],
    ['o', 'line-settings'],
    ['l', 'log'],
    ['t', 'timestamps'],
    ['v', 'results'],
    ['q', 'quit'],
    ['B', 'break'],
    ['z', 'close'],
  ] as const)('Ctrl-T %s: %s', (key, action) => {
    expect(menuAction(key, false, false)).toBe(action);
  });

  test('Esc closes the menu, Ctrl-T twice sends one Ctrl-T', () => {
    expect(menuAction('', false, true)).toBe('close');
    expect(menuAction('t', true, false)).toBe('send-escape');
  });

  test('every key is used once; help and the prompt list the line keys', () => {
    const keys = MENU_KEYS.map(([key]) => key);
    expect(new Set(keys).size).toBe(keys.length);
    const help = menuHelpText();
    expect(help).toContain('  Ctrl-T b  send a BREAK (--break-ms long)\n');
    expect(help).toContain('  Ctrl-T d  toggle DTR\n');
    expect(help).toContain('  Ctrl-T r  toggle RTS\n');
    expect(help).toContain('  Ctrl-T o  line settings: baud, data bits, parity, stop bits, flow control\n');
    expect(help).toContain('  Ctrl-T l  start logging to a file (asks for its name) / stop logging\n');
    expect(help).toContain('  Ctrl-T t  line timestamps: off, iso, relative, delta (as --log-timestamps)\n');
    expect(help).toContain('  Ctrl-T v  view past results\n');
    expect(menuPrompt()).toContain(' · b break · d dtr · r rts · o line-settings · l log · ');
  });
});
