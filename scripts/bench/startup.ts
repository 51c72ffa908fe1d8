import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PtyProcess } from './pty.js';

const BARE_INK_SOURCE = fileURLToPath(new URL('./bare-ink.mjs', import.meta.url));
const BARE_INK_BUNDLE = fileURLToPath(new URL('../../.bench/bare-ink/bare-ink.js', import.meta.url));

/** Wall ms from spawning `command` on a pty until `sis> ` is on the screen. */
export async function timeToPrompt(command: string): Promise<number> {
  const pty = new PtyProcess(command);
  try {
    return await pty.waitFor('sis>', 15_000);
  } finally {
    await pty.kill();
  }
}

/**
 * The start-up anchor, the smallest Ink app that prints the prompt, bundled with the options
 * `scripts/build.mjs` gives sis (ESM, node20, minified, production React), so the two compare
 * like for like.
 */
export async function buildBareInk(): Promise<string> {
  rmSync(dirname(BARE_INK_BUNDLE), { recursive: true, force: true });
  await build({
    entryPoints: { 'bare-ink': BARE_INK_SOURCE },
    outdir: dirname(BARE_INK_BUNDLE),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'bundle',
    external: ['react-devtools-core'],
    banner: { js: "import { createRequire as __sisCreateRequire } from 'node:module';\nconst require = __sisCreateRequire(import.meta.url);" },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    legalComments: 'none',
    minify: true,
  });
  return BARE_INK_BUNDLE;
}

export const STARTUP_COMMANDS = {
  sis: 'node dist/sis.js',
  bareInk: `node ${BARE_INK_BUNDLE}`,
  nodeE: `node -e "process.stdout.write('sis> ')"`,
} as const;
