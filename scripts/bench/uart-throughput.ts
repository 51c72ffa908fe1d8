import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPortMock } from 'serialport';
import { createOutputParser } from '../../shell/parser/index.js';
import { createModelTarget } from '../../shell/connect/model-target.js';
import { createLogWriter } from '../../uart/index.js';

/** MB/s (10^6 bytes) from a byte count and a wall time in ms. */
const mbPerSecond = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000);

/** The anchor: bare SerialPortMock, the device emitting 4 KiB chunks one per turn, nothing else. */
export async function rawMockThroughput(totalBytes = 64 * 1024 * 1024): Promise<number> {
  const path = `/dev/bench-raw-${process.hrtime.bigint()}`;
  SerialPortMock.binding.createPort(path, { maxReadSize: 65536 });
  const port = new SerialPortMock({ path, baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  const chunk = Buffer.alloc(4096, 0x61);
  let received = 0;
  const start = performance.now();
  await new Promise<void>((resolve) => {
    port.on('data', (data: Buffer) => {
      received += data.length;
      if (received >= totalBytes) resolve();
    });
    let sent = 0;
    const pump = (): void => {
      if (sent >= totalBytes) return;
      port.port!.emitData(chunk);
      sent += chunk.length;
      setImmediate(pump);
    };
    pump();
  });
  const ms = performance.now() - start;
  await new Promise<void>((resolve) => port.close(() => resolve()));
  return mbPerSecond(received, ms);
}

export interface PipelineThroughput {
  readonly mbPerSecond: number;
  readonly bytes: number;
}

/**
 * The product path, unpaced: `commands` pasted at once (the model answers each as soon as it has
 * read it), the kernel's output crosses the virtual UART, the console's output parser reads every
 * byte and the log writer stores it. Ends at the last command's prompt.
 */
export async function pipelineThroughput(command: string, repeat = 2000): Promise<PipelineThroughput> {
  const dir = mkdtempSync(join(tmpdir(), 'sis-bench-'));
  const log = createLogWriter({ path: join(dir, 'uart.log'), append: false });
  if (!log.ok) throw new Error(log.error.message);
  const target = createModelTarget({ seed: 1n, speed: 'max' });
  const parser = createOutputParser();
  let bytes = 0;
  let prompts = 0;
  let resolveBoot!: () => void;
  let resolveDone!: () => void;
  const booted = new Promise<void>((resolve) => (resolveBoot = resolve));
  const finished = new Promise<void>((resolve) => (resolveDone = resolve));
  target.port.onData((chunk) => {
    bytes += chunk.length;
    log.writer.write(chunk);
    for (const event of parser.push(chunk)) {
      if (event.type !== 'prompt') continue;
      prompts++;
      if (prompts === 1) resolveBoot();
      if (prompts === repeat + 1) resolveDone();
    }
  });
  await target.port.open();
  await booted;
  const bootBytes = bytes;
  const start = performance.now();
  target.port.write(new TextEncoder().encode(`${command}\r`.repeat(repeat)));
  await finished;
  await log.writer.close();
  const ms = performance.now() - start;
  await target.port.close();
  rmSync(dir, { recursive: true, force: true });
  return { mbPerSecond: mbPerSecond(bytes - bootBytes, ms), bytes: bytes - bootBytes };
}
