import type { Heap } from '../../heap/heap.js';

/** Heap handles in allocation order: a deque that drops from either end in O(1). */
export class BlockList {
  private items: number[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(handle: number): void {
    this.items.push(handle);
  }

  /** The newest handle, or -1 when empty. */
  pop(): number {
    if (this.length === 0) return -1;
    const handle = this.items.pop()!;
    if (this.length === 0) this.clear();
    return handle;
  }

  /** The oldest handle, or -1 when empty. */
  shift(): number {
    if (this.length === 0) return -1;
    const handle = this.items[this.head++]!;
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return handle;
  }

  /** Frees every block and empties the list. */
  freeAll(heap: Heap): void {
    for (let i = this.head; i < this.items.length; i++) heap.free(this.items[i]!);
    this.clear();
  }

  private clear(): void {
    this.items = [];
    this.head = 0;
  }
}
