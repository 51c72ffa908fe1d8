import { describe, expect, test } from '@jest/globals';
import { Scrollback } from '../../../shell/tui/scrollback.js';
import { createManualClock } from '../../../uart/index.js';

describe("a flood's text on its way to the terminal", () => {
  test('reaches the writer in pieces of at most 32 KiB and a read, which join to the text in order', () => {
    const writes: Array<string | readonly string[]> = [];
    const sb = new Scrollback({ clock: createManualClock(), rows: () => 24 });
    sb.setWriter((text) => void writes.push(text));
    const lines = Array.from({ length: 4000 }, (_, i) => `[CHAOS] Network partition (${i}ms) \x1b[31mFAILED\x1b[0m\r\n`);
    const text = lines.join('');
    for (let at = 0; at < text.length; at += 4096) sb.push(new Uint8Array(Buffer.from(text.slice(at, at + 4096), 'latin1')));
    sb.flush();
    expect(writes).toHaveLength(1);
    const pieces = writes[0]!;
    expect(Array.isArray(pieces)).toBe(true);
    expect(pieces.length).toBeGreaterThan(4);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(32 * 1024 + 4096);
    expect((pieces as readonly string[]).join('')).toBe(text.replace(/\r/g, ''));
  });

  test('a few lines are still one string', () => {
    const writes: Array<string | readonly string[]> = [];
    const sb = new Scrollback({ clock: createManualClock(), rows: () => 24 });
    sb.setWriter((text) => void writes.push(text));
    sb.push(new Uint8Array(Buffer.from('one\r\ntwo\r\n', 'latin1')));
    sb.flush();
    expect(writes).toEqual(['one\ntwo\n']);
  });
});
