import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTool, missingTools, missingToolsNotice } from './tool-scan.js';
import { requireTool, toolPlan, type Tool } from './tools.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sis-tools-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A requireTool call as source text, built so that the scan of this file does not see one. */
const call = (tool: string, apt: string): string => `${'require'}Tool('${tool}', '${apt}')`;
const present: Tool = { name: 'node', aptPackage: 'nodejs', path: process.execPath };
const absent: Tool = { name: 'qemu-system-x86_64', aptPackage: 'qemu-system-x86', path: null };

describe('finding tools', () => {
  test('an executable on PATH is found; a plain file or a missing name is not', () => {
    writeFileSync(join(dir, 'runme'), '#!/bin/sh\n');
    chmodSync(join(dir, 'runme'), 0o755);
    writeFileSync(join(dir, 'data'), '');
    chmodSync(join(dir, 'data'), 0o644);
    expect(findTool('runme', `/nonexistent:${dir}`)).toBe(join(dir, 'runme'));
    // Root may execute anything, but a file without any execute bit is still refused by access(X_OK).
    expect(findTool('data', dir)).toBeNull();
    expect(findTool('sis-no-such-tool', dir)).toBeNull();
    const name = 'sis-no-such-tool';
    expect(requireTool(name, 'sis-pkg')).toEqual({ name: 'sis-no-such-tool', aptPackage: 'sis-pkg', path: null });
  });
});

describe('what a suite does with its tools', () => {
  test('all present: it runs, CI or not', () => {
    expect(toolPlan([present], { CI: 'true' })).toEqual({ kind: 'run' });
    expect(toolPlan([present], {})).toEqual({ kind: 'run' });
  });

  test('one missing: a failure naming the install command in CI, a skip elsewhere', () => {
    const message = 'qemu-system-x86_64 is not installed: apt-get install -y qemu-system-x86';
    expect(toolPlan([present, absent], { CI: 'true' })).toEqual({ kind: 'fail', message });
    expect(toolPlan([absent], { CI: '1' })).toEqual({ kind: 'fail', message });
    expect(toolPlan([absent], {})).toEqual({ kind: 'skip', message });
    expect(toolPlan([absent], { CI: 'false' })).toEqual({ kind: 'skip', message });
  });
});

describe('the notice printed once before the suites run', () => {
  test('lists each missing tool, its install command and the files that need it', () => {
    mkdirSync(join(dir, 'e2e'));
    writeFileSync(join(dir, 'e2e', 'a.test.ts'), `const t = [${call('socat', 'socat')}, ${call('tmux', 'tmux')}];\n`);
    writeFileSync(join(dir, 'b.test.tsx'), `${call('socat', 'socat').replace('(', '( ').replace(',', ' ,')}\n`);
    writeFileSync(join(dir, 'helper.ts'), `${call('socat', 'socat')}\n`);
    const missing = missingTools(dir, (name) => (name === 'tmux' ? '/usr/bin/tmux' : null));
    expect(missing).toEqual([
      { file: 'b.test.tsx', tool: 'socat', aptPackage: 'socat' },
      { file: join('e2e', 'a.test.ts'), tool: 'socat', aptPackage: 'socat' },
    ]);
    expect(missingToolsNotice(missing, false)).toBe(
      'Tests that need tools not on PATH:\n  socat is not installed (apt-get install -y socat): are SKIPPED: b.test.tsx, e2e/a.test.ts\n',
    );
    expect(missingToolsNotice(missing, true)).toContain('socat is not installed (apt-get install -y socat): FAIL (CI=true)');
    expect(missingToolsNotice([], true)).toBe('');
  });

  test('every test file that spawns socat, tmux or picocom declares it', () => {
    const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
    const declared = missingTools(root, () => null);
    const files = (tool: string): string[] => declared.filter((d) => d.tool === tool).map((d) => d.file).sort();
    expect(files('socat')).toEqual(expect.arrayContaining([
      'e2e/serve-picocom.test.ts', 'e2e/transports-errors.test.ts', 'e2e/transports-reconnect.test.ts',
      'e2e/transports.test.ts', 'uart/serial-device-port.test.ts',
    ]));
    expect(files('tmux')).toEqual(expect.arrayContaining([
      'e2e/serve-picocom.test.ts', 'e2e/tmux-console.test.ts', 'e2e/tui.test.ts',
      'reliability/console-bytes.test.ts', 'reliability/tui-reconnect.test.ts', 'reliability/tui-signals.test.ts',
    ]));
    expect(files('picocom')).toEqual(['e2e/serve-picocom.test.ts']);
  });
});
