/**
 * What the escape-sequence tokenizer yields, one token per `next()`: text runs, C0/C1 controls, and
 * each escape or control sequence whole, once it is complete, cancelled, interrupted or too long,
 * however the stream was cut into chunks.
 */

/**
 * - `esc`: a two-byte escape or an nF sequence (`ESC 7`, `ESC c`, `ESC ( B`).
 * - `csi`: a control sequence `ESC [ params/intermediates final`.
 * - `string`: OSC, DCS, SOS, PM or APC (`ESC ] P X ^ _`), however it ended (`ends`).
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

/** What `next()` found: nothing more in this chunk, a text run, a control, or a sequence. */
export type Token = typeof NONE | typeof TEXT | typeof CONTROL | typeof SEQUENCE;
export const NONE = 0;
/** Printable text: `chunk.slice(start, stop)`, never empty. */
export const TEXT = 1;
/** A C0 control (not ESC), DEL, or a C1 control when `c1` is on: `code`, at `start`. */
export const CONTROL = 2;
/** An escape or control sequence or a string: `kind`, `seq`, `final`, and for strings `ends`, `preview`, `length`. */
export const SEQUENCE = 3;

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
  /**
   * Outside sequences, controls other than ESC are part of text runs (default false: each is a
   * CONTROL token), for users that keep or ignore them all alike: fewer, longer runs.
   */
  controlsInText?: boolean;
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
