import { describe, expect, test } from '@jest/globals';
import { menuAction, menuHelpText, menuPrompt } from '../../../shell/tui/console-menu.js';

describe('the Ctrl-T menu: terminal keys', () => {
  test.each([
    ['e', 'echo'],
    ['n', 'mapping'],
    ['y', 'hex-send'],
    ['s', 'send-file'],
    ['0', 'macro'],
    ['9', 'macro'],
    ['S', 'send-file'],
  ] as const)('Ctrl-T %s: %s', (key, action) => {
    expect(menuAction(key, false, false)).toBe(action);
  });

  test('help lists the keys, then the extra lines (the macros) after Ctrl-T Ctrl-T', () => {
    const help = menuHelpText(['Macros (--macros FILE):', '  Ctrl-T 1  boot: help']);
    expect(help).toContain('  Ctrl-T e  local echo on/off (show what is sent)\n');
    expect(help).toContain('  Ctrl-T 0-9  run that macro from --macros FILE (its commands queued, each after the prompt)\n');
    expect(help).toContain('  Ctrl-T Ctrl-T  send Ctrl-T to the target\nMacros (--macros FILE):\n  Ctrl-T 1  boot: help\n');
    expect(menuPrompt()).toContain(' · e echo · n mapping · y hex-send · s send-file · 0-9 macro · ');
  });
});
