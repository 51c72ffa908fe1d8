import { HoleIndex } from './holes.js';
import { HOLE, LIVE, SegmentTable } from './segments.js';
import { slideUp } from './slide.js';
import type { CompactOptions, CompactResult, HeapOptions, HeapSegment } from './types.js';

export type { CompactOptions, CompactResult, HeapOptions, HeapSegment } from './types.js';

const MIN_BLOCK = 16;

/**
 * An arena allocator in the manner of linked_list_allocator: first fit over the address-ordered
 * holes, blocks carved from the front of a hole, holes coalesced with both neighbours on free.
 * Requests round up to a multiple of 8, at least 16 bytes. A hole that would be left with less than
 * 16 bytes (too small to track) is handed out whole. Blocks are named by handles, not addresses,
 * so that `compact` can move them.
 */
export class Heap {
  readonly totalBytes: number;
  private readonly segments: SegmentTable;
  private readonly holeIndex: HoleIndex;
  private readonly idBits: number;
  private readonly idMask: number;
  private readonly genMask: number;
  private allocated = 0;
  private live = 0;
  private holes = 0;

  constructor(options: HeapOptions = {}) {
    const total = options.sizeBytes ?? 8 * 1024 * 1024;
    if (!Number.isInteger(total) || total < 32 || total > 2 ** 30 || total % 8 !== 0) {
      throw new RangeError(`heap size must be a multiple of 8 from 32 to 2^30 bytes, got ${total}`);
    }
    this.totalBytes = total;
    const maxSegments = Math.floor(total / MIN_BLOCK);
    this.idBits = Math.max(1, Math.ceil(Math.log2(maxSegments)));
    this.idMask = 2 ** this.idBits - 1;
    this.genMask = 2 ** (31 - this.idBits) - 1;
    this.segments = new SegmentTable(maxSegments);
    this.holeIndex = new HoleIndex(total, this.segments);
    this.reset();
  }

  get allocatedBytes(): number {
    return this.allocated;
  }
  get freeBytes(): number {
    return this.totalBytes - this.allocated;
  }
  get liveBlocks(): number {
    return this.live;
  }
  get freeBlockCount(): number {
    return this.holes;
  }
  get largestFreeBlock(): number {
    return this.holeIndex.largest;
  }

  /** floor(100 × (1 − largest free block / free bytes)); 0 when nothing is free. */
  fragmentationPct(): number {
    const free = this.totalBytes - this.allocated;
    return free === 0 ? 0 : Math.floor((100 * (free - this.holeIndex.largest)) / free);
  }

  /** Reference §2.0: min(100, 100 − floor(free × 100 / total)). */
  pressurePct(): number {
    const free = this.totalBytes - this.allocated;
    return Math.min(100, 100 - Math.floor((free * 100) / this.totalBytes));
  }

  /** A handle ≥ 0, or -1 when no hole is large enough. */
  alloc(size: number): number {
    if (!(Number.isInteger(size) && size >= 0)) throw new RangeError(`allocation size must be a non-negative integer, got ${size}`);
    if (size > this.totalBytes) return -1;
    let need = size <= MIN_BLOCK ? MIN_BLOCK : (size + 7) & ~7;
    const hole = this.holeIndex.findFirst(need);
    if (hole < 0) return -1;
    const seg = this.segments;
    const holeAddr = seg.addr[hole]!;
    const holeSize = seg.size[hole]!;
    let id: number;
    if (holeSize - need < MIN_BLOCK) {
      need = holeSize;
      id = hole;
      seg.state[id] = LIVE;
      this.holeIndex.remove(hole, holeAddr, holeSize);
      this.holes--;
    } else {
      id = seg.create(LIVE, holeAddr, need);
      seg.insertBefore(id, hole);
      seg.addr[hole] = holeAddr + need;
      seg.size[hole] = holeSize - need;
      this.holeIndex.update(hole, holeAddr, holeSize, holeAddr + need, holeSize - need);
    }
    const gen = (seg.gen[id]! + 1) & this.genMask;
    seg.gen[id] = gen;
    this.allocated += need;
    this.live++;
    return (gen << this.idBits) | id; // gen < 2^(31 - idBits): a non-negative int32
  }

