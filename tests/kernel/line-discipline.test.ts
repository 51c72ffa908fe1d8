import { describe, expect, test } from '@jest/globals';
import { bootedKernel } from '../helpers/kernel-rig.js';

const UNKNOWN_X = "Unknown command: x\nType 'help' for available commands\n";

describe('line discipline (reference §8.3), byte for byte', () => {
  test('printable bytes are echoed as they arrive', () => {
    const { send } = bootedKernel();
    expect(send('he')).toBe('he');
    expect(send('l')).toBe('l');
  });

  test('CR ends the line with \\r\\n echoed, then the answer and the prompt', () => {
    const { send } = bootedKernel();
    expect(send('x\r')).toBe(`x\r\n${UNKNOWN_X}sis> `);
  });

  test('LF ends the line the same way', () => {
    const { send } = bootedKernel();
    expect(send('x\n')).toBe(`x\r\n${UNKNOWN_X}sis> `);
  });

  test('CRLF gives the command plus an extra empty line: a second prompt', () => {
    const { send } = bootedKernel();
    expect(send('x\r\n')).toBe(`x\r\n${UNKNOWN_X}sis> \r\nsis> `);
  });

  test('an empty line prints only a new prompt', () => {
    const { send } = bootedKernel();
    expect(send('\r')).toBe('\r\nsis> ');
    expect(send('   \r')).toBe('   \r\nsis> ');
  });

  test('BS and DEL erase one character with \\b \\b', () => {
    const { send } = bootedKernel();
    expect(send('xy\x08')).toBe('xy\b \b');
    expect(send('z\x7f')).toBe('z\b \b');
    expect(send('\r')).toBe(`\r\n${UNKNOWN_X}sis> `);
  });

  test('BS on an empty line prints nothing', () => {
    const { send } = bootedKernel();
    expect(send('\x08\x7f\x08')).toBe('');
    expect(send('a\x08\x08')).toBe('a\b \b');
  });

  test('Ctrl-C echoes ^C\\r\\n, discards the line and prompts again', () => {
    const { send } = bootedKernel();
    expect(send('help\x03')).toBe('help^C\r\nsis> ');
    expect(send('\r')).toBe('\r\nsis> ');
  });

  test('the line holds 255 characters; excess is neither stored nor echoed', () => {
    const { send } = bootedKernel();
    const long = 'a'.repeat(300);
    expect(send(long)).toBe('a'.repeat(255));
    expect(send('\r')).toBe(`\r\nUnknown command: ${'a'.repeat(255)}\nType 'help' for available commands\nsis> `);
  });

  test('after erasing at the cap, one more character fits', () => {
    const { send } = bootedKernel();
    send('b'.repeat(255));
    expect(send('c')).toBe('');
    expect(send('\x08c')).toBe('\b \bc');
  });

  test('bytes >= 0x80, TAB, ESC and arrow-key sequences are ignored', () => {
    const { send } = bootedKernel();
    const ignored = Uint8Array.from([0x80, 0xff, 0xc3, 0xa9, 0x09, 0x1b, 0x00, 0x01, 0x07]);
    expect(send(ignored)).toBe('');
    // ESC [ A (up arrow): ESC is dropped, '[' and 'A' are printable and kept, as on the real kernel.
    expect(send('\x1b[A')).toBe('[A');
    expect(send('\r')).toBe("\r\nUnknown command: [A\nType 'help' for available commands\nsis> ");
  });

  test('a 10 MB burst without a newline keeps 255 characters and stays responsive', () => {
    const { send } = bootedKernel();
    const burst = new Uint8Array(10 * 1024 * 1024).fill(0x41);
    expect(send(burst)).toBe('A'.repeat(255));
    expect(send('\x03')).toBe('^C\r\nsis> ');
  });
});
