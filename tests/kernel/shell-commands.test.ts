import { describe, expect, test } from '@jest/globals';
import { Kernel } from '../../kernel/index.js';
import { FRESH_STATUS_ANSWER, HELP_ANSWER } from '../helpers/expected-output.js';
import { bootedKernel } from '../helpers/kernel-rig.js';

function answer(command: string): string {
  const { send } = bootedKernel();
  const out = send(`${command}\r`);
  const echo = `${command}\r\n`;
  expect(out.startsWith(echo)).toBe(true);
  expect(out.endsWith('sis> ')).toBe(true);
  return out.slice(echo.length, -'sis> '.length);
}

describe('shell commands, exact output', () => {
  test('boot ends with the banner and the prompt', () => {
    const kernel = new Kernel();
    kernel.boot();
    const text = Buffer.from(kernel.takeOutput()).toString('latin1');
    expect(text.endsWith("\n=== SIS Kernel Shell ===\nType 'help' for available commands\n\nsis> ")).toBe(true);
    expect(text.startsWith('!KERNEL(U)\n')).toBe(true);
  });

  test('help lists every command from the table', () => {
    expect(answer('help')).toBe(HELP_ANSWER);
  });

  test('help <cmd> describes it with its subcommands', () => {
    expect(answer('help metricsctl')).toBe(
      [
        'metricsctl - METRIC line output: on|off|status',
        'Usage: metricsctl <on|off|status>',
        'Subcommands:',
        '  on     - Print METRIC lines (live progress during tests)',
        '  off    - Stop printing METRIC lines',
        '  status - Show whether METRIC lines are printed',
        '',
      ].join('\n'),
    );
  });

  test('help <unknown>', () => {
    expect(answer('help frobnicate')).toBe(
      "Unknown command: frobnicate\nType 'help' for a list of available commands.\n",
    );
  });

  test('unknown command, also with 100 arguments', () => {
    expect(answer('frobnicate')).toBe("Unknown command: frobnicate\nType 'help' for available commands\n");
    const args = Array.from({ length: 100 }, () => 'x').join(' ');
    expect(answer(`frobnicate ${args}`)).toBe("Unknown command: frobnicate\nType 'help' for available commands\n");
  });

  test('a known command with more than 63 arguments is refused, not run', () => {
    const args = Array.from({ length: 70 }, () => 'x').join(' ');
    expect(answer(`autoctl ${args}`)).toBe('[ERROR] autoctl: too many arguments (70; at most 63)\n');
  });

  test('command names are case-sensitive', () => {
    expect(answer('HELP')).toBe("Unknown command: HELP\nType 'help' for available commands\n");
  });

  test('clear prints ESC[2J ESC[H', () => {
    expect(answer('clear')).toBe('\x1b[2J\x1b[H');
  });

  test('autoctl on after boot: already enabled', () => {
    expect(answer('autoctl on')).toBe("[AUTOCTL] Already enabled; skip re-arm (use 'autoctl reset' to force)\n");
  });

  test('autoctl off, then on, then status', () => {
    const { send } = bootedKernel();
    expect(send('autoctl off\r')).toBe(
      'autoctl off\r\n' +
        '[AUTOCTL] Autonomous mode DISABLED\n' +
        '[AUTOCTL] EL1 physical timer stopped and cleared\n' +
        '[AUTOCTL] Metrics re-enabled for manual testing\n' +
        '[AUTOCTL] Command complete\nsis> ',
    );
    expect(send('autoctl on\r')).toBe(
      'autoctl on\r\n' +
        '[AUTOCTL] Autonomous mode ENABLED\n' +
        '[AUTOCTL] Timer tick counter reset\n' +
        '[AUTOCTL] Arming EL1 physical timer with 500ms interval (31250000 cycles)\n' +
        '[AUTOCTL] Command complete\nsis> ',
    );
    send('autoctl off\r');
    expect(send('autoctl status\r')).toContain('  Mode: DISABLED\n  Ready Flag: NOT SET (timer will NOT call tick)\n');
  });

  test('autoctl status block', () => {
    expect(answer('autoctl status')).toBe(FRESH_STATUS_ANSWER);
  });

  test('autoctl reset re-arms with the current interval', () => {
    const { send } = bootedKernel();
    send('autoctl interval 1000\r');
    expect(send('autoctl reset\r')).toBe(
      'autoctl reset\r\n' +
        '[AUTOCTL] Forcing timer re-arm (reset)\n' +
        '[AUTOCTL] Autonomous mode ENABLED\n' +
        '[AUTOCTL] Timer tick counter reset\n' +
        '[AUTOCTL] Arming EL1 physical timer with 1000ms interval (62500000 cycles)\n' +
        '[AUTOCTL] Command complete\nsis> ',
    );
  });

  test('autoctl interval: set, show, and bad values', () => {
    expect(answer('autoctl interval 250')).toBe('[AUTOCTL] Decision interval set to 250 ms\n');
    expect(answer('autoctl interval')).toBe('Usage: autoctl interval <milliseconds>\n');
    expect(answer('autoctl interval abc')).toBe(
      "[ERROR] autoctl interval: invalid value 'abc' (expected an integer 100..60000 ms)\n",
    );
    expect(answer('autoctl interval 99')).toBe(
      "[ERROR] autoctl interval: invalid value '99' (expected an integer 100..60000 ms)\n",
    );
    const { send } = bootedKernel();
    send('autoctl interval 2000\r');
    expect(send('autoctl status\r')).toContain('  Decision Interval: 2000 ms\n');
  });

  test('autoctl usage', () => {
    expect(answer('autoctl')).toBe('Usage: autoctl <on|off|reset|status|interval N>\n');
    expect(answer('autoctl sideways')).toBe('Usage: autoctl <on|off|reset|status|interval N>\n');
  });

  test('metricsctl on/off/status and usage', () => {
    const { send } = bootedKernel();
    expect(send('metricsctl status\r')).toBe('metricsctl status\r\n[METRICSCTL] capture: ON\nsis> ');
    expect(send('metricsctl off\r')).toBe('metricsctl off\r\n[METRICSCTL] capture disabled\nsis> ');
    expect(send('metricsctl status\r')).toBe('metricsctl status\r\n[METRICSCTL] capture: OFF\nsis> ');
    expect(send('metricsctl on\r')).toBe('metricsctl on\r\n[METRICSCTL] capture enabled\nsis> ');
    expect(answer('metricsctl')).toBe('Usage: metricsctl <on|off|status>\n');
  });

  test('autoctl off switches METRIC output back on', () => {
    const { send } = bootedKernel();
    send('metricsctl off\r');
    send('autoctl off\r');
    expect(send('metricsctl status\r')).toBe('metricsctl status\r\n[METRICSCTL] capture: ON\nsis> ');
  });
});
