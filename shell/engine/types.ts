import type { ParserEvent } from '../parser/index.js';

/** `line`: our editor, completion and queue; `raw`: every key goes to the target as typed. */
export type EngineMode = 'line' | 'raw';

/** One line the engine sent (or will send) as a command. `id` counts from 1 per engine. */
export interface CommandRef {
  readonly id: number;
  /** The line as sent, console options taken off. */
  readonly line: string;
}

/** Why a running command will never get its prompt back. */
export type LostReason = 'link-down' | 'reboot' | 'ended';

export type EngineEvent =
  /** Received bytes, in order, with the command they belong to (null: between commands). */
  | { type: 'received'; chunk: Uint8Array; command: number | null }
  /** A parsed line-level event, parsed once, tied to the command running when it completed. */
  | { type: 'parsed'; event: ParserEvent; command: number | null }
  /** The target's prompt is showing and has settled: line mode can send. */
  | { type: 'prompt' }
  | { type: 'mode'; mode: EngineMode }
  | { type: 'queue'; lines: readonly string[] }
  | { type: 'command-sent'; command: CommandRef }
  | { type: 'command-echoed'; command: CommandRef }
  | { type: 'command-finished'; command: CommandRef }
  | { type: 'command-lost'; command: CommandRef; reason: LostReason; detail: string }
  /** A line refused before sending (its console options were bad). */
  | { type: 'command-refused'; line: string; message: string }
  /** The engine sent one Enter to ask for a prompt: after a (re)connect, or one buried under output. */
  | { type: 'wake'; attempt: number }
  | { type: 'link'; up: boolean }
  /** A line the console takes for itself (`exit` at a SIS prompt): nothing more is sent. */
  | { type: 'quit'; line: string }
  /** Lines dropped from the queue on the user's request. */
  | { type: 'queue-dropped'; lines: readonly string[] };

export type EngineListener = (event: EngineEvent) => void;

/** What `interrupt()` did: sent `^C`, or cleared the queue instead (a second one sends). */
export type InterruptResult = 'sent' | 'cleared-queue';
