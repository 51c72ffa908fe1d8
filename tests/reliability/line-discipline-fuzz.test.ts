import { describe, test } from '@jest/globals';
import fc from 'fast-check';
import { COMMANDS, MAX_LINE_CHARS, type Kernel } from '../../kernel/index.js';
import { chunksOf, splitStream } from './byte-arbitraries.js';
import { check, fuzzParams, fuzzTimeout } from './fuzz-runs.js';
import { bootKernel, firstNonAscii, fromLatin1 } from './kernel-drive.js';

const CR = 0x0d;
const LF = 0x0a;
const CTRL_C = 0x03;
const UNKNOWN_TAIL = "\nType 'help' for available commands\n";

/**
 * The echo and answers reference §8.3 prescribes for a shell that knows no command: CR/LF echo
 * `\r\n` and end the line, BS/DEL erase with `\b \b`, Ctrl-C echoes `^C\r\n`, printable ASCII is
 * echoed while fewer than 255 characters are held, anything else is ignored.
 */
function expectedEcho(bytes: Uint8Array): string {
  let out = '';
  let line: string[] = [];
  for (const byte of bytes) {
    if (byte === CR || byte === LF) {
      const name = line.join('').split(' ').find((t) => t !== '');
      out += `\r\n${name === undefined ? '' : `Unknown command: ${name}${UNKNOWN_TAIL}`}sis> `;
      line = [];
    } else if (byte === 0x08 || byte === 0x7f) {
      if (line.length > 0) out += '\b \b';
      line.pop();
    } else if (byte === CTRL_C) {
      out += '^C\r\nsis> ';
      line = [];
    } else if (byte >= 0x20 && byte <= 0x7e && line.length < MAX_LINE_CHARS) {
      line.push(String.fromCharCode(byte));
      out += line[line.length - 1];
    }
  }
  return out;
}

function feed(kernel: Kernel, chunks: readonly Uint8Array[]): Uint8Array {
  const out: Uint8Array[] = [];
  for (const chunk of chunks) {
    kernel.receive(chunk);
    out.push(kernel.takeOutput());
  }
  return Buffer.concat(out);
}

/** Ctrl-C: the next case starts on an empty line. */
function resetLine(kernel: Kernel): void {
  kernel.receive(Uint8Array.of(CTRL_C));
  kernel.takeOutput();
}

/** The most characters held at once on each input line, read off the echo: `\b \b` takes one back. */
function echoedPerLine(text: string): number[] {
  return text.split('\r\n').map((segment, i) => {
    const echo = segment.slice(segment.lastIndexOf('\n') + 1).slice(i === 0 ? 0 : 'sis> '.length).replace(/\^C$/, '');
    let held = 0;
    let max = 0;
    for (const part of echo.split('\b \b')) {
      held = Math.max(0, held - 1) + part.length;
      max = Math.max(max, held);
    }
    return max;
  });
}

/** The prompt at a line start, after escape sequences (`clear`) if any. */
const PROMPT_LINE = /(^|\n)(\x1b\[[0-?]*[ -/]*[@-~])*sis> /;
const WITHOUT_TASKS = COMMANDS.filter((c) => c.name !== 'stresstest');

// A kernel allocates ~2 MB of heap-model arrays: the properties share kernels (no command here starts
// a task, so only the line buffer and the autoctl/metricsctl switches carry over) and clear the line
// with Ctrl-C after each case.
describe('the line discipline under arbitrary bytes', () => {
  test(
    'a shell without commands: the echo is exactly what §8.3 prescribes, whatever the chunking',
    () => {
      const kernel = bootKernel({ commands: [] });
      fc.assert(
        fc.property(splitStream, ({ bytes, cuts }) => {
          const text = fromLatin1(feed(kernel, chunksOf(bytes, cuts)));
          resetLine(kernel);
          check(text === expectedEcho(bytes), 'echo differs from §8.3', text);
          check(echoedPerLine(text).every((n) => n <= MAX_LINE_CHARS), 'more than 255 characters echoed on one line', text);
        }),
        fuzzParams(),
      );
    },
    fuzzTimeout(1),
  );

  test(
    'the real commands (no test started): 7-bit output, one prompt per CR, LF or Ctrl-C; two kernels fed it whole and in chunks print the same',
    () => {
      const one = bootKernel({ commands: WITHOUT_TASKS });
      const other = bootKernel({ commands: WITHOUT_TASKS });
      fc.assert(
        fc.property(splitStream, ({ bytes, cuts }) => {
          const whole = feed(one, [bytes]);
          const split = feed(other, chunksOf(bytes, cuts));
          resetLine(one);
          resetLine(other);
          check(Buffer.compare(whole, split) === 0, 'the chunking changed the output');
          check(firstNonAscii(whole) < 0, 'a byte >= 0x80 in the output', fromLatin1(whole));
          const text = fromLatin1(whole);
          const ends = bytes.filter((b) => b === CR || b === LF || b === CTRL_C).length;
          const segments = text.split('\r\n');
          check(segments.length - 1 === ends, `expected ${ends} CRLF echoes`, text);
          check(segments.slice(1).every((s) => PROMPT_LINE.test(s)), 'a line ended without a new prompt', text);
        }),
        fuzzParams(),
      );
    },
    fuzzTimeout(1),
  );
});
