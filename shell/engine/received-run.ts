import type { EngineEvent } from './types.js';

/**
 * Received bytes not yet emitted: consecutive lines of one read that belong to the same command
 * go out as one `received` event, emitted before any other event so bytes still come before what
 * they caused. One event per line cost a view and an event object each during a flood.
 */
export class ReceivedRun {
  private chunk: Uint8Array | null = null;
  private start = 0;
  private end = 0;
  private command: number | null = null;

  /** Bytes `[start, end)` of `chunk`, for `command`; joins the run when they follow it. */
  add(chunk: Uint8Array, start: number, end: number, command: number | null, emit: (event: EngineEvent) => void): void {
    if (this.chunk === chunk && this.end === start && this.command === command) {
      this.end = end;
      return;
    }
    this.flush(emit);
    this.chunk = chunk;
    this.start = start;
    this.end = end;
    this.command = command;
  }

  flush(emit: (event: EngineEvent) => void): void {
    const chunk = this.chunk;
    if (chunk === null) return;
    this.chunk = null;
    const bytes = this.start === 0 && this.end === chunk.length ? chunk : chunk.subarray(this.start, this.end);
    emit({ type: 'received', chunk: bytes, command: this.command });
  }
}
