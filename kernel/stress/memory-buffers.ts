import type { Heap } from '../heap/heap.js';
import type { Prng } from '../prng.js';
import type { BufferProfile } from '../profiles/index.js';

/**
 * Other subsystems' kernel buffers, allocated from and returned to the same heap while the memory
 * test runs (sizes and count from the profile). Their requests need contiguous space, so they are what fails first when the
 * free space is cut into pieces.
 */
export class KernelBuffers {
  private readonly held: Int32Array;
  private count = 0;
  /** Size of the last request that failed. */
  failedBytes = 0;

  constructor(
    private readonly heap: Heap,
    private readonly profile: BufferProfile,
  ) {
    this.held = new Int32Array(profile.capacity);
  }

  get heldCount(): number {
    return this.count;
  }

  /**
   * One subsystem step. Draws `rand_range(0,4)`: 0 returns a held buffer (index `rand_range(0,held)`),
   * 1 requests a new one of `rand_range(min,max+1)` KiB while fewer than `capacity` are held, 2–3 do
   * nothing. The count is a random walk over 0..capacity. False when a request failed.
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
    if (action !== 1 || this.count === this.profile.capacity) return true;
    const size = prng.randRange(this.profile.minKiB, this.profile.maxKiB + 1) * 1024;
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
