import type { HoleIndex } from './holes.js';
import { HOLE, type SegmentTable } from './segments.js';
import type { CompactResult } from './types.js';

/**
 * Compaction's loop: slides the live blocks after `hole` (already out of the index) down one at a
 * time, at most `limit` of them; the hole moves up past each block and absorbs, and drops from the
 * index, the hole it meets. A function of its own: code optimised while the loop runs has seen
 * nothing after it, and property reads there would throw each compaction back to the interpreter.
 */
export function slideUp(seg: SegmentTable, holeIndex: HoleIndex, hole: number, limit: number): CompactResult {
  const { addr, size: sizes, next, state } = seg;
  let movedBlocks = 0;
  let movedBytes = 0;
  let freedHoles = 0;
  while (movedBlocks < limit) {
    const block = next[hole]!;
    if (block < 0) break;
    const size = sizes[block]!;
    addr[block] = addr[hole]!;
    addr[hole] = addr[hole]! + size;
    seg.swapWithNext(hole);
    movedBlocks++;
    movedBytes += size;
    const after = next[hole]!;
    if (after >= 0 && state[after] === HOLE) {
      holeIndex.remove(after, addr[after]!, sizes[after]!);
      sizes[hole] = sizes[hole]! + sizes[after]!;
      seg.unlink(after);
      seg.release(after);
      freedHoles++;
    }
  }
  return { movedBlocks, movedBytes, freedHoles };
}
