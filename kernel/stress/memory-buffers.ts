import type { Heap } from '../heap.js';
import type { Prng } from '../prng.js';

/** Smallest and largest kernel buffer, in KiB (network, block I/O and DMA buffers of other subsystems). */
export const BUFFER_MIN_KIB = 4;
export const BUFFER_MAX_KIB = 64;
/** Buffers held at once. */
const CAPACITY = 16;

/**
 * Other subsystems' kernel buffers, allocated from and returned to the same heap while the memory
 * test runs. Their 4–64 KiB requests need contiguous space, so they are what fails first when the
 * free space is cut into pieces.
 */
export class KernelBuffers {
  private readonly held = new Int32Array(CAPACITY);
  private count = 0;
  /** Size of the last request that failed. */
  failedBytes = 0;

  constructor(private readonly heap: Heap) {}

  get heldCount(): number {
    return this.count;
  }

  /**
   * One subsystem step. Draws `rand_range(0,4)`: 0 returns a held buffer (index `rand_range(0,held)`),
   * 1 requests a new one of `rand_range(4,65)` KiB when fewer than 16 are held, 2–3 do nothing.
   * The count is a random walk over 0..16 (≈8 held, ≈270 KiB). False when a request failed.
   */
  step(prng: Prng): boolean {
    const action = prng.randRange(0, 4);
    if (action === 0) {
      if (this.count > 0) {
        const i = prng.randRange(0, this.count);
        this.heap.free(this.held[i]!);
        this.held[i] = this.held[--this.count]!;
      }
      return true;
    }
    if (action !== 1 || this.count === CAPACITY) return true;
    const size = prng.randRange(BUFFER_MIN_KIB, BUFFER_MAX_KIB + 1) * 1024;
    const handle = this.heap.alloc(size);
    if (handle < 0) {
      this.failedBytes = size;
      return false;
    }
    this.held[this.count++] = handle;
    return true;
  }

  releaseAll(): void {
    for (let i = 0; i < this.count; i++) this.heap.free(this.held[i]!);
    this.count = 0;
  }
}
