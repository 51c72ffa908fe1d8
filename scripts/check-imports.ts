import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSource } from './import-rules.js';

const root = new URL('..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const problems = ['kernel', 'uart', 'shell'].flatMap((dir) =>
  sources(dir).map((path) => relative('.', path)).flatMap((path) => checkSource(path, readFileSync(join(root, path), 'utf8'))),
);

if (problems.length > 0) {
  process.stderr.write(`Import rule violations:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write('import rules: kernel/ pure, one-way imports respected\n');
