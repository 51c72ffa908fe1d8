import { describe, expect, test } from '@jest/globals';
import { PassThrough, Writable } from 'node:stream';
import { createReconnectingPort } from '../../../uart/index.js';
import { createConsolePort } from '../../../shell/connect/index.js';
import { runPlainMode } from '../../../shell/plain/plain-mode.js';
import { waitFor } from '../../helpers/wait.js';
import { FakePort } from '../connect/fake-port.js';

function sink(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('latin1');
      done();
    },
  });
  return { stream, text: () => text };
}

describe('plain mode across a reconnect (the engine asking a silent far end for a prompt)', () => {
  test('the command running at the drop is lost (exit 4); the next line waits for a new prompt; a silent far end gets one Enter', async () => {
    const ends: FakePort[] = [];
    const reconnecting = createReconnectingPort({
      connect: () => {
        const end = new FakePort(`far${ends.length + 1}`);
        ends.push(end);
        return end;
      },
      initialDelayMs: 5,
    });
    const port = createConsolePort({ port: reconnecting });
    const input = new PassThrough();
    const output = sink();
    const said: string[] = [];
    const run = runPlainMode({ port, input, output: output.stream, say: (line) => said.push(line) });

    await waitFor(() => reconnecting.state.status === 'connected');
    const first = ends[0]!;
    first.send('banner\r\nsis> ');
    input.write('one\ntwo\n');
    expect(await waitFor(() => first.written.length === 1)).toBe(true);
    expect(first.written).toEqual(['one\r']);
    first.send('one\r\npartial answ');
    first.hangUp();

    expect(await waitFor(() => ends.length === 2 && reconnecting.state.status === 'connected')).toBe(true);
    const second = ends[1]!;
    expect(await waitFor(() => second.written.length === 1, 2000)).toBe(true);
    expect(second.written).toEqual(['\r']);
    second.send('\r\nsis> ');
    expect(await waitFor(() => second.written.length === 2)).toBe(true);
    expect(second.written).toEqual(['\r', 'two\r']);
    second.send('two\r\nUnknown command: two\nsis> ');
    input.end();

    expect(await run).toBe(4);
    expect(said).toEqual(["'one' lost: the link went down"]);
    expect(output.text()).toBe(
      'banner\r\nsis> one\r\npartial answ\r\nsis> two\r\nUnknown command: two\nsis> ',
    );
  });

  test('a far end that speaks first after the reconnect gets no Enter', async () => {
    const ends: FakePort[] = [];
    const reconnecting = createReconnectingPort({
      connect: () => {
        const end = new FakePort();
        ends.push(end);
        return end;
      },
      initialDelayMs: 5,
    });
    const input = new PassThrough();
    const output = sink();
    const port = createConsolePort({ port: reconnecting });
    const run = runPlainMode({ port, input, output: output.stream });
    await waitFor(() => reconnecting.state.status === 'connected');
    ends[0]!.send('sis> ');
    ends[0]!.hangUp();
    expect(await waitFor(() => ends.length === 2 && reconnecting.state.status === 'connected')).toBe(true);
    ends[1]!.send('rebooted\r\nsis> ');
    input.end('x\n');
    expect(await waitFor(() => ends[1]!.written.length === 1)).toBe(true);
    ends[1]!.send('x\r\nsis> ');
    expect(await run).toBe(0);
    // Plain mode has closed the port and stopped the engine's timers: nothing more can be written.
    expect(ends[1]!.written).toEqual(['x\r']);
  });

  test('with reconnect off, a drop ends plain mode with status 1', async () => {
    const end = new FakePort('/dev/ttyUSB0');
    const port = createConsolePort({ port: createReconnectingPort({ connect: () => end, reconnect: false }) });
    const input = new PassThrough();
    const output = sink();
    const errors: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((text: string) => errors.push(text) > 0) as typeof process.stderr.write;
    try {
      const run = runPlainMode({ port, input, output: output.stream });
      await waitFor(() => port.state.status === 'connected');
      end.send('sis> ');
      end.hangUp();
      expect(await run).toBe(1);
    } finally {
      process.stderr.write = write;
    }
    expect(errors).toEqual(['sis: /dev/ttyUSB0: device disconnected\n']);
    expect(output.text()).toBe('sis> ');
  });
});
