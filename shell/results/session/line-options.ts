export type LineOptions =
  | { ok: true; /** The line as it goes to the target. */ command: string; outputJson: string | null }
  | { ok: false; message: string };

/** `--output-json PATH`, `--output-json=PATH`; PATH may be quoted with "…" or '…'. */
const OUTPUT_JSON = /(^|\s)--output-json(?:=|\s+|(?=\s*$))("[^"]*"|'[^']*'|\S*)(?=\s|$)/g;

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/**
 * Takes the console's own options off a line typed at `sis>` before it is sent: the kernel
 * never sees them. `stresstest memory --seed 1 --output-json /tmp/m.json` → command
 * `stresstest memory --seed 1`, outputJson `/tmp/m.json`.
 */
export function takeLineOptions(line: string): LineOptions {
  let outputJson: string | null = null;
  let message: string | null = null;
  const command = line.replace(OUTPUT_JSON, (_match, lead: string, raw: string) => {
    const value = unquote(raw);
    if (raw === '' || value === '' || raw.startsWith('--')) message ??= '--output-json needs a file path';
    else if (outputJson !== null) message ??= '--output-json given twice on one line';
    else outputJson = value;
    return raw.startsWith('--') ? `${lead}${raw}` : lead;
  });
  if (message !== null) return { ok: false, message };
  if (outputJson === null) return { ok: true, command: line, outputJson: null };
  return { ok: true, command: command.replace(/\s{2,}/g, ' ').trim(), outputJson };
}
