import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import type { ResultsDocument } from '../../shell/results/index.js';

export const SUPPORTED_SCHEMA_VERSION = 1;

export type Loaded = { ok: true; doc: ResultsDocument } | { ok: false; message: string };

const schema = JSON.parse(readFileSync(new URL('../../schema/results.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

/** Errors shown per file; the rest are counted. */
const SHOWN_ERRORS = 5;

function describeErrors(errors: readonly ErrorObject[]): string {
  const lines = errors.slice(0, SHOWN_ERRORS).map((e) => `  ${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  if (errors.length > SHOWN_ERRORS) lines.push(`  … and ${errors.length - SHOWN_ERRORS} more`);
  return lines.join('\n');
}

/** Reads one results file and checks it against schema/results.schema.json. */
export function loadResults(path: string): Loaded {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return { ok: false, message: `${path}: cannot read the file (${code})` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `${path}: not JSON (${(error as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: `${path}: not a results document (expected a JSON object)` };
  }
  const version = (value as { schema_version?: unknown }).schema_version;
  if (version !== SUPPORTED_SCHEMA_VERSION) {
    const shown = version === undefined ? 'no schema_version' : `schema_version ${JSON.stringify(version)}`;
    return {
      ok: false,
      message: `${path}: ${shown} is not supported (this validator reads schema_version ${SUPPORTED_SCHEMA_VERSION})`,
    };
  }
  if (!validate(value)) {
    return { ok: false, message: `${path}: does not match schema/results.schema.json:\n${describeErrors(validate.errors ?? [])}` };
  }
  return { ok: true, doc: value as ResultsDocument };
}
