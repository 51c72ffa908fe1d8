/**
 * What the escape-sequence tokenizer yields. Text runs and C0/C1 controls come one call each; an
 * escape or control sequence comes as one `EscapeSequence`, once it is complete, cancelled,
 * interrupted or too long, however the stream was cut into chunks.
 */

/**
 * - `esc`: a two-byte escape or an nF sequence (`ESC 7`, `ESC c`, `ESC ( B`).
 * - `csi`: a control sequence `ESC [ params/intermediates final`.
 * - `string`: OSC, DCS, SOS, PM or APC (`ESC ] P X ^ _`), however it ended (`end`).
 * - `invalid`: a sequence that stopped before its final char: interrupted by a char that cannot
 *   continue it (handled next, on its own), cancelled by CAN/SUB (`final`), or cut by the end of
 *   the stream.
 * - `overflow`: a CSI or nF sequence longer than the cap; the rest of a CSI up to its final char
 *   is dropped, an nF sequence's rest is ordinary text.
 */
export type SequenceKind = 'esc' | 'csi' | 'string' | 'invalid' | 'overflow';

/**
 * How a string ended: `bel`, `st` (`ESC \`), `c1-st` (U+009C), `can`, `sub` (all part of it);
 * `newline` or `esc` (a new escape; neither is part of it), `cap` (its body passed the cap), `eof`.
 */
export type StringEnd = 'bel' | 'st' | 'c1-st' | 'can' | 'sub' | 'newline' | 'esc' | 'cap' | 'eof';

/** One object, reused for every sequence of a tokenizer: read it inside the sink call. */
export interface EscapeSequence {
  kind: SequenceKind;
  /**
   * The chars after ESC up to the final char (excluded): `[1;31` for a CSI, `(` for `ESC ( B`,
   * `` for `ESC c`; a string's introducer (`]`). For `invalid` and `overflow`, what was collected.
   */
  seq: string;
  /** The final char's code (`esc`, `csi`); for `invalid`, the CAN/SUB that cancelled it, else -1. */
  final: number;
  /** `string` only: how it ended. */
  end: StringEnd;
  /** `string` only: its first body chars (up to `previewLength`; controls inside are skipped). */
  preview: string;
  /** `string` only: the number of body chars, controls not counted. */
  length: number;
  /** Where its ESC is in the current chunk; -1 when it began in an earlier one. */
  start: number;
  /** Just past its last char in the current chunk (an interrupting char or newline is not its). */
  stop: number;
}

/** Receives the tokens of each chunk in order, synchronously. Give every sink these three methods. */
export interface EscapeSink {
  /** Printable text: `chunk.slice(start, end)`, never empty. */
  text(chunk: string, start: number, end: number): void;
  /** A C0 control (not ESC), DEL, or a C1 control when `c1` is on; `at` is its index in the chunk. */
  control(code: number, at: number): void;
  sequence(token: EscapeSequence): void;
}

export interface EscapeTokenizerOptions {
  /** U+0080–U+009F are C1 controls, each on its own (U+009C also ends a string); default false: text, as latin1-decoded UTF-8 is full of them. */
  c1?: boolean;
  /**
   * A C0 control inside an escape or control sequence: `abort` (default) ends the sequence as
   * `invalid` and is handled on its own; `execute` is yielded and the sequence goes on (VT500).
   * ESC always starts a new sequence; CAN and SUB always cancel. Inside a string, other controls
   * are skipped.
   */
  controls?: 'abort' | 'execute';
  /** A newline ends an unterminated string, so noise cannot swallow the lines that follow (default false). */
  newlineEndsString?: boolean;
  /** Longest CSI or nF sequence, in chars after ESC (default 4096); Infinity for none. */
  maxSequenceLength?: number;
  /** String body chars after which it ends with `cap` (default 4096); Infinity for none. */
  maxStringLength?: number;
  /** After a string's cap: `discard` (default) drops the rest up to its end; `text` makes it text. */
  afterLongString?: 'discard' | 'text';
  /** Body chars kept as `preview` (default 32). */
  previewLength?: number;
}
