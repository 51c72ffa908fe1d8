import type { FormatVersion, ParsedReport, TestType } from './records.js';

export type TitleKind =
  | { kind: 'test'; testType: TestType; format: FormatVersion }
  | { kind: 'compare'; layout: 'V2' | 'V4'; testSeconds: number | null }
  | { kind: 'paired'; runs: number; seedFirst: string; seedLast: string }
  | { kind: 'report'; format: ParsedReport['format']; scope: string | null }
  | { kind: 'autoctl-status' }
  | { kind: 'shell-banner' };

const TEST_TITLES: Record<string, { testType: TestType; format: FormatVersion }> = {
  'memory stress test (enhanced)': { testType: 'memory', format: 'V2' },
  'memory stress test': { testType: 'memory', format: 'V0' },
  'command flood stress test': { testType: 'commands', format: 'V0' },
  'multi-subsystem stress test': { testType: 'multi', format: 'V0' },
  'learning validation stress test': { testType: 'learning', format: 'V1' },
  'red team adversarial stress test': { testType: 'redteam', format: 'V1' },
  'chaos engineering stress test (enhanced)': { testType: 'chaos', format: 'V2' },
  'chaos engineering stress test': { testType: 'chaos', format: 'V1' },
};

const TITLE = /^=== (.+?) ===$/;
const COMPARE = /^comparative results(?: \((\d+)s test\))?$/;
const PAIRED = /^paired comparison \((\d+) runs, seeds (\d+)\.\.(\d+)\)$/;
const HISTORY = /^stress test history(?: \((.+)\))?$/;

export function classifyTitle(line: string): (TitleKind & { title: string }) | null {
  const m = TITLE.exec(line.trim());
  if (!m) return null;
  const title = m[1]!;
  const lower = title.toLowerCase();
  const test = TEST_TITLES[lower];
  if (test) return { kind: 'test', ...test, title };
  let t = COMPARE.exec(lower);
  if (t) return { kind: 'compare', layout: t[1] ? 'V4' : 'V2', testSeconds: t[1] ? Number(t[1]) : null, title };
  t = PAIRED.exec(lower);
  if (t) return { kind: 'paired', runs: Number(t[1]), seedFirst: t[2]!, seedLast: t[3]!, title };
  t = HISTORY.exec(lower);
  if (t) {
    const scope = t[1] ?? null;
    return { kind: 'report', format: scope === 'last 16' ? 'V2' : scope === null ? 'V1' : 'V3', scope, title };
  }
  if (lower === 'autonomous control status') return { kind: 'autoctl-status', title };
  if (lower === 'sis kernel shell') return { kind: 'shell-banner', title };
  return null;
}

/** `Memory`, `Command flood`, `Red team test`, `Multi-subsystem` … → the test type. */
export function testTypeFromLabel(label: string): TestType | null {
  const l = label.trim().toLowerCase();
  if (l.startsWith('memory')) return 'memory';
  if (l.startsWith('command')) return 'commands';
  if (l.startsWith('multi')) return 'multi';
  if (l.startsWith('learning')) return 'learning';
  if (l.startsWith('red')) return 'redteam';
  if (l.startsWith('chaos')) return 'chaos';
  return null;
}
