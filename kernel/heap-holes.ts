import { MaxTree } from './heap-tree.js';

/* Two hole starts are at least 32 bytes apart (a hole and a live block of >= 16 bytes each lie
 * between them), so address >> 5 gives every hole a slot of its own. */
const SLOT_SHIFT = 5;
/* 128 slots (4 KiB of heap) per page; the page tree has one leaf per page. */
const PAGE_SHIFT = 7;
const WORDS_PER_PAGE = 1 << (PAGE_SHIFT - 5);

/**
 * Finds the lowest-address hole of at least a given size. A max tree over 4 KiB pages says which page
 * holds the first fit; a bitmap of the slots where holes start lists that page's holes in address order.
 */
export class HoleIndex {
  private readonly slots: Int32Array; // per slot: [hole id, size]
  private readonly starts: Int32Array; // bit per slot: a hole starts there
  private readonly pages: MaxTree; // per page: largest hole starting in it

  constructor(totalBytes: number) {
    const slotCount = Math.ceil(totalBytes / 2 ** SLOT_SHIFT);
    const pageCount = Math.ceil(slotCount / 2 ** PAGE_SHIFT);
    this.slots = new Int32Array(2 * slotCount);
    this.starts = new Int32Array(pageCount * WORDS_PER_PAGE);
    this.pages = new MaxTree(pageCount);
  }

  get largest(): number {
    return this.pages.max;
  }

  add(hole: number, addr: number, size: number): void {
    const slot = addr >> SLOT_SHIFT;
    this.slots[2 * slot] = hole;
    this.slots[2 * slot + 1] = size;
    this.starts[slot >> 5] |= 1 << (slot & 31);
    const page = slot >> PAGE_SHIFT;
    if (size > this.pages.get(page)) this.pages.set(page, size);
  }

  remove(addr: number, size: number): void {
    const slot = addr >> SLOT_SHIFT;
    this.starts[slot >> 5] &= ~(1 << (slot & 31));
    const page = slot >> PAGE_SHIFT;
    if (size === this.pages.get(page)) this.pages.set(page, this.pageMax(page));
  }

  /** The hole indexed at (oldAddr, oldSize) now starts at newAddr with newSize. */
  update(hole: number, oldAddr: number, oldSize: number, newAddr: number, newSize: number): void {
    const oldSlot = oldAddr >> SLOT_SHIFT;
    const slot = newAddr >> SLOT_SHIFT;
    const page = slot >> PAGE_SHIFT;
    if (oldSlot >> PAGE_SHIFT !== page) {
      this.remove(oldAddr, oldSize);
      this.add(hole, newAddr, newSize);
      return;
    }
    if (slot !== oldSlot) {
      this.starts[oldSlot >> 5] &= ~(1 << (oldSlot & 31));
      this.starts[slot >> 5] |= 1 << (slot & 31);
      this.slots[2 * slot] = hole;
    }
    this.slots[2 * slot + 1] = newSize;
    const pageMax = this.pages.get(page);
    if (newSize > pageMax) this.pages.set(page, newSize);
    else if (oldSize === pageMax && newSize < oldSize) this.pages.set(page, this.pageMax(page));
  }

  /** The lowest-address hole of at least `size` bytes, or -1. */
  findFirst(size: number): number {
    const page = this.pages.findFirst(size);
    if (page < 0) return -1;
    const slots = this.slots;
    for (let w = page * WORDS_PER_PAGE; w < (page + 1) * WORDS_PER_PAGE; w++) {
      for (let bits = this.starts[w]!; bits !== 0; bits &= bits - 1) {
        const slot = (w << 5) + 31 - Math.clz32(bits & -bits);
        if (slots[2 * slot + 1]! >= size) return slots[2 * slot]!;
      }
    }
    throw new Error('heap hole index out of step with its page tree');
  }

  clear(): void {
    this.starts.fill(0);
    this.pages.clear();
  }

  private pageMax(page: number): number {
    let m = 0;
    for (let w = page * WORDS_PER_PAGE; w < (page + 1) * WORDS_PER_PAGE; w++) {
      for (let bits = this.starts[w]!; bits !== 0; bits &= bits - 1) {
        const slot = (w << 5) + 31 - Math.clz32(bits & -bits);
        m = Math.max(m, this.slots[2 * slot + 1]!);
      }
    }
    return m;
  }
}
