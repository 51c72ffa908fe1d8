import { describe, expect, test } from '@jest/globals';
import { createReconnectingPort } from '../../../uart/index.js';
import { createConsolePort } from '../../../shell/connect/index.js';
import { lrzszSentBytes } from '../../../shell/connect/send-lrzsz.js';
import { FakePort } from './fake-port.js';

async function setup() {
  const far = new FakePort('far');
  const port = createConsolePort({ port: createReconnectingPort({ connect: () => far }), enter: 'crlf', incomingCr: 'drop' });
  await port.open();
  let seen = '';
  port.onData((chunk) => void (seen += Buffer.from(chunk).toString('latin1')));
  await new Promise((resolve) => setImmediate(resolve));
  const b = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
  return { far, port, b, seen: () => seen };
}

describe('the console port for Ctrl-T n, y and s', () => {
  test('the mapping changes for the bytes that follow', async () => {
    const { far, port, b, seen } = await setup();
    expect(port.mapping).toEqual({ enter: 'crlf', incomingCr: 'drop', lfToCrlf: false, delToBs: false });
    port.write(b('a\r'));
    far.send('x\r\n');
    port.setMapping({ enter: 'lf', incomingCr: 'keep', lfToCrlf: true, delToBs: true });
    port.write(b('b\r\x7f'));
    far.send('y\r\nz\n');
    expect(far.written.join('')).toBe('a\r\nb\n\x08');
    expect(seen()).toBe('x\ny\r\nz\r\n');
  });

  test('writeRaw goes past the mapping', async () => {
    const { far, port, b } = await setup();
    port.writeRaw(b('\r\n\x7f'));
    expect(far.written.join('')).toBe('\r\n\x7f');
  });

  test('a taken line: the console writes nothing; with a receiver, it gets the bytes unmapped instead of the console', async () => {
    const { far, port, b, seen } = await setup();
    let got = '';
    const take = port.takeLine((chunk) => void (got += Buffer.from(chunk).toString('latin1')));
    port.write(b('typed\r'));
    take.write(b('\x01block\r'));
    far.send('\x06C\r\n');
    expect(far.written.join('')).toBe('\x01block\r');
    expect(got).toBe('\x06C\r\n');
    expect(seen()).toBe('');
    take.release();
    take.release();
    port.write(b('after\r'));
    far.send('ok\r\n');
    expect(far.written.join('')).toBe('\x01block\rafter\r\n');
    expect(seen()).toBe('ok\n');
  });

  test('a taken line without a receiver: what arrives still reaches the console (a raw send shows the echo)', async () => {
    const { far, port, b, seen } = await setup();
    const take = port.takeLine();
    port.write(b('typed'));
    far.send('echo\r\n');
    expect(far.written.join('')).toBe('');
    expect(seen()).toBe('echo\n');
    take.release();
  });
});

describe("lrzsz's progress reports", () => {
  test('128-byte sectors or, at a file\'s end, its bytes; the last report wins, capped at the file size', () => {
    const sx = 'Sending f.bin, 39 blocks: Give your local XMODEM receive command now.\r\n\rXmodem sectors/kbytes sent:   0/ 0k\rXmodem sectors/kbytes sent:  16/ 2k';
    expect(lrzszSentBytes(sx, 5000)).toBe(2048);
    expect(lrzszSentBytes('\rYmodem sectors/kbytes sent:  39/ 4k', 5000)).toBe(4992);
    // sx reports no sector for the last block: the file's end is the byte count.
    expect(lrzszSentBytes('\rXmodem sectors/kbytes sent: 156/19k\rBytes Sent:  20096   BPS:19868', 20_000)).toBe(20_000);
    expect(lrzszSentBytes('\rXmodem sectors/kbytes sent:  40/ 5k', 5000)).toBe(5000);
    expect(lrzszSentBytes('Sending f.bin, 39 blocks: Give your local XMODEM receive command now.', 5000)).toBeUndefined();
  });
});
