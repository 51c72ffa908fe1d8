import type { Heap } from '../heap/heap.js';

/**
 * The memory test's held blocks, oldest first (the real test's `Vec`): heap handles in a typed array
 * window `[head, head + len)`, so freeing from the front is a step of `head` and removing at an index
 * is one memmove of the shorter side. Every removal frees the block on the heap.
 */
export class BlockList {
  private buf = new Int32Array(8192);
  private head = 0;
  private len = 0;

  constructor(private readonly heap: Heap) {}

  get length(): number {
    return this.len;
  }

  push(handle: number): void {
    if (this.head + this.len === this.buf.length) this.makeRoom();
    this.buf[this.head + this.len++] = handle;
  }

  /** Frees the `n` oldest blocks (fewer if fewer are held); returns the bytes freed. */
  dropFront(n: number): number {
    let bytes = 0;
    for (let k = Math.min(n, this.len); k > 0; k--) {
      bytes += this.release(this.buf[this.head++]!);
      this.len--;
    }
    if (this.len === 0) this.head = 0;
    return bytes;
  }

  /** `truncate(keep)`: frees the newest blocks beyond the first `keep`; returns the bytes freed. */
  truncate(keep: number): number {
    let bytes = 0;
    while (this.len > keep) bytes += this.release(this.buf[this.head + --this.len]!);
    return bytes;
  }

  /** `remove(index)`: frees one block and closes the gap from the nearer end; returns its bytes. */
  removeAt(index: number): number {
    const at = this.head + index;
    const bytes = this.release(this.buf[at]!);
    if (index < this.len >> 1) {
      this.buf.copyWithin(this.head + 1, this.head, at);
      this.head++;
    } else {
      this.buf.copyWithin(at, at + 1, this.head + this.len);
    }
    this.len--;
    return bytes;
  }

  /** Frees the oldest blocks until heap pressure is at most `pct`; returns [blocks, bytes] freed. */
  dropUntilPressure(pct: number): [number, number] {
    let blocks = 0;
    let bytes = 0;
    while (this.len > 0 && this.heap.pressurePct() > pct) {
      bytes += this.dropFront(1);
      blocks++;
    }
    return [blocks, bytes];
  }

  clear(): void {
    this.truncate(0);
    this.head = 0;
  }

  private release(handle: number): number {
    return this.heap.free(handle);
  }

  /** Slides the window to the start, or doubles the array when it is more than half full. */
  private makeRoom(): void {
    if (this.len * 2 > this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      next.set(this.buf.subarray(this.head, this.head + this.len));
      this.buf = next;
    } else {
      this.buf.copyWithin(0, this.head, this.head + this.len);
    }
    this.head = 0;
  }
}
