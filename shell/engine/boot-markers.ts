/**
 * First lines of a boot on targets other than the SIS kernel (the parser knows the SIS kernel's
 * own markers): firmware, bootloaders and Linux. Seen while a command runs, the target rebooted.
 */
const BOOT_LINE = [
  /^U-Boot (SPL )?\d{4}\.\d/,
  /^(\[\s*\d+\.\d+\]\s*)?Linux version \d/,
  /^Booting Linux on physical CPU/,
  /^SeaBIOS \(version/,
  /^OpenSBI v\d/,
  /^NOTICE:\s+BL[123]/,
  /^Starting kernel \.\.\./,
];

/** The cleaned line starts a boot: returns the line, or null. */
export function bootMarker(line: string): string | null {
  if (line.length > 200) return null;
  const t = line.trimStart();
  return BOOT_LINE.some((pattern) => pattern.test(t)) ? t : null;
}
