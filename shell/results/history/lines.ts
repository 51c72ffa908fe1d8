import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';

/** Bytes read at a time, from the front or from the back. */
const BLOCK = 64 * 1024;

/** Calls `onLine` with each line of the file, first to last, reading it a block at a time. */
export async function forEachLine(path: string, onLine: (line: string) => void | Promise<void>): Promise<void> {
  const stream = createReadStream(path, { highWaterMark: BLOCK });
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const data = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = data.indexOf(0x0a); nl >= 0; nl = data.indexOf(0x0a, start)) {
      await onLine(data.toString('utf8', start, nl));
      start = nl + 1;
    }
    rest = data.subarray(start);
  }
  if (rest.length > 0) await onLine(rest.toString('utf8'));
}

/**
 * Calls `onLine` with each line of the file, last to first, reading blocks from the end, until it
 * returns false: the last few lines of a large file cost a block or two, not the whole file.
 */
export function forEachLineBackward(path: string, onLine: (line: string) => boolean, block = BLOCK): void {
  const fd = openSync(path, 'r');
  try {
    let position = fstatSync(fd).size;
    // The later bytes of the line being put together, in order (a line may span blocks).
    let carry: Buffer[] = [];
    // A line end as the file's last byte ends the last line; it does not start an empty one.
    let atEnd = true;
    while (position > 0) {
      const size = Math.min(block, position);
      position -= size;
      const data = Buffer.alloc(size);
      readSync(fd, data, 0, size, position);
      let end = size;
      let nl = data.lastIndexOf(0x0a, end - 1);
      while (nl >= 0) {
        const line = Buffer.concat([data.subarray(nl + 1, end), ...carry]);
        carry = [];
        if (!(atEnd && line.length === 0) && !onLine(line.toString('utf8'))) return;
        atEnd = false;
        end = nl;
        nl = nl > 0 ? data.lastIndexOf(0x0a, nl - 1) : -1;
      }
      carry = [data.subarray(0, end), ...carry];
    }
    const line = Buffer.concat(carry);
    if (line.length > 0) onLine(line.toString('utf8'));
  } finally {
    closeSync(fd);
  }
}
