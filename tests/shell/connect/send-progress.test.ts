import { expect, test } from '@jest/globals';
import { sendProgressLines } from '../../../shell/connect/send-progress.js';

test('a line at most once a second of transfer, none at the end: the "sent" line says that', () => {
  let nowMs = 5000;
  const lines: string[] = [];
  const progress = sendProgressLines('fw.bin by xmodem', 4000, { now: () => nowMs }, (line) => lines.push(line));
  const at = (ms: number, sent: number): void => {
    nowMs = 5000 + ms;
    progress(sent);
  };
  at(400, 128);
  at(999, 1024);
  at(1000, 1152);
  at(1500, 1920);
  at(2100, 2688);
  at(3200, 3968);
  at(4400, 4000);
  expect(lines).toEqual([
    'sending fw.bin by xmodem: 28% (1152 of 4000 bytes)',
    'sending fw.bin by xmodem: 67% (2688 of 4000 bytes)',
    'sending fw.bin by xmodem: 99% (3968 of 4000 bytes)',
  ]);
});

test('a transfer shorter than a second says nothing until its end', () => {
  let nowMs = 0;
  const lines: string[] = [];
  const progress = sendProgressLines('setup.txt', 12, { now: () => nowMs }, (line) => lines.push(line));
  for (const [ms, sent] of [[10, 4], [20, 8], [30, 12]] as const) {
    nowMs = ms;
    progress(sent);
  }
  expect(lines).toEqual([]);
});
