export const UNUSED = 0;
export const LIVE = 1;
export const HOLE = 2;

/* Fields of a segment record; a record is 8 int32 (32 bytes) so that one cache line holds two. */
const ADDR = 0;
const SIZE = 1;
const PREV = 2;
const NEXT = 3;
const STATE = 4;
const GEN = 5;
const STRIDE_SHIFT = 3;

/**
 * The heap's segments (live blocks and holes) as an address-ordered doubly linked list of records
 * in one typed array, indexed by segment id. Ids are recycled through a stack; the array doubles
 * when it fills, up to `maxSegments` records. `gen` counts how often an id became live, so stale
 * handles can be told apart; it survives `clear()` on purpose.
 */
export class SegmentTable {
  head = -1;
  private data: Int32Array;
  private spare: Int32Array;
  private spareTop = 0;
  private fresh = 0;

  constructor(private readonly maxSegments: number) {
    // The memory test holds a few thousand segments: start at 8192 (256 KiB) so that a run does not
    // copy the table, and fault in fresh pages, while it grows.
    const capacity = Math.min(maxSegments, 8192);
    this.data = new Int32Array(capacity << STRIDE_SHIFT);
    this.spare = new Int32Array(capacity);
  }

  get capacity(): number {
    return this.spare.length;
  }

  addr(id: number): number {
    return this.data[(id << STRIDE_SHIFT) + ADDR]!;
  }
  size(id: number): number {
    return this.data[(id << STRIDE_SHIFT) + SIZE]!;
  }
  prev(id: number): number {
    return this.data[(id << STRIDE_SHIFT) + PREV]!;
  }
  next(id: number): number {
    return this.data[(id << STRIDE_SHIFT) + NEXT]!;
  }
  state(id: number): number {
    return this.data[(id << STRIDE_SHIFT) + STATE]!;
  }
  gen(id: number): number {
    return this.data[(id << STRIDE_SHIFT) + GEN]!;
  }
  setAddr(id: number, addr: number): void {
    this.data[(id << STRIDE_SHIFT) + ADDR] = addr;
  }
  setSize(id: number, size: number): void {
    this.data[(id << STRIDE_SHIFT) + SIZE] = size;
  }
  setState(id: number, state: number): void {
    this.data[(id << STRIDE_SHIFT) + STATE] = state;
  }
  setGen(id: number, gen: number): void {
    this.data[(id << STRIDE_SHIFT) + GEN] = gen;
  }

  create(state: number, addr: number, size: number): number {
    let id: number;
    if (this.spareTop > 0) id = this.spare[--this.spareTop]!;
    else {
      if (this.fresh === this.spare.length) this.grow();
      id = this.fresh++;
    }
    const at = id << STRIDE_SHIFT;
    this.data[at + STATE] = state;
    this.data[at + ADDR] = addr;
    this.data[at + SIZE] = size;
    return id;
  }

  release(id: number): void {
    this.data[(id << STRIDE_SHIFT) + STATE] = UNUSED;
    this.spare[this.spareTop++] = id;
  }

  unlink(id: number): void {
    const p = this.prev(id);
    const q = this.next(id);
    if (p >= 0) this.data[(p << STRIDE_SHIFT) + NEXT] = q;
    else this.head = q;
    if (q >= 0) this.data[(q << STRIDE_SHIFT) + PREV] = p;
  }

  insertBefore(id: number, before: number): void {
    const p = this.prev(before);
    this.link(p, id);
    this.link(id, before);
  }

  /** Swaps `id` with the segment after it in address order (the caller fixes addresses). */
  swapWithNext(id: number): void {
    const other = this.next(id);
    const p = this.prev(id);
    const q = this.next(other);
    this.link(p, other);
    this.link(other, id);
    this.link(id, q);
  }

  /** Makes `b` follow `a`; -1 on either side stands for the ends of the list. */
  link(a: number, b: number): void {
    if (a >= 0) this.data[(a << STRIDE_SHIFT) + NEXT] = b;
    else this.head = b;
    if (b >= 0) this.data[(b << STRIDE_SHIFT) + PREV] = a;
  }

  /** Forgets every segment; generations are kept. */
  clear(): void {
    for (let id = 0; id < this.fresh; id++) this.data[(id << STRIDE_SHIFT) + STATE] = UNUSED;
    this.spareTop = 0;
    this.fresh = 0;
    this.head = -1;
  }

  private grow(): void {
    const capacity = Math.min(this.maxSegments, this.spare.length * 2);
    if (capacity === this.spare.length) throw new Error('heap segment table exhausted');
    const data = new Int32Array(capacity << STRIDE_SHIFT);
    data.set(this.data);
    this.data = data;
    this.spare = new Int32Array(capacity);
  }
}
