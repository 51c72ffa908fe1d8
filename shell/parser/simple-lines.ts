import type { ParserEvent } from './events.js';
import type { ParsedError, ShellLine } from './records.js';
import { testTypeFromLabel } from './titles.js';
import { parseKeyValues } from './values.js';

const METRIC = /^METRIC\s+([A-Za-z_][A-Za-z0-9_:.-]*)=(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*$/;
const TAG = /^\[([A-Z][A-Z_ ]*)\]\s?(.*)$/;
const ELISION = /^(?:\.\.\.|…)(?:\s.*)?$|^\(repeats \d+x\)$/;
const SUMMARY = /^([^:]+):\s*(.*)$/;
// Starts only where a word starts (the lookbehind), so a long word is scanned once, not once per letter.
const SUMMARY_VALUE = /(?<![A-Za-z0-9_])[0-9_]*([A-Za-z][A-Za-z0-9_]*)=(-?\d+(?:\.\d+)?)/g;

const AUTONOMY_TAGS = new Set(['AUTONOMY', 'PRED_MEM', 'META']);
const TRANSPARENT_TAGS = new Set(['TIMER', 'AI', 'SAFETY', 'SUMMARY', ...AUTONOMY_TAGS]);

/**
 * Lines that can arrive in the middle of any block (reference §8.6) or mark elided text: they
 * are surfaced at once and never end a block. Null for every other line.
 */
export function classifyTransparentLine(line: string): ParserEvent | null {
  const c = line.charCodeAt(0);
  if (c === 0x4d /* M */ && line.startsWith('METRIC')) {
    const m = METRIC.exec(line);
    return m ? { type: 'metric', name: m[1]!, value: Number(m[2]), raw: m[2]! } : null;
  }
  if (c === 0x5b /* [ */) {
    // Most tagged lines of a flood (`[CHAOS] …`) are not transparent: the tag alone tells, before the whole-line pattern.
    const close = line.indexOf(']');
    if (close < 0 || !TRANSPARENT_TAGS.has(line.slice(1, close))) return null;
    const m = TAG.exec(line);
    if (!m) return null;
    const tag = m[1]!;
    const message = m[2]!;
    if (tag === 'TIMER') return { type: 'timer', message };
    if (tag === 'AI') return { type: 'ai-prediction', message };
    if (tag === 'SAFETY') return { type: 'safety', message };
    if (AUTONOMY_TAGS.has(tag)) return { type: 'autonomy', tag, message };
    if (tag === 'SUMMARY') return summaryEvent(message);
    return null;
  }
  if ((c === 0x2e /* . */ || c === 0x28 /* ( */ || c === 0x2026) && ELISION.test(line.trim())) {
    return { type: 'elision', text: line.trim() };
  }
  return null;
}

function summaryEvent(message: string): ParserEvent {
  const m = SUMMARY.exec(message);
  const values: Record<string, number> = {};
  if (!m) return { type: 'summary', name: message.trim(), values };
  for (const v of m[2]!.matchAll(SUMMARY_VALUE)) values[v[1]!] = Number(v[2]);
  return { type: 'summary', name: m[1]!.trim(), values };
}

const BOOT_MARKERS = [
  'BOOT-ARM64 (UEFI)',
  'SIS UEFI loader v2',
  '!KERNEL(U)',
  'KERNEL(U)',
  'STACK OK',
  'VECTORS OK',
  'MMU: SCTLR',
  'MMU ON',
  'UART: READY',
  'HEAP: READY',
  'GIC: INIT',
  'LAUNCHING SHELL',
];

const STRESSTEST = /^\[STRESSTEST\] (.+?) completed:?\s*(.*)$/;
const COMPARE_PHASE = /^\[COMPARE\] Running with autonomy (DISABLED|ENABLED)\b/;
const CANCELLED = /^\[STRESS TEST\] Cancelled after (\d+) ms\s*$/;
// Matched against trimmed lines: no trailing \s* (two of them around an optional group backtrack quadratically).
const EPISODE = /^Episode (\d+):\s*(?:reward=(-?\d+))?$/;
const UNKNOWN_COMMAND = /^Unknown command: (.*)$/;

export function parseShellLine(line: string): ShellLine | null {
  const m = STRESSTEST.exec(line.trim());
  if (!m) return null;
  const fields: Record<string, number | string> = {};
  for (const [k, v] of parseKeyValues(m[2]!)) {
    fields[k] = /^-?\d+%?$/.test(v) ? Number(v.replace('%', '')) : v;
  }
  return { label: m[1]!.replace(/ test$/, ''), fields };
}

/** Single lines outside blocks that are not transparent. Null for `other`. */
export function classifyStandaloneLine(line: string): ParserEvent | null {
  const t = line.trim();
  const shell = parseShellLine(t);
  if (shell) return { type: 'stresstest-line', testType: testTypeFromLabel(shell.label), line: shell };
  let m = COMPARE_PHASE.exec(t);
  if (m) return { type: 'compare-phase', side: m[1] === 'DISABLED' ? 'off' : 'on' };
  m = CANCELLED.exec(t);
  if (m) return { type: 'test-cancelled', afterMs: Number(m[1]) };
  m = EPISODE.exec(t);
  if (m) return { type: 'episode', episode: Number(m[1]), reward: m[2] === undefined ? null : Number(m[2]) };
  if (t.startsWith('[ERROR]')) return { type: 'error', error: parseError(t.slice(7).trim()) };
  if (t.startsWith('[AUTOCTL]')) return { type: 'autoctl', message: t.slice(9).trim() };
  m = UNKNOWN_COMMAND.exec(t);
  if (m) return { type: 'unknown-command', command: m[1]!.trim() };
  for (const marker of BOOT_MARKERS) {
    if (t.startsWith(marker)) return { type: 'boot', marker, text: t };
  }
  return null;
}

export function isEpisodeLine(line: string): boolean {
  return EPISODE.test(line.trim());
}

const FLAG_HEAD = /^(--?[\w-]+): /;
const INVALID = "invalid value '";
const EXPECTED = "' (expected ";
const MISSING = 'missing value (expected ';
const UNKNOWN = "unknown flag '";
const FOR = "' for '";
const DID_YOU_MEAN = "' (did you mean ";

/**
 * The kernel's flag errors, split with indexOf rather than regexes with several `.*` (which
 * backtrack quadratically on a long line): `--f: invalid value 'v' (expected e)`,
 * `--f: missing value (expected e)`, `unknown flag 'f' for 'c'[ (did you mean g?)]`.
 */
export function parseError(message: string): ParsedError {
  const base: ParsedError = { kind: 'other', message, flag: null, value: null, expected: null, suggestion: null };
  const head = FLAG_HEAD.exec(message);
  if (head && message.endsWith(')')) {
    const rest = message.slice(head[0].length);
    if (rest.startsWith(INVALID)) {
      // The value runs to the last "' (expected " that leaves at least one character before the final ')'.
      let at = rest.lastIndexOf(EXPECTED);
      while (at >= INVALID.length && rest.length - (at + EXPECTED.length) < 2) at = rest.lastIndexOf(EXPECTED, at - 1);
      if (at >= INVALID.length) {
        return { ...base, kind: 'invalid-value', flag: head[1]!, value: rest.slice(INVALID.length, at), expected: rest.slice(at + EXPECTED.length, -1) };
      }
    }
    if (rest.startsWith(MISSING) && rest.length - MISSING.length >= 2) {
      return { ...base, kind: 'missing-value', flag: head[1]!, expected: rest.slice(MISSING.length, -1) };
    }
  }
  if (message.startsWith(UNKNOWN)) {
    const forAt = message.indexOf(FOR, UNKNOWN.length + 1);
    if (forAt >= 0) {
      const flag = message.slice(UNKNOWN.length, forAt);
      const tail = message.slice(forAt + FOR.length);
      const mean = tail.indexOf(DID_YOU_MEAN, 1);
      if (mean >= 0 && tail.endsWith('?)') && tail.length - (mean + DID_YOU_MEAN.length) >= 3) {
        return { ...base, kind: 'unknown-flag', flag, suggestion: tail.slice(mean + DID_YOU_MEAN.length, -2) };
      }
      if (tail.length >= 2 && tail.endsWith("'")) return { ...base, kind: 'unknown-flag', flag, suggestion: null };
    }
  }
  return base;
}
