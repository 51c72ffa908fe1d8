export const UNUSED = 0;
export const LIVE = 1;
export const HOLE = 2;

/**
 * The heap's segments (live blocks and holes) as an address-ordered doubly linked list, one typed
 * array per field, indexed by segment id: `addr[id]` and `size[id]` in bytes, `prev[id]` and
 * `next[id]` the neighbours in address order (-1 at the ends), `state[id]` UNUSED, LIVE or HOLE,
 * `gen[id]` how often the id became live, so stale handles can be told apart (it survives
 * `clear()` on purpose). Ids are recycled through a stack; the arrays double when they fill, up to
 * `maxSegments`, so a caller holding one of them must read it again after `create`.
 */
export class SegmentTable {
  head = -1;
  addr: Int32Array;
  size: Int32Array;
  prev: Int32Array;
  next: Int32Array;
  state: Int32Array;
  gen: Int32Array;
  private spare: Int32Array;
  private spareTop = 0;
  private fresh = 0;

  constructor(private readonly maxSegments: number) {
    // The memory test holds a few thousand segments: start at 8192 so that a run does not copy the
    // table, and fault in fresh pages, while it grows.
    const capacity = Math.min(maxSegments, 8192);
    this.addr = new Int32Array(capacity);
    this.size = new Int32Array(capacity);
    this.prev = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
    this.state = new Int32Array(capacity);
    this.gen = new Int32Array(capacity);
    this.spare = new Int32Array(capacity);
  }

  get capacity(): number {
    return this.spare.length;
  }

  create(state: number, addr: number, size: number): number {
    let id: number;
    if (this.spareTop > 0) id = this.spare[--this.spareTop]!;
    else {
      if (this.fresh === this.spare.length) this.grow();
      id = this.fresh++;
    }
    this.state[id] = state;
    this.addr[id] = addr;
    this.size[id] = size;
    return id;
  }

  release(id: number): void {
    this.state[id] = UNUSED;
    this.spare[this.spareTop++] = id;
  }

  unlink(id: number): void {
    const p = this.prev[id]!;
    const q = this.next[id]!;
    if (p >= 0) this.next[p] = q;
    else this.head = q;
    if (q >= 0) this.prev[q] = p;
  }

  insertBefore(id: number, before: number): void {
    this.link(this.prev[before]!, id);
    this.link(id, before);
  }

  /** Swaps `id` with the segment after it in address order (the caller fixes addresses). */
  swapWithNext(id: number): void {
    const other = this.next[id]!;
    const p = this.prev[id]!;
    const q = this.next[other]!;
    this.link(p, other);
    this.link(other, id);
    this.link(id, q);
  }

  /** Makes `b` follow `a`; -1 on either side stands for the ends of the list. */
  link(a: number, b: number): void {
    if (a >= 0) this.next[a] = b;
    else this.head = b;
    if (b >= 0) this.prev[b] = a;
  }

  /** Forgets every segment; generations are kept. */
  clear(): void {
    this.state.fill(UNUSED, 0, this.fresh);
    this.spareTop = 0;
    this.fresh = 0;
    this.head = -1;
  }

  private grow(): void {
    const capacity = Math.min(this.maxSegments, this.spare.length * 2);
    if (capacity === this.spare.length) throw new Error('heap segment table exhausted');
    this.addr = grown(this.addr, capacity);
    this.size = grown(this.size, capacity);
    this.prev = grown(this.prev, capacity);
    this.next = grown(this.next, capacity);
    this.state = grown(this.state, capacity);
    this.gen = grown(this.gen, capacity);
    this.spare = new Int32Array(capacity);
  }
}

function grown(old: Int32Array, capacity: number): Int32Array {
  const next = new Int32Array(capacity);
  next.set(old);
  return next;
}
