/**
 * First lines of a boot on targets other than the SIS kernel (the parser knows the SIS kernel's
 * own markers): firmware, bootloaders and Linux. Seen while a command runs, the target rebooted.
 * Each is a line no command prints at a prompt (U-Boot's `version` prints its main banner, so
 * only SPL's counts).
 */
const BOOT_LINE = [
  /^U-Boot SPL \d{4}\.\d/,
  /^resetting \.\.\.$/,
  // At time zero only: `cat /proc/version` prints `Linux version` too.
  /^\[\s*0\.000000\] (Linux version \d|Booting Linux on physical CPU)/,
  /^SeaBIOS \(version/,
  /^OpenSBI v\d/,
  /^NOTICE:\s+BL[123]/,
  /^Starting kernel \.\.\./,
];

/** The patterns by the character each must start with (after `^`, unescaped): a line is tried only against its own. */
const BY_FIRST = new Map<string, RegExp[]>();
for (const pattern of BOOT_LINE) {
  if (!/^\^(?:\\[^\w]|[^\\()[\].?*+{|^$])/.test(pattern.source)) throw new Error(`boot line pattern must start with a literal: ${pattern.source}`);
  const first = pattern.source[1] === '\\' ? pattern.source[2]! : pattern.source[1]!;
  BY_FIRST.set(first, [...(BY_FIRST.get(first) ?? []), pattern]);
}
const LEADING_SPACE = /\s*/y;

/** The cleaned line starts a boot: returns the line, or null. */
export function bootMarker(line: string): string | null {
  if (line.length > 200) return null;
  LEADING_SPACE.lastIndex = 0;
  LEADING_SPACE.test(line);
  const patterns = BY_FIRST.get(line.charAt(LEADING_SPACE.lastIndex));
  if (patterns === undefined) return null;
  const t = line.trimStart();
  return patterns.some((pattern) => pattern.test(t)) ? t : null;
}
