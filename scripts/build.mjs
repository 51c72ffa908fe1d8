import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';

/**
 * One ESM bundle for the CLI; the Ink console is a separate chunk loaded only in TUI mode.
 * serialport (for real devices) stays external because its native binding is located relative to its
 * package; the virtual port's stream and mock binding, plain JavaScript, are bundled, their `debug`
 * tracing replaced by loggers that are off (it cost start-up its loading and its environment scan).
 * Ink's string-width is `shell/tui/text-width.ts`, which counts the console's own text itself.
 */
// Chunk names carry content hashes: clear old ones so dist/ holds one build.
rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { sis: 'shell/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  external: ['serialport', '@serialport/bindings-cpp', 'react-devtools-core'],
  alias: { debug: './scripts/debug-off.cjs', 'string-width': './shell/tui/text-width.ts' },
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __sisCreateRequire } from 'node:module';\nconst require = __sisCreateRequire(import.meta.url);",
  },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  legalComments: 'none',
  minify: process.env.SIS_NO_MINIFY !== '1',
});
chmodSync('dist/sis.js', 0o755);

// The dashboard page (shell/web/page): one browser bundle, its CSS beside it, served by `sis dashboard`.
await build({
  entryPoints: { app: 'shell/web/page/main.tsx' },
  outdir: 'dist/web',
  bundle: true,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  format: 'esm',
  platform: 'browser',
  target: ['chrome120', 'firefox120', 'safari17'],
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  legalComments: 'none',
  minify: process.env.SIS_NO_MINIFY !== '1',
});
