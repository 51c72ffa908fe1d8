import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findMacro, macroHelpLines, parseMacros, readMacros } from '../../../shell/tui/macros.js';

const dir = mkdtempSync(join(tmpdir(), 'sis-macros-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FILE = `# sis macros
1 memory check: metricsctl on; stresstest memory --duration 2000

  2   chaos:stresstest chaos --duration 500 --fail-rate 20
# a shell target: a literal ';' and a backslash
0 shell: echo a\\; echo b; printf 'x\\\\n'
9 one: help
`;

describe('the macros file', () => {
  test('KEY NAME: command; command lines, comments and blank lines skipped', () => {
    expect(parseMacros(FILE, 'm.txt')).toEqual({
      ok: true,
      macros: [
        { key: '1', name: 'memory check', commands: ['metricsctl on', 'stresstest memory --duration 2000'] },
        { key: '2', name: 'chaos', commands: ['stresstest chaos --duration 500 --fail-rate 20'] },
        { key: '0', name: 'shell', commands: ['echo a; echo b', "printf 'x\\n'"] },
        { key: '9', name: 'one', commands: ['help'] },
      ],
    });
  });

  test.each([
    ['1 a: help\nhelp\n', "m.txt:2: expected 'KEY NAME: command; command', got 'help'"],
    ['x name: help', "m.txt:1: the key 'x' is not a digit 0-9"],
    ['12 name: help', "m.txt:1: the key '12' is not a digit 0-9"],
    ['3: help', "m.txt:1: macro 3 has no name before ':'"],
    ['3 name:', "m.txt:1: macro 3 (name) has no commands after ':'"],
    ['3 name:   ', "m.txt:1: macro 3 (name) has no commands after ':'"],
    ['3 name: help;; autoctl status', 'm.txt:1: macro 3 (name): command 2 is empty'],
    ['3 name: help;', 'm.txt:1: macro 3 (name): command 2 is empty'],
    ['3 name: echo \\n', "m.txt:1: '\\n' is not an escape ('\\;' is a ';', '\\\\' a backslash)"],
    ['1 a: help\n# c\n1 b: help', "m.txt:3: key 1 is already macro 'a' (line 1)"],
    ['1 a: help\n2 a: autoctl status', "m.txt:2: the name 'a' is already macro 1 (line 1)"],
    ['# nothing\n\n', "m.txt: no macros in the file (lines 'KEY NAME: command; command')"],
  ])('%j: %s', (text, message) => {
    expect(parseMacros(text, 'm.txt')).toEqual({ ok: false, message });
  });

  test('read from a file; a missing file or a bad one is one line', async () => {
    const good = join(dir, 'good.txt');
    writeFileSync(good, FILE);
    const read = await readMacros(good);
    expect(read.ok && read.macros.map((m) => m.key)).toEqual(['1', '2', '0', '9']);
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, '1 a: help\n\n7 b c\n');
    expect(await readMacros(bad)).toEqual({ ok: false, message: `--macros: ${bad}:3: expected 'KEY NAME: command; command', got '7 b c'` });
    expect(await readMacros(join(dir, 'none.txt'))).toEqual({ ok: false, message: `--macros: cannot read ${join(dir, 'none.txt')}: no such file` });
    expect(await readMacros(dir)).toEqual({ ok: false, message: `--macros: cannot read ${dir}: is a directory` });
  });

  test('found by key or by name; listed in Ctrl-T h', () => {
    const parsed = parseMacros(FILE, 'm.txt');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(findMacro(parsed.macros, '2')?.name).toBe('chaos');
    expect(findMacro(parsed.macros, 'memory check')?.key).toBe('1');
    expect(findMacro(parsed.macros, '5')).toBeUndefined();
    expect(macroHelpLines(parsed.macros)).toEqual([
      'Macros (--macros FILE):',
      '  Ctrl-T 1  memory check: metricsctl on; stresstest memory --duration 2000',
      '  Ctrl-T 2  chaos: stresstest chaos --duration 500 --fail-rate 20',
      "  Ctrl-T 0  shell: echo a; echo b; printf 'x\\n'",
      '  Ctrl-T 9  one: help',
    ]);
    expect(macroHelpLines([])).toEqual([]);
  });
});
