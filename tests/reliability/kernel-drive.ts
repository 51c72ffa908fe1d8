import { Kernel, type KernelOptions } from '../../kernel/index.js';

const CTRL_C = Uint8Array.of(0x03);
/** Virtual time a cancelled command may still take to return to the prompt. */
const RETURN_LIMIT_US = 60_000_000;

export const latin1 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
export const fromLatin1 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');

/** A booted kernel with its boot output taken. */
export function bootKernel(options: KernelOptions = {}): Kernel {
  const kernel = new Kernel({ seed: 1n, ...options });
  kernel.boot();
  kernel.takeOutput();
  return kernel;
}

export interface Reply {
  /** Every byte printed from the line's echo to the end. */
  readonly bytes: Uint8Array;
  readonly text: string;
  /** False when the command was still running after Ctrl-C and `RETURN_LIMIT_US` of virtual time. */
  readonly idle: boolean;
  /** Whether the line started a long-running command. */
  readonly started: boolean;
  /** Whether a Ctrl-C was sent. */
  readonly interrupted: boolean;
}

/**
 * Sends `line` and CR. A command still running after `cancelAfterUs` of virtual time gets Ctrl-C,
 * then virtual time runs until the kernel is idle again (bounded).
 */
export function submitLine(kernel: Kernel, line: string, cancelAfterUs: number): Reply {
  const chunks: Uint8Array[] = [];
  kernel.receive(latin1(`${line}\r`));
  chunks.push(kernel.takeOutput());
  const started = kernel.busy;
  if (started) kernel.advance(kernel.nowUs + cancelAfterUs, true);
  const interrupted = kernel.busy;
  if (interrupted) kernel.receive(CTRL_C);
  const limit = kernel.nowUs + RETURN_LIMIT_US;
  while (kernel.busy && kernel.nowUs < limit) {
    kernel.advance(Math.min(limit, kernel.nowUs + 100_000), true);
    chunks.push(kernel.takeOutput());
  }
  chunks.push(kernel.takeOutput());
  const bytes = Buffer.concat(chunks);
  return { bytes, text: fromLatin1(bytes), idle: !kernel.busy, started, interrupted };
}

const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]/g;

/** Whether `text` ends with the prompt at the start of a line (escape sequences before it, as `clear` prints, allowed). */
export function endsAtPrompt(text: string): boolean {
  if (!text.endsWith('sis> ')) return false;
  const lineStart = text.lastIndexOf('\n', text.length - 6) + 1;
  return text.slice(lineStart, -5).replace(ESCAPES, '') === '';
}

/** The first byte at or above 0x80, or -1. */
export function firstNonAscii(bytes: Uint8Array): number {
  return bytes.findIndex((b) => b >= 0x80);
}
