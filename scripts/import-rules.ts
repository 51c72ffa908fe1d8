/**
 * The one-way import rule and the kernel's purity (design.md): kernel/ imports nothing outside
 * itself and never reads time, randomness or the process; uart/ imports neither kernel/ nor
 * shell/; shell/ reaches kernel/ and uart/ only through their index.ts.
 */
export type Folder = 'kernel' | 'uart' | 'shell' | 'other';

const IMPURE: ReadonlyArray<[RegExp, string]> = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bnew Date\s*\(/, 'new Date()'],
  [/\bperformance\.now\s*\(/, 'performance.now()'],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/\b(setTimeout|setInterval|setImmediate|queueMicrotask)\s*\(/, 'timers'],
  [/\bprocess\s*[.[]/, 'process'],
  [/\brequire\s*\(/, 'require()'],
];

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

export function folderOf(path: string): Folder {
  const top = path.split('/')[0];
  return top === 'kernel' || top === 'uart' || top === 'shell' ? top : 'other';
}

/** Removes comments and string contents so rules see only code (import specifiers are read before this). */
function codeOnly(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, "''");
}

function importsOf(text: string): string[] {
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\'"])\/\/.*$/gm, '$1');
  return [...withoutComments.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

function resolveFolder(fromPath: string, specifier: string): { folder: Folder; path: string } | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const parts = fromPath.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  const path = parts.join('/');
  return { folder: folderOf(path), path };
}

/** Every violation in one source file, as `path: message` lines. */
export function checkSource(path: string, text: string): string[] {
  const from = folderOf(path);
  const problems: string[] = [];
  for (const specifier of importsOf(text)) {
    const target = resolveFolder(path, specifier);
    if (from === 'kernel') {
      if (!target) problems.push(`${path}: kernel/ imports the package '${specifier}'`);
      else if (target.folder !== 'kernel') problems.push(`${path}: kernel/ imports '${specifier}' outside kernel/`);
    } else if (from === 'uart' && target && (target.folder === 'kernel' || target.folder === 'shell')) {
      problems.push(`${path}: uart/ imports '${specifier}' from ${target.folder}/`);
    } else if (from === 'shell' && target && (target.folder === 'kernel' || target.folder === 'uart')) {
      if (target.path !== `${target.folder}/index.js`) {
        problems.push(`${path}: shell/ must import ${target.folder}/ through ${target.folder}/index.js, not '${specifier}'`);
      }
    }
  }
  if (from === 'kernel') {
    const code = codeOnly(text);
    for (const [pattern, name] of IMPURE) {
      if (pattern.test(code)) problems.push(`${path}: kernel/ must stay pure but uses ${name}`);
    }
  }
  return problems;
}
