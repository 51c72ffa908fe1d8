/** What the model prints from reset to its first prompt: the real boot's kernel lines, abridged. */
export const BOOT_LINES: readonly string[] = [
  '!KERNEL(U)',
  'STACK OK',
  'VECTORS OK',
  'MMU ON',
  'UART: READY',
  'METRIC cntfrq_hz=62500000',
  '[HEAP] Initialized 8 MiB heap at 0x40000000',
  'HEAP: READY',
  'MEMORY AGENT: READY',
  '[META] Initialized meta-agent: 12 inputs, 16 hidden, 3 outputs',
  'META-AGENT: READY',
  'AUTONOMY: set_ready complete',
  '[AUTOCTL] Autonomous mode ENABLED at boot (bringup)',
  'LAUNCHING SHELL',
  '',
  '=== SIS Kernel Shell ===',
  "Type 'help' for available commands",
  '',
];

export const PROMPT = 'sis> ';

export function bootText(): string {
  return `${BOOT_LINES.join('\n')}\n`;
}

/** Virtual µs the boot takes: varies with the kernel seed as real boots vary, so tests seeded from the clock differ between sessions. */
export function bootDurationUs(kernelSeed: bigint): number {
  const jitter = Number(BigInt.asUintN(64, kernelSeed) % 1_000_000n);
  return 1_200_000 + jitter;
}
