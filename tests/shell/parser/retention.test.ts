import { expect, test } from '@jest/globals';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createOutputParser } from '../../../shell/parser/index.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

test('parsed chaos events keep nothing of the reads they came in once dropped', () => {
  const parser = createOutputParser();
  gc();
  const before = process.memoryUsage().heapUsed;
  // 256 reads of 64 KiB, each with a [CHAOS] event of a name not seen before.
  for (let i = 0; i < 256; i++) parser.pushText(`[CHAOS] Event name number ${i} (5ms)\r\n${'x'.repeat(64 * 1024)}\r\n`);
  parser.end();
  gc();
  // 16 MiB went through; what stays is the parser's own few kilobytes.
  expect(process.memoryUsage().heapUsed - before).toBeLessThan(4 * 1024 * 1024);
});
