export interface HeapOptions {
  /** Arena size in bytes, a multiple of 8 from 32 to 1 GiB (default 8 MiB, the SIS kernel heap). */
  readonly sizeBytes?: number;
}

export interface CompactOptions {
  /** Stop after moving this many blocks (default: no limit). */
  readonly maxMoves?: number;
}

export interface CompactResult {
  readonly movedBlocks: number;
  readonly movedBytes: number;
  readonly freedHoles: number;
}

export interface HeapSegment {
  readonly address: number;
  readonly size: number;
  readonly free: boolean;
  /** -1 for a free block. */
  readonly handle: number;
}
