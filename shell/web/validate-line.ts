import { DEFAULT_GRAMMAR, lineHint } from '../tui/input/index.js';

export type LineCheck = { ok: true; line: string } | { ok: false; message: string };

const STRESSTEST = DEFAULT_GRAMMAR.commands.find((c) => c.name === 'stresstest');

/**
 * Checks a line for `POST /api/stress/run` against the kernel's grammar, as the console's hint
 * does while typing; the message is the hint's. The line is taken whole (its last word is not
 * "still being typed"). Only `stresstest` lines are runs; console options stay in the console.
 */
export function checkRunLine(text: string): LineCheck {
  const line = text.trim().replace(/ +/g, ' ');
  if (/[\x00-\x1f\x7f]/.test(line)) return { ok: false, message: 'control characters are not allowed in a command line' };
  const words = line.split(' ');
  if (words[0] !== 'stresstest' || STRESSTEST === undefined) {
    return { ok: false, message: `not a stresstest command: '${line}'` };
  }
  if (words.length < 2) {
    const names = (STRESSTEST.subcommands ?? []).map((s) => s.name).join('|');
    return { ok: false, message: `missing test for 'stresstest' (expected ${names})` };
  }
  const hint = lineHint(`${line} `);
  if (hint !== undefined) return { ok: false, message: hint };
  const consoleOption = DEFAULT_GRAMMAR.consoleOptions.find((o) => words.some((w) => w === o.name || w.startsWith(`${o.name}=`)));
  if (consoleOption) return { ok: false, message: `${consoleOption.name}: a console option; GET /api/stress/runs/{id} gives the results` };
  return { ok: true, line };
}
