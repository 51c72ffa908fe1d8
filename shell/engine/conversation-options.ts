import type { EchoWatch } from './echo-watch.js';
import type { LineEncoding } from './bytes.js';
import type { PromptPattern } from './prompt-pattern.js';
import type { TerminalSize } from './terminal-queries.js';
import type { EngineTiming } from './timing.js';
import type { CommandRef, EngineEvent, EngineMode } from './types.js';

export interface ConversationOptions {
  prompt: PromptPattern;
  timing: EngineTiming;
  /** Bytes for the target, in order. */
  send: (bytes: Uint8Array) => void;
  emit: (event: EngineEvent) => void;
  /** What Enter sends; default CR, as a terminal does. */
  lineEnding?: string;
  /**
   * Lines to a target whose prompt is unknown: `quiet` sends each once the output has been quiet
   * for `quietMs` (plain mode, `sis run`); `hold` keeps them queued (the TUI types raw instead).
   */
  unknownPrompt: 'quiet' | 'hold';
  /** Takes console options off a line about to be sent, or refuses it. Default: sent as is. */
  beforeSend?: (line: string, mode: EngineMode) => SendCheck;
  /** `raw` forces raw mode; `auto` (default) is line mode while the prompt is known. */
  mode?: 'auto' | 'raw';
  /** Size answered to terminal queries; default 80x24. */
  terminal?: TerminalSize;
  /** Default `utf8`. */
  encoding?: LineEncoding;
}

/** What becomes of a line about to be sent: sent (options taken off), refused, or ours (quit). */
export type SendCheck = { send: string } | { refused: string } | { quit: true };

/** The command on its way: sent, waiting for its echo and then its prompt. */
export interface Running {
  ref: CommandRef;
  echo: EchoWatch;
  /** Sent with the prompt unknown: finished by quiet output, not by a prompt. */
  quiet: boolean;
  sentAt: number;
  /** A prompt match with text after it arrived after the echo. */
  gluedAfterEcho: boolean;
}
