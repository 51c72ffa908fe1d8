import { expect, test } from '@jest/globals';
import fc from 'fast-check';
import { createManualClock } from '../../../uart/index.js';
import { DeviceText } from '../../../shell/tui/device-text.js';
import { Scrollback } from '../../../shell/tui/scrollback.js';

const PIECES = ['abc', ' ', '\r', '\n', '\r\n', '\b', 'METRIC x=1', 'é', '\x1b[31m', '\x1b[0m', '\x1b[2J\x1b[H', '\x07'];
const encoder = new TextEncoder();

/** Everything the device text hands on (lines ended by `\n`, clears as `<clear>`), read in `chunks`. */
function handedOn(chunks: readonly string[], blocks: boolean): string {
  let out = '';
  const text = new DeviceText({
    line: (line) => void (out += `${line}\n`),
    ...(blocks && { lines: (block: string) => ((out += block), true) }),
    cleared: () => void (out += '<clear>'),
    bell: () => undefined,
  });
  for (const chunk of chunks) text.push([encoder.encode(chunk)], 0, false);
  text.finish();
  return out;
}

test('a read taken as one block of lines gives exactly the lines it would give one by one, however it is cut', () => {
  fc.assert(
    fc.property(fc.array(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((p) => p.join('')), { maxLength: 8 }), (chunks) => {
      expect(handedOn(chunks, true)).toBe(handedOn(chunks, false));
    }),
    { numRuns: 400 },
  );
});

test('the scrollback writes a CR LF flood as lines, and still hides METRIC lines and applies backspaces among them', () => {
  const clock = createManualClock();
  let written = '';
  const sb = new Scrollback({ clock });
  sb.setWriter((text) => void (written += text));
  sb.push(encoder.encode('one\r\ntwo\r\nMETRIC cpu=5\r\nthree\r\nab\bc\r\nsis> '));
  sb.flush();
  expect(written).toBe('one\ntwo\nthree\nac\n');
  expect(sb.tail).toBe('sis> ');
});
