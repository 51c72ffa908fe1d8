import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

/**
 * One ESM bundle for the CLI; the Ink console is a separate chunk loaded only in TUI mode.
 * serialport stays external because its native binding is located relative to its package.
 */
await build({
  entryPoints: { sis: 'shell/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  external: ['serialport', '@serialport/*', 'react-devtools-core'],
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __sisCreateRequire } from 'node:module';\nconst require = __sisCreateRequire(import.meta.url);",
  },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  legalComments: 'none',
});
chmodSync('dist/sis.js', 0o755);
