/**
 * Max segment tree over a fixed number of leaves: point updates and "leftmost leaf holding at least
 * v", both O(log leaves). Kept small (one leaf per heap page) so that it stays in the L1 cache.
 * Searches mostly land on the leaf the previous one found (the allocator fills a page before it
 * moves on), so the tree keeps that leaf and a bound on the leaves left of it: when the bound is
 * below v and the leaf holds v, it is the answer without a walk from the root.
 */
export class MaxTree {
  private readonly tree: Int32Array; // 1-based heap layout; leaf i lives at base + i
  private readonly base: number;
  private finger = 0; // the leaf the last walk from the root found
  private belowFinger = 0; // at least the largest value of the leaves left of `finger`

  constructor(leaves: number) {
    let base = 1;
    while (base < leaves) base *= 2;
    this.base = base;
    this.tree = new Int32Array(2 * base);
  }

  /** Largest leaf value (0 when all are empty). */
  get max(): number {
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
      return;
    }
    // A fall: each parent becomes the larger of the value just written and its sibling's.
    let m = value;
    for (; i > 1; i >>= 1) {
      const sibling = tree[i ^ 1]!;
      if (sibling > m) m = sibling;
      if (tree[i >> 1] === m) return;
      tree[i >> 1] = m;
    }
  }

  /** Leftmost leaf whose value is at least `min`, or -1. */
  findFirst(min: number): number {
    const tree = this.tree;
    const base = this.base;
    if (this.belowFinger < min && tree[base + this.finger]! >= min) return this.finger;
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
    this.finger = 0;
    this.belowFinger = 0;
  }
}
