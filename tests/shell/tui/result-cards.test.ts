import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createOutputParser } from '../../../shell/parser/index.js';
import { createCardWriter } from '../../../shell/tui/result-cards.js';
import { Scrollback } from '../../../shell/tui/scrollback.js';
import { createManualClock } from '../../../uart/index.js';
import { screenText } from './screen-text.js';

const transcript = readFileSync(new URL('../../fixtures/conformance/model-compare.txt', import.meta.url), 'latin1');

/** Card writer into a scrollback that keeps what it writes; the events come from the real parser. */
function cards() {
  const written: string[] = [];
  const scrollback = new Scrollback({ clock: createManualClock() });
  scrollback.setWriter((text) => written.push(screenText(text)));
  const write = createCardWriter({ scrollback, width: () => 100 });
  const parser = createOutputParser();
  const titles = (): string[] => {
    scrollback.flush();
    return written.join('').split('\n').filter((line) => line.includes('Comparative results'));
  };
  return {
    write,
    feed: (text: string) => {
      for (const event of parser.push(new Uint8Array(Buffer.from(text, 'latin1')))) write({ type: 'parsed', event, command: null });
    },
    titles,
  };
}

describe('result cards on a shared line', () => {
  test("a compare typed by another client is titled by its own echo, not by this console's last command", () => {
    const c = cards();
    const second = transcript.indexOf('sis> stresstest compare multi');
    c.write({ type: 'command-sent', command: { id: 1, line: 'stresstest compare memory --duration 1000 --seed 77' } });
    c.feed(transcript.slice(0, second));
    // The second compare was never sent from here: only its echo arrives.
    c.feed(transcript.slice(second));
    const titles = c.titles();
    expect(titles).toHaveLength(2);
    expect(titles[0]).toMatch(/Comparative results · memory/);
    expect(titles[1]).toMatch(/Comparative results · multi/);
  });
});
