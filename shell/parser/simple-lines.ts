import type { ParserEvent } from './events.js';
import type { ParsedError, ShellLine } from './records.js';
import { testTypeFromLabel } from './titles.js';
import { parseKeyValues } from './values.js';

const METRIC = /^METRIC\s+([A-Za-z_][A-Za-z0-9_:.-]*)=(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*$/;
const TAG = /^\[([A-Z][A-Z_ ]*)\]\s?(.*)$/;
const ELISION = /^(?:\.\.\.|…)(?:\s.*)?$|^\(repeats \d+x\)$/;
const SUMMARY = /^([^:]+):\s*(.*)$/;
const SUMMARY_VALUE = /([A-Za-z][A-Za-z0-9_]*)=(-?\d+(?:\.\d+)?)/g;

const AUTONOMY_TAGS = new Set(['AUTONOMY', 'PRED_MEM', 'META']);

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
const EPISODE = /^Episode (\d+):\s*(?:reward=(-?\d+))?\s*$/;
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

const INVALID_VALUE = /^(--?[\w-]+): invalid value '(.*)' \(expected (.+)\)$/;
const MISSING_VALUE = /^(--?[\w-]+): missing value \(expected (.+)\)$/;
const UNKNOWN_FLAG = /^unknown flag '(.+?)' for '.+?'(?: \(did you mean (.+?)\?\))?$/;

export function parseError(message: string): ParsedError {
  const base: ParsedError = { kind: 'other', message, flag: null, value: null, expected: null, suggestion: null };
  let m = INVALID_VALUE.exec(message);
  if (m) return { ...base, kind: 'invalid-value', flag: m[1]!, value: m[2]!, expected: m[3]! };
  m = MISSING_VALUE.exec(message);
  if (m) return { ...base, kind: 'missing-value', flag: m[1]!, expected: m[2]! };
  m = UNKNOWN_FLAG.exec(message);
  if (m) return { ...base, kind: 'unknown-flag', flag: m[1]!, suggestion: m[2] ?? null };
  return base;
}
