import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join, relative } from 'node:path';

/**
 * The absolute path of an executable named `name` on PATH, or null.
 * @param {string} name
 * @param {string | undefined} [path]
 * @returns {string | null}
 */
export function findTool(name, path = process.env.PATH) {
  for (const dir of (path ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

/**
 * The command that installs a Debian package.
 * @param {string} aptPackage
 */
export function installCommand(aptPackage) {
  return `apt-get install -y ${aptPackage}`;
}

/**
 * Whether the environment is CI (CI set to anything but empty, 0 or false).
 * @param {NodeJS.ProcessEnv} env
 */
export function isCi(env) {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

const REQUIRE = /requireTool\(\s*'([^']+)'\s*,\s*'([^']+)'\s*\)/g;

/**
 * Test files under `root` that call requireTool(NAME, PACKAGE) for a tool not on PATH.
 * @param {string} root
 * @param {(name: string) => string | null} [find]
 * @returns {Array<{ file: string, tool: string, aptPackage: string }>}
 */
export function missingTools(root, find = (name) => findTool(name)) {
  const found = [];
  for (const file of testFiles(root)) {
    for (const [, tool, aptPackage] of readFileSync(file, 'utf8').matchAll(REQUIRE)) {
      if (find(tool) === null) found.push({ file: relative(root, file), tool, aptPackage });
    }
  }
  return found;
}

/** @param {string} dir @returns {string[]} */
function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return /\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * What the test run says once, before any suite starts, about tools that are missing: under CI
 * those suites fail, elsewhere they are skipped. Empty when nothing is missing.
 * @param {Array<{ file: string, tool: string, aptPackage: string }>} missing
 * @param {boolean} ci
 * @returns {string}
 */
export function missingToolsNotice(missing, ci) {
  if (missing.length === 0) return '';
  const byTool = new Map();
  for (const { file, tool, aptPackage } of missing) {
    const entry = byTool.get(tool) ?? { aptPackage, files: new Set() };
    entry.files.add(file);
    byTool.set(tool, entry);
  }
  const outcome = ci ? 'FAIL (CI=true)' : 'are SKIPPED';
  const lines = [...byTool].map(([tool, { aptPackage, files }]) =>
    `  ${tool} is not installed (${installCommand(aptPackage)}): ${outcome}: ${[...files].sort().join(', ')}`);
  return `Tests that need tools not on PATH:\n${lines.join('\n')}\n`;
}
