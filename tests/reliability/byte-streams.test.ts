import { describe, expect, test } from '@jest/globals';
import { createOutputParser, type OutputParser, type ParserEvent } from '../../shell/parser/index.js';
import { Scrollback } from '../../shell/tui/scrollback.js';
import { MB, pseudoRandomBytes, settledHeap } from './heap.js';
import { bootKernel, firstNonAscii, fromLatin1, latin1 } from './kernel-drive.js';
import type { Kernel } from '../../kernel/index.js';
import { createManualClock } from '../../uart/index.js';
import { screenText } from '../shell/tui/screen-text.js';

/** What a serial line delivers at a time, about. */
const CHUNK = 4096;
const LF = 0x0a;
const CR = 0x0d;

const allByteValues = (): Uint8Array => new Uint8Array(MB).map((_, i) => i & 0xff);
const escapeStorm = (): Uint8Array =>
  latin1(
    Array.from({ length: 6000 }, (_, i) =>
      ['\x1b[2J', '\x1b[38;5;196m', '\x1b]0;title', '\x1b]52;c;aGk=\x07', '\x1bP1$r', '\x9b31m', '\x1b', '\x1b[?1049h', '\x1b\\'][i % 9],
    ).join(''),
  );
/** 1 MB with no CR or LF: one line that never ends. */
const unterminated = (): Uint8Array => pseudoRandomBytes(MB, 7).map((b) => (b === LF || b === CR ? 0x20 : b));

/**
 * Longest unfinished line the scrollback may hold for display, in characters (the parser keeps at
 * most 64 KiB of one too): a line that never ends must not grow what every frame re-sanitises and draws.
 */
const TAIL_LIMIT = 65536;

/** The console's receiving side: the output parser and the TUI's scrollback (sanitiser included). */
class ConsoleSide {
  readonly parser: OutputParser = createOutputParser();
  readonly scrollback = new Scrollback({ clock: createManualClock() });
  events = 0;
  last: ParserEvent | undefined;
  written = 0;
  lastWrite = '';

  constructor() {
    this.scrollback.setWriter((pieces) => {
      const text = screenText(pieces);
      this.written += text.length;
      this.lastWrite = text;
    });
  }

  receive(chunk: Uint8Array): void {
    const events = this.parser.push(chunk);
    this.events += events.length;
    if (events.length > 0) this.last = events[events.length - 1];
    this.scrollback.push(chunk);
    this.scrollback.flush();
    const held = this.scrollback.tail.length;
    if (held > TAIL_LIMIT) throw new Error(`the scrollback holds an unfinished line of ${held} characters (limit ${TAIL_LIMIT})`);
  }
}

/** Feeds `bytes` to the kernel in serial-sized chunks; its output goes to `console`. Returns the output's first non-ASCII offset. */
function throughKernel(kernel: Kernel, bytes: Uint8Array, side: ConsoleSide): number {
  let bad = -1;
  let offset = 0;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    kernel.receive(bytes.subarray(i, i + CHUNK));
    if (kernel.busy) kernel.receive(Uint8Array.of(0x03));
    while (kernel.busy) kernel.advance(kernel.nowUs + 100_000, true);
    const out = kernel.takeOutput();
    if (bad < 0 && firstNonAscii(out) >= 0) bad = offset + firstNonAscii(out);
    offset += out.length;
    if (out.length > 0) side.receive(out);
  }
  return bad;
}

const STREAMS: ReadonlyArray<readonly [string, () => Uint8Array]> = [
  ['every byte value, 1 MB', allByteValues],
  ['escape sequences, complete and cut', escapeStorm],
  ['1 MB without a line end', unterminated],
  ['1 MB of random bytes', () => pseudoRandomBytes(MB, 3)],
];

describe('hostile byte streams in process', () => {
  test.each(STREAMS)('%s into the kernel: 7-bit output, still answering; the console side keeps up', (_, make) => {
    const kernel = bootKernel();
    const side = new ConsoleSide();
    expect(throughKernel(kernel, make(), side)).toBe(-1);
    kernel.receive(latin1('\x03\r'));
    const answer = fromLatin1(kernel.takeOutput());
    expect(answer.endsWith('^C\r\nsis> \r\nsis> ')).toBe(true);
    side.receive(latin1(answer));
    expect(side.last).toEqual({ type: 'prompt', completed: null });
    expect(side.scrollback.tail).toBe('sis> ');
  });

  test.each(STREAMS)('%s from a device straight to the console side: parsed and shown, then a line and a prompt get through', (_, make) => {
    const side = new ConsoleSide();
    const bytes = make();
    for (let i = 0; i < bytes.length; i += CHUNK) side.receive(bytes.subarray(i, i + CHUNK));
    side.receive(latin1('\r\nEND-MARK\r\nsis> '));
    expect(side.last).toEqual({ type: 'prompt', completed: null });
    // Styling a hostile stream left on is switched off after the device's text (ESC[0m).
    expect(side.lastWrite).toMatch(/END-MARK\n(\x1b\[0m)?$/);
    expect(side.scrollback.tail).toBe('sis> ');
    expect(side.events).toBeGreaterThan(0);
  });

  test('4 MB through kernel, parser and scrollback: the heap grows by less than 16 MB', () => {
    const kernel = bootKernel();
    const fromKernel = new ConsoleSide();
    const fromDevice = new ConsoleSide();
    throughKernel(kernel, new Uint8Array(0), fromKernel);
    const before = settledHeap();
    for (const [, make] of STREAMS) {
      const bytes = make();
      throughKernel(kernel, bytes, fromKernel);
      for (let i = 0; i < bytes.length; i += CHUNK) fromDevice.receive(bytes.subarray(i, i + CHUNK));
    }
    const growth = settledHeap() - before;
    // Held on purpose: what is measured is what these long-lived objects keep.
    expect([kernel.busy, fromKernel.events > 0, fromDevice.events > 0]).toEqual([false, true, true]);
    expect(growth).toBeLessThan(16 * MB);
  });
});
