const RULES: ReadonlyArray<readonly [RegExp, boolean]> = [
  [/^\[AUTOCTL\] Autonomous mode ENABLED\b/, true],
  [/^\[AUTOCTL\] Autonomous mode DISABLED\b/, false],
  [/^\[AUTOCTL\] Already enabled\b/, true],
  [/^\[AUTOCTL\] Forcing timer re-arm\b/, true],
  // The mini shell (reference §1.5).
  [/^Autonomy(?: status)?: ENABLED\b/, true],
  [/^Autonomy(?: status)?: DISABLED\b/, false],
];

/** What a kernel line says about autonomy: true (on), false (off) or null (nothing). */
export function autonomyFromLine(line: string): boolean | null {
  const t = line.trim();
  if (!t.startsWith('[AUTOCTL]') && !t.startsWith('Autonomy')) return null;
  for (const [re, value] of RULES) if (re.test(t)) return value;
  return null;
}
