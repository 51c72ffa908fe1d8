import type { Key } from 'ink';
import type { CommandSpec, FlagSpec } from '../../../../kernel/index.js';
import { ConsoleInput, type ConsoleInputOptions } from '../../../../shell/tui/input/console-input.js';
import type { InputGrammar } from '../../../../shell/tui/input/grammar.js';
import { CONSOLE_OPTIONS } from '../../../../shell/tui/input/grammar.js';
import { keyToAction } from '../../../../shell/tui/input/key-map.js';

const duration: FlagSpec = { name: '--duration', kind: 'int', min: 1, max: 3_600_000, unit: 'ms', default: 10_000, help: 'd' };
const seed: FlagSpec = { name: '--seed', kind: 'u64', help: 's' };
const quiet: FlagSpec = { name: '--quiet', aliases: ['--summary'], kind: 'bool', help: 'q' };
const verbose: FlagSpec = { name: '--verbose', kind: 'bool', help: 'v' };
const common = [seed, quiet, verbose];
const pct = (name: string, aliases?: string[]): FlagSpec => ({ name, aliases, kind: 'int', min: 0, max: 100, unit: '%', help: 'p' });

/** A stand-in for the kernel's table with the shape the stress tests give it (stable for these tests). */
export const GRAMMAR: InputGrammar = {
  consoleOptions: CONSOLE_OPTIONS,
  commands: [
    { name: 'help', summary: 'h', usage: 'help [command]' },
    { name: 'clear', summary: 'c', usage: 'clear' },
    {
      name: 'autoctl',
      summary: 'a',
      usage: 'autoctl <on|off|reset|status|interval N>',
      subcommands: [
        { name: 'on', summary: '' },
        { name: 'off', summary: '' },
        { name: 'reset', summary: '' },
        { name: 'status', summary: '' },
        { name: 'interval', summary: '', positional: 'N' },
      ],
    },
    {
      name: 'metricsctl',
      summary: 'm',
      usage: 'metricsctl <on|off|status>',
      subcommands: [
        { name: 'on', summary: '' },
        { name: 'off', summary: '' },
        { name: 'status', summary: '' },
      ],
    },
    {
      name: 'stresstest',
      summary: 's',
      usage: 'stresstest <test> [flags]',
      subcommands: [
        { name: 'memory', summary: '', flags: [duration, pct('--target-pressure'), pct('--fail-rate', ['--failure-rate']), ...common] },
        { name: 'commands', summary: '', flags: [duration, { name: '--rate', kind: 'int', min: 1, max: 10_000, help: 'r' }, ...common] },
        { name: 'multi', summary: '', flags: [duration, ...common] },
        { name: 'chaos', summary: '', flags: [duration, pct('--fail-rate', ['--failure-rate']), { name: '--expect-failures', kind: 'bool', help: 'e' }, ...common] },
        {
          name: 'compare',
          summary: '',
          positional: '<memory|commands|multi|chaos|learning>',
          positionalValues: ['memory', 'commands', 'multi', 'chaos', 'learning'],
          flags: [duration, { name: '--runs', kind: 'int', min: 1, max: 100, default: 1, help: 'n' }, ...common],
        },
        { name: 'report', summary: '', flags: [{ name: '--all', kind: 'bool', help: 'a' }] },
      ],
    },
  ] satisfies CommandSpec[],
};

type Press = readonly [input: string, key?: Partial<Key>, raw?: string];

/** The (input, key) pairs Ink 6.8's useInput produces for these keys (checked against real bytes in input-line.test.tsx). */
export const K = {
  enter: ['', { return: true }],
  tab: ['', { tab: true }],
  esc: ['', { escape: true, meta: true }],
  left: ['', { leftArrow: true }],
  right: ['', { rightArrow: true }],
  up: ['', { upArrow: true }],
  down: ['', { downArrow: true }],
  home: ['', { home: true }],
  end: ['', { end: true }],
  ctrlLeft: ['', { leftArrow: true, ctrl: true }],
  ctrlRight: ['', { rightArrow: true, ctrl: true }],
  bspace: ['', { delete: true }, '\x7f'],
  ctrlH: ['', { backspace: true }, '\b'],
  del: ['', { delete: true }, '\x1b[3~'],
  altBspace: ['', { delete: true, meta: true }, '\x1b\x7f'],
  altB: ['b', { meta: true }],
  altF: ['f', { meta: true }],
  altD: ['d', { meta: true }],
} satisfies Record<string, Press>;

export const ctrl = (letter: string): Press => [letter, { ctrl: true }];

export type Step = Press | string;

/** Feeds each step (a plain string is typed text) through keyToAction into `input`; returns the events. */
export function drive(input: ConsoleInput, ...steps: Step[]) {
  return steps.flatMap((step) => {
    const [text, key = {}, raw] = typeof step === 'string' ? [step] : step;
    return input.dispatch(keyToAction(text, key, raw));
  });
}

export function makeInput(options: ConsoleInputOptions = {}): ConsoleInput {
  return new ConsoleInput({ grammar: GRAMMAR, ...options });
}

/** `text` with `|` marking the cursor, as the tables write it. */
export function marked(input: ConsoleInput): string {
  const { text, cursor } = input.view;
  return `${text.slice(0, cursor)}|${text.slice(cursor)}`;
}