  /** Frees the block; returns its size in bytes (as `sizeOf` gave it). */
  free(handle: number): number {
    const id = this.segmentOf(handle);
    const seg = this.segments;
    const { addr, size: sizes, state } = seg;
    const size = sizes[id]!;
    this.allocated -= size;
    this.live--;
    const p = seg.prev[id]!;
    const q = seg.next[id]!;
    let merged = size;
    if (q >= 0 && state[q] === HOLE) {
      this.holeIndex.remove(q, addr[q]!, sizes[q]!);
      merged += sizes[q]!;
      seg.unlink(q);
      seg.release(q);
      this.holes--;
    }
    if (p >= 0 && state[p] === HOLE) {
      const before = sizes[p]!;
      sizes[p] = before + merged;
      seg.unlink(id);
      seg.release(id);
      this.holeIndex.update(p, addr[p]!, before, addr[p]!, before + merged);
    } else {
      state[id] = HOLE;
      sizes[id] = merged;
      this.holes++;
      this.holeIndex.add(id, addr[id]!, merged);
    }
    return size;
  }

  isLive(handle: number): boolean {
    return this.lookup(handle) >= 0;
  }

  addressOf(handle: number): number {
    return this.segments.addr[this.segmentOf(handle)]!;
  }

  sizeOf(handle: number): number {
    return this.segments.size[this.segmentOf(handle)]!;
  }

  /**
   * Slides live blocks down into the lowest hole, one at a time: the hole moves up past each block
   * and absorbs the hole it meets. Without a limit this leaves a single hole at the top.
   */
  compact(options: CompactOptions = {}): CompactResult {
    const limit = options.maxMoves ?? Number.POSITIVE_INFINITY;
    if (!(limit >= 0)) throw new RangeError(`maxMoves must be non-negative, got ${limit}`);
    const hole = this.holeIndex.findFirst(1);
    if (hole < 0 || limit === 0) return { movedBlocks: 0, movedBytes: 0, freedHoles: 0 };
    const seg = this.segments;
    this.holeIndex.remove(hole, seg.addr[hole]!, seg.size[hole]!);
    const result = slideUp(seg, this.holeIndex, hole, limit);
    this.holes -= result.freedHoles;
    this.holeIndex.add(hole, seg.addr[hole]!, seg.size[hole]!);
    return result;
  }

  /** Everything free again; every handle issued so far becomes invalid. */
  reset(): void {
    const seg = this.segments;
    seg.clear();
    this.holeIndex.clear();
    const hole = seg.create(HOLE, 0, this.totalBytes);
    seg.link(-1, hole);
    seg.link(hole, -1);
    this.holeIndex.add(hole, 0, this.totalBytes);
    this.allocated = 0;
    this.live = 0;
    this.holes = 1;
  }

  /** All segments in address order (for inspection and tests; allocates). */
  segmentList(): HeapSegment[] {
    const seg = this.segments;
    const out: HeapSegment[] = [];
    for (let id = seg.head; id >= 0; id = seg.next[id]!) {
      const free = seg.state[id] === HOLE;
      const handle = free ? -1 : (seg.gen[id]! << this.idBits) | id;
      out.push({ address: seg.addr[id]!, size: seg.size[id]!, free, handle });
    }
    return out;
  }

  private lookup(handle: number): number {
    if (!(Number.isInteger(handle) && handle >= 0 && handle <= 0x7fffffff)) return -1;
    const id = handle & this.idMask;
    const seg = this.segments;
    if (id >= seg.capacity || seg.state[id] !== LIVE || seg.gen[id] !== handle >>> this.idBits) return -1;
    return id;
  }

  private segmentOf(handle: number): number {
    const id = this.lookup(handle);
    if (id < 0) throw new Error(`heap: unknown or freed handle ${handle}`);
    return id;
  }
}
