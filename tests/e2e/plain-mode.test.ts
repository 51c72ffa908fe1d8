import { describe, expect, test } from '@jest/globals';
import { runCli } from '../helpers/cli.js';
import { FRESH_STATUS_ANSWER, HELP_ANSWER } from '../helpers/expected-output.js';

const BOOT = [
  '!KERNEL(U)',
  'STACK OK',
  'VECTORS OK',
  'MMU ON',
  'UART: READY',
  'METRIC cntfrq_hz=62500000',
  '[HEAP] Initialized 8 MiB heap at 0x40000000',
  'HEAP: READY',
  'MEMORY AGENT: READY',
  '[META] Initialized meta-agent: 12 inputs, 16 hidden, 3 outputs',
  'META-AGENT: READY',
  'AUTONOMY: set_ready complete',
  '[AUTOCTL] Autonomous mode ENABLED at boot (bringup)',
  'LAUNCHING SHELL',
  '',
  '=== SIS Kernel Shell ===',
  "Type 'help' for available commands",
  '',
  '',
].join('\n');

describe('built CLI, plain mode (stdin is a pipe)', () => {
  test("printf 'help\\nautoctl status\\n' | sis prints the exact transcript and exits 0", async () => {
    const result = await runCli([], 'help\nautoctl status\n');
    expect(result.stderr).toBe('');
    expect(result.stdout.toString('latin1')).toBe(
      `${BOOT}sis> help\r\n${HELP_ANSWER}sis> autoctl status\r\n${FRESH_STATUS_ANSWER}sis> `,
    );
    expect(result.status).toBe(0);
  });

  test('empty stdin: banner and prompt, exit 0', async () => {
    const result = await runCli([], '');
    expect(result.stdout.toString('latin1')).toBe(`${BOOT}sis> `);
    expect(result.status).toBe(0);
  });

  test('exit ends the session without sending the rest', async () => {
    const result = await runCli([], 'exit\nhelp\n');
    expect(result.stdout.toString('latin1')).toBe(`${BOOT}sis> `);
    expect(result.status).toBe(0);
  });

  test('10 MB piped without a newline: 255 characters kept, no crash', async () => {
    const result = await runCli([], Buffer.alloc(10 * 1024 * 1024, 0x61));
    expect(result.stdout.toString('latin1')).toBe(
      `${BOOT}sis> ${'a'.repeat(255)}\r\nUnknown command: ${'a'.repeat(255)}\nType 'help' for available commands\nsis> `,
    );
    expect(result.status).toBe(0);
  });

  test('NUL, 0xFF and escape sequences are ignored by the line discipline', async () => {
    const input = Buffer.concat([Buffer.from([0x00, 0xff, 0x1b]), Buffer.from('[2Jhe\x1b[Alp\n', 'latin1')]);
    const result = await runCli([], input);
    expect(result.stdout.toString('latin1')).toBe(
      `${BOOT}sis> [2Jhe[Alp\r\nUnknown command: [2Jhe[Alp\nType 'help' for available commands\nsis> `,
    );
    expect(result.status).toBe(0);
  });

  test('an unknown command with 100 arguments', async () => {
    const line = `frob ${Array.from({ length: 100 }, () => 'x').join(' ')}`;
    const result = await runCli([], `${line}\n`);
    expect(result.stdout.toString('latin1')).toBe(
      `${BOOT}sis> ${line}\r\nUnknown command: frob\nType 'help' for available commands\nsis> `,
    );
    expect(result.status).toBe(0);
  });

  test('a bad option gets one clear line on stderr and exit status 2', async () => {
    const unknown = await runCli(['--sped', 'max']);
    expect(unknown.stderr).toBe(
      "sis: unknown option '--sped' (did you mean --speed?)\nTry 'sis --help' for more information.\n",
    );
    expect(unknown.status).toBe(2);
    const badSeed = await runCli(['--seed', 'abc']);
    expect(badSeed.stderr).toBe(
      "sis: --seed: invalid value 'abc' (expected an integer 0..18446744073709551615)\nTry 'sis --help' for more information.\n",
    );
    expect(badSeed.status).toBe(2);
    expect(badSeed.stdout.length).toBe(0);
    const noValue = await runCli(['--speed']);
    expect(noValue.stderr).toBe("sis: option '--speed' needs a value\nTry 'sis --help' for more information.\n");
    expect(noValue.status).toBe(2);
  });

  test('--help prints usage and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.stdout.toString()).toMatch(/^Usage: sis \[options\]\n/);
    expect(result.status).toBe(0);
  });
});
