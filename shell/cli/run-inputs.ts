import { readFile } from 'node:fs/promises';
import { checkOutputPath, takeLineOptions } from '../results/session/index.js';
import { findMacro, readMacros, type Macro } from '../tui/macros.js';
import type { CommandSource } from './run-args.js';

export type Inputs = { ok: true; lines: string[] } | { ok: false; message: string };

/** Script lines to send: blank lines and lines whose first non-blank character is `#` are skipped. */
export function scriptLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

async function readScript(path: string): Promise<string> {
  if (path !== '-') return readFile(path, 'latin1');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('latin1');
}

function describeReadError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  const reason = { ENOENT: 'no such file', EISDIR: 'it is a directory', EACCES: 'permission denied' }[code] ?? code;
  return `cannot read script '${path}': ${reason} (${code})`;
}

/**
 * Every line `sis run` will send, in order, and a check before anything starts: each script can
 * be read, each line's console options are valid, and each results file could be written.
 */
export async function collectInputs(sources: readonly CommandSource[], outputs: readonly string[], macrosFile?: string): Promise<Inputs> {
  const lines: string[] = [];
  let macros: readonly Macro[] = [];
  if (macrosFile !== undefined) {
    const read = await readMacros(macrosFile);
    if (!read.ok) return read;
    macros = read.macros;
  }
  for (const source of sources) {
    if (source.kind === 'macro') {
      const macro = findMacro(macros, source.name);
      if (macro === undefined) {
        return { ok: false, message: `--macro: no macro '${source.name}' in ${macrosFile} (it has ${macros.map((m) => `${m.key} ${m.name}`).join(', ')})` };
      }
      lines.push(...macro.commands.map((command) => Buffer.from(command, 'utf8').toString('latin1')));
      continue;
    }
    if (source.kind === 'command') {
      // Lines travel as byte strings (one char per byte), as script files are read: UTF-8 stays UTF-8.
      lines.push(Buffer.from(source.text, 'utf8').toString('latin1'));
      continue;
    }
    try {
      lines.push(...scriptLines(await readScript(source.path)));
    } catch (error) {
      return { ok: false, message: describeReadError(source.path, error) };
    }
  }
  const paths = [...outputs];
  for (const line of lines) {
    const taken = takeLineOptions(line);
    if (!taken.ok) return { ok: false, message: `${taken.message} in '${line}'` };
    if (taken.outputJson !== null) paths.push(taken.outputJson);
  }
  for (const path of paths) {
    const check = checkOutputPath(path);
    if (!check.ok) return { ok: false, message: check.message };
  }
  return { ok: true, lines };
}
