import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';

const schema = JSON.parse(readFileSync(new URL('../../../../schema/results.schema.json', import.meta.url), 'utf8'));
/** The results schema, compiled as the conformance tests compile it. */
export const validateResults = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sis-session-'));
}

/** Files in `dir` whose names look like writeFileAtomic's temp files. */
export function tempFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.tmp'));
}

export function readFixtureText(name: string): string {
  return readFileSync(new URL(`../../../fixtures/conformance/${name}.txt`, import.meta.url), 'latin1');
}

/**
 * Cuts a transcript right after each prompt `sis> ` that starts a line: piece k ends with the
 * k-th prompt, so a line can be submitted between two pieces as a console would send it.
 */
export function splitAtPrompts(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  const re = /(^|\n)sis> /g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = m.index + m[0].length;
    pieces.push(text.slice(start, end));
    start = end;
  }
  pieces.push(text.slice(start));
  return pieces;
}

export const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
