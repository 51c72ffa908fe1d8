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

/** The cleaned line starts a boot: returns the line, or null. */
export function bootMarker(line: string): string | null {
  if (line.length > 200) return null;
  const t = line.trimStart();
  return BOOT_LINE.some((pattern) => pattern.test(t)) ? t : null;
}
