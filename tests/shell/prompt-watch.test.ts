import { describe, expect, test } from '@jest/globals';
import { PromptWatch } from '../../shell/prompt-watch.js';

const feed = (watch: PromptWatch, ...chunks: string[]) => {
  for (const chunk of chunks) watch.push(Buffer.from(chunk, 'latin1'));
  return watch.atPrompt;
};

describe('PromptWatch', () => {
  test('a prompt at the start of a line, across chunks', () => {
    expect(feed(new PromptWatch(), 'banner\n\nsis> ')).toBe(true);
    expect(feed(new PromptWatch(), 'banner\nsi', 's', '> ')).toBe(true);
    expect(feed(new PromptWatch(), 'sis> ')).toBe(true);
  });

  test('not a prompt: inside a line, or incomplete', () => {
    expect(feed(new PromptWatch(), 'this sis> is not\n')).toBe(false);
    expect(feed(new PromptWatch(), 'banner\nsis>')).toBe(false);
  });

  test('lines glued behind the prompt keep it ready (real kernel timer noise)', () => {
    expect(feed(new PromptWatch(), 'sis> [TIMER] Timer running silently\n[AUTONOMY] tick\n')).toBe(true);
  });

  test('after a line is sent, only a new prompt makes it ready again', () => {
    const watch = new PromptWatch();
    feed(watch, 'sis> ');
    watch.reset();
    expect(feed(watch, 'help\r\nAvailable commands:\n  help\n')).toBe(false);
    expect(feed(watch, 'sis> ')).toBe(true);
  });

  test('a CR before the prompt (CRLF line ends) is tolerated', () => {
    expect(feed(new PromptWatch(), 'x\r\n\rsis> ')).toBe(true);
  });
});
