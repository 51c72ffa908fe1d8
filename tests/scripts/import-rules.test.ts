import { describe, expect, test } from '@jest/globals';
import { checkSource } from '../../scripts/import-rules.js';

describe('import rules and kernel purity', () => {
  test('kernel/ may import only within kernel/', () => {
    expect(checkSource('kernel/a.ts', "import { x } from './b.js';\nimport type { Y } from './commands/types.js';")).toEqual([]);
    expect(checkSource('kernel/a.ts', "import { x } from '../uart/index.js';")).toEqual([
      "kernel/a.ts: kernel/ imports '../uart/index.js' outside kernel/",
    ]);
    expect(checkSource('kernel/a.ts', "import fs from 'node:fs';")).toEqual([
      "kernel/a.ts: kernel/ imports the package 'node:fs'",
    ]);
  });

  test('kernel/ may not read time, randomness, timers or the process', () => {
    const found = (code: string) => checkSource('kernel/a.ts', code);
    expect(found('const t = Date.now();')).toEqual(['kernel/a.ts: kernel/ must stay pure but uses Date.now()']);
    expect(found('const r = Math.random();')).toEqual(['kernel/a.ts: kernel/ must stay pure but uses Math.random()']);
    expect(found('setTimeout(() => {}, 1);')).toEqual(['kernel/a.ts: kernel/ must stay pure but uses timers']);
    expect(found('const e = process.env.X;')).toEqual(['kernel/a.ts: kernel/ must stay pure but uses process']);
    expect(found('const t = performance.now();')).toEqual(['kernel/a.ts: kernel/ must stay pure but uses performance.now()']);
  });

  test('mentions in comments and strings are not uses', () => {
    expect(checkSource('kernel/a.ts', "// Date.now() is never used\nconst s = 'Math.random()';")).toEqual([]);
  });

  test('uart/ imports neither kernel/ nor shell/', () => {
    expect(checkSource('uart/a.ts', "import { K } from '../kernel/index.js';")).toEqual([
      "uart/a.ts: uart/ imports '../kernel/index.js' from kernel/",
    ]);
    expect(checkSource('uart/a.ts', "import { S } from '../shell/cli.js';")).toEqual([
      "uart/a.ts: uart/ imports '../shell/cli.js' from shell/",
    ]);
    expect(checkSource('uart/a.ts', "import net from 'node:net';")).toEqual([]);
  });

  test('shell/ reaches kernel/ and uart/ only through index.ts', () => {
    expect(checkSource('shell/a.ts', "import { Kernel } from '../kernel/index.js';")).toEqual([]);
    expect(checkSource('shell/tui/a.tsx', "import { P } from '../../uart/index.js';")).toEqual([]);
    expect(checkSource('shell/a.ts', "import { Prng } from '../kernel/prng.js';")).toEqual([
      "shell/a.ts: shell/ must import kernel/ through kernel/index.js, not '../kernel/prng.js'",
    ]);
  });
});
