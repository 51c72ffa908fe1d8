import { readFile } from 'node:fs/promises';
import { ESCAPE_KEY_NAME } from './console-menu.js';

/** One named command sequence: Ctrl-T then `key` queues its commands as if typed. */
export interface Macro {
  /** A digit, 0-9. */
  readonly key: string;
  readonly name: string;
  readonly commands: readonly string[];
}

export type MacrosParse = { ok: true; macros: readonly Macro[] } | { ok: false; message: string };

export const MACROS_FORMAT = `A macros file has one macro a line: KEY NAME: COMMAND; COMMAND; ...
KEY is a digit 0-9 (Ctrl-T KEY runs it), NAME any text without ':', then the commands, sent one at
a time, each once the prompt is back. '\\;' is a ';' inside a command, '\\\\' a backslash. Blank
lines and lines starting with '#' are skipped. Example:
  # sis macros
  1 memory check: metricsctl on; stresstest memory --duration 2000
  2 chaos: stresstest chaos --duration 500 --fail-rate 20`;

const LINE = /^([^\s:]+)\s*([^:]*):(.*)$/;

/** `a; b\; c` → [`a`, `b; c`]; undefined when a backslash escapes anything but `;` or `\`. */
function splitCommands(text: string): string[] | string {
  const commands: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\') {
      const next = text[i + 1];
      if (next !== ';' && next !== '\\') return `'\\${next ?? ''}' is not an escape ('\\;' is a ';', '\\\\' a backslash)`;
      current += next;
      i++;
    } else if (char === ';') {
      commands.push(current.trim());
      current = '';
    } else current += char;
  }
  commands.push(current.trim());
  return commands;
}

/** Parses a macros file (MACROS_FORMAT); the first problem is one line naming `source` and the line number. */
export function parseMacros(text: string, source: string): MacrosParse {
  const macros: Array<Macro & { line: number }> = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!.trim();
    const at = `${source}:${index + 1}`;
    if (raw === '' || raw.startsWith('#')) continue;
    const match = LINE.exec(raw);
    if (match === null) return { ok: false, message: `${at}: expected 'KEY NAME: command; command', got '${raw}'` };
    const [, key, rawName, rest] = match as unknown as [string, string, string, string];
    if (!/^[0-9]$/.test(key)) return { ok: false, message: `${at}: the key '${key}' is not a digit 0-9` };
    const name = rawName.trim();
    if (name === '') return { ok: false, message: `${at}: macro ${key} has no name before ':'` };
    const commands = splitCommands(rest);
    if (typeof commands === 'string') return { ok: false, message: `${at}: ${commands}` };
    if (commands.length === 1 && commands[0] === '') return { ok: false, message: `${at}: macro ${key} (${name}) has no commands after ':'` };
    const empty = commands.indexOf('');
    if (empty >= 0) return { ok: false, message: `${at}: macro ${key} (${name}): command ${empty + 1} is empty` };
    const sameKey = macros.find((macro) => macro.key === key);
    if (sameKey) return { ok: false, message: `${at}: key ${key} is already macro '${sameKey.name}' (line ${sameKey.line})` };
    const sameName = macros.find((macro) => macro.name === name);
    if (sameName) return { ok: false, message: `${at}: the name '${name}' is already macro ${sameName.key} (line ${sameName.line})` };
    macros.push({ key, name, commands, line: index + 1 });
  }
  if (macros.length === 0) return { ok: false, message: `${source}: no macros in the file (lines 'KEY NAME: command; command')` };
  return { ok: true, macros: macros.map(({ key, name, commands }) => ({ key, name, commands })) };
}

/** Reads and parses `--macros FILE`; one line when it cannot be read or is bad. */
export async function readMacros(path: string): Promise<MacrosParse> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied'
      : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    return { ok: false, message: `--macros: cannot read ${path}: ${why}` };
  }
  const parsed = parseMacros(text, path);
  return parsed.ok ? parsed : { ok: false, message: `--macros: ${parsed.message}` };
}

/** The macro on digit `key`, or named `name` (for `--macro NAME`, where a digit also works). */
export function findMacro(macros: readonly Macro[], keyOrName: string): Macro | undefined {
  return macros.find((macro) => macro.key === keyOrName) ?? macros.find((macro) => macro.name === keyOrName);
}

/** Lines for Ctrl-T h: a heading, then `  Ctrl-T 1  memory check: metricsctl on; stresstest memory …`. */
export function macroHelpLines(macros: readonly Macro[]): string[] {
  if (macros.length === 0) return [];
  return ['Macros (--macros FILE):', ...macros.map((macro) => {
    const text = `${macro.name}: ${macro.commands.join('; ')}`;
    return `  ${ESCAPE_KEY_NAME} ${macro.key}  ${text.length > 70 ? `${text.slice(0, 69)}…` : text}`;
  })];
}
