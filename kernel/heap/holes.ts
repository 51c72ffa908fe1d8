import { HOLE, type SegmentTable } from './segments.js';
import { MaxTree } from './tree.js';

/* 8 KiB pages (1024 for the 8 MiB heap); the page tree has one leaf per page. */
const PAGE_SHIFT = 13;

/**
 * Finds the lowest-address hole of at least a given size. A max tree over 8 KiB pages says which page
 * holds the first fit; each page remembers its lowest hole, and the page's other holes follow it in
 * the segment list. Everything it keeps is per page (a few KiB for an 8 MiB heap), so it stays in
 * cache; the segments it walks are the ones the allocator touches anyway.
 */
export class HoleIndex {
  private readonly first: Int32Array; // per page: id of the lowest hole starting in it, or -1
  private readonly pages: MaxTree; // per page: largest hole starting in it

  constructor(
    totalBytes: number,
    private readonly seg: SegmentTable,
  ) {
    const pageCount = Math.ceil(totalBytes / 2 ** PAGE_SHIFT);
    this.first = new Int32Array(pageCount).fill(-1);
    this.pages = new MaxTree(pageCount);
  }

  get largest(): number {
    return this.pages.max;
  }

  add(hole: number, addr: number, size: number): void {
    const page = addr >> PAGE_SHIFT;
    const lowest = this.first[page]!;
    if (lowest < 0 || addr < this.seg.addr[lowest]!) this.first[page] = hole;
    if (size > this.pages.get(page)) this.pages.set(page, size);
  }

  /** Drops `hole`, indexed at (addr, size); the segment list after it must still be intact. */
  remove(hole: number, addr: number, size: number): void {
    const page = addr >> PAGE_SHIFT;
    if (this.first[page] === hole) this.first[page] = this.holeAfter(hole, page);
    if (size === this.pages.get(page)) this.pages.set(page, this.pageMax(page, hole));
  }

  /** The hole indexed at (oldAddr, oldSize) now starts at newAddr with newSize (already in the segment table). */
  update(hole: number, oldAddr: number, oldSize: number, newAddr: number, newSize: number): void {
    const page = newAddr >> PAGE_SHIFT;
    if (oldAddr >> PAGE_SHIFT !== page) {
      this.remove(hole, oldAddr, oldSize);
      this.add(hole, newAddr, newSize);
      return;
    }
    // Within its page a hole only shrinks from the front or grows, so it stays the page's lowest if it was.
    const pageMax = this.pages.get(page);
    if (newSize > pageMax) this.pages.set(page, newSize);
    else if (oldSize === pageMax && newSize < oldSize) this.pages.set(page, this.pageMax(page, -1));
  }

  /** The lowest-address hole of at least `size` bytes, or -1. */
  findFirst(size: number): number {
    const page = this.pages.findFirst(size);
    if (page < 0) return -1;
    const { addr, size: sizes, next, state } = this.seg;
    const end = (page + 1) << PAGE_SHIFT;
    for (let id = this.first[page]!; id >= 0 && addr[id]! < end; id = next[id]!) {
      if (state[id] === HOLE && sizes[id]! >= size) return id;
    }
    throw new Error('heap hole index out of step with its page tree');
  }

  clear(): void {
    this.first.fill(-1);
    this.pages.clear();
  }

  /** The next hole after `id` that starts in `page`, or -1. */
  private holeAfter(id: number, page: number): number {
    const { addr, next, state } = this.seg;
    const end = (page + 1) << PAGE_SHIFT;
    for (let after = next[id]!; after >= 0 && addr[after]! < end; after = next[after]!) {
      if (state[after] === HOLE) return after;
    }
    return -1;
  }

  /** Largest hole starting in `page`, `except` left out. */
  private pageMax(page: number, except: number): number {
    const { addr, size: sizes, next, state } = this.seg;
    const end = (page + 1) << PAGE_SHIFT;
    let m = 0;
    for (let id = this.first[page]!; id >= 0 && addr[id]! < end; id = next[id]!) {
      if (id !== except && state[id] === HOLE) {
        const size = sizes[id]!;
        if (size > m) m = size;
      }
    }
    return m;
  }
}
