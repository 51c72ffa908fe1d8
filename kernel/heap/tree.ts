/**
 * Max segment tree over a fixed number of leaves: point updates and "leftmost leaf holding at least
 * v", both O(log leaves). Kept small (one leaf per heap page) so that it stays in the L1 cache.
 *
 * Two shortcuts keep it off the allocator's path. A fall (the allocator carving the front of a
 * page's largest hole) is written to the leaf only, and the leaf noted as stale: its ancestors are
 * then too high, but still bounds, until a walk from the root or `max` settles them, so repeated
 * falls on one leaf cost one walk. And searches mostly land on the leaf the previous one found (the
 * allocator fills a page before it moves on), so the tree keeps that leaf and a bound on the leaves
 * left of it: when the bound is below v and the leaf holds v, it is the answer without a walk.
 */
export class MaxTree {
  private readonly tree: Int32Array; // 1-based heap layout; leaf i lives at base + i
  private readonly base: number;
  private readonly stale: Int32Array; // leaves that fell since the last settle, each once
  private readonly isStale: Uint8Array;
  private staleCount = 0;
  private finger = 0; // the leaf the last walk from the root found
  private belowFinger = 0; // at least the largest value of the leaves left of `finger`

  constructor(leaves: number) {
    let base = 1;
    while (base < leaves) base *= 2;
    this.base = base;
    this.tree = new Int32Array(2 * base);
    this.stale = new Int32Array(base);
    this.isStale = new Uint8Array(base);
  }

  /** Largest leaf value (0 when all are empty). */
  get max(): number {
    if (this.staleCount > 0) this.settle();
    return this.tree[1]!;
  }

  get(leaf: number): number {
    return this.tree[this.base + leaf]!;
  }

  set(leaf: number, value: number): void {
    const tree = this.tree;
    let i = this.base + leaf;
    const old = tree[i]!;
    tree[i] = value;
    if (leaf < this.finger && value > this.belowFinger) this.belowFinger = value;
    if (value > old) {
      // A rise is copied up until an ancestor is already at least as large.
      for (i >>= 1; i > 0 && tree[i]! < value; i >>= 1) tree[i] = value;
    } else if (value < old && this.isStale[leaf] === 0) {
      this.isStale[leaf] = 1;
      this.stale[this.staleCount++] = leaf;
    }
  }

  /** Leftmost leaf whose value is at least `min`, or -1. */
  findFirst(min: number): number {
    const tree = this.tree;
    const base = this.base;
    if (this.belowFinger < min && tree[base + this.finger]! >= min) return this.finger;
    if (this.staleCount > 0) this.settle();
    if (tree[1]! < min) return -1;
    let i = 1;
    let skipped = 0; // the largest left child stepped over: the largest leaf left of the answer
    while (i < base) {
      i <<= 1;
      const left = tree[i]!;
      const right = (left - min) >>> 31; // branch-free: step right when the left child is too small
      skipped = Math.max(skipped, left & -right);
      i |= right;
    }
    this.finger = i - base;
    this.belowFinger = skipped;
    return i - base;
  }

  clear(): void {
    this.tree.fill(0);
    this.isStale.fill(0);
    this.staleCount = 0;
    this.finger = 0;
    this.belowFinger = 0;
  }

  /*
   * Makes every node the max of its children again. From each stale leaf upwards, a parent is
   * recomputed and the walk goes on while that changes it; every node a walk changes has its parent
   * recomputed after it, so the order of the walks does not matter.
   */
  private settle(): void {
    const tree = this.tree;
    for (let k = 0; k < this.staleCount; k++) {
      const leaf = this.stale[k]!;
      this.isStale[leaf] = 0;
      for (let i = this.base + leaf; i > 1; i >>= 1) {
        const a = tree[i]!;
        const b = tree[i ^ 1]!;
        const m = a > b ? a : b;
        if (tree[i >> 1] === m) break;
        tree[i >> 1] = m;
      }
    }
    this.staleCount = 0;
  }
}
