import { parseArgs } from 'node:util';

export interface SoakOptions {
  /** Wall minutes of commands (the last one is let finish). */
  readonly minutes: number;
  /** A console target (`tcp:HOST:PORT`, `unix:PATH`, a device path); undefined: the embedded model on the virtual port. */
  readonly target: string | undefined;
  /** Seeds the command sequence and the model's kernel, so a run replays. */
  readonly seed: number;
  /** Wall ms between RSS samples. */
  readonly rssEveryMs: number;
  /** A second-half RSS slope above this (MB/min) fails a run of 2 minutes or more. */
  readonly maxRssSlope: number;
  /** Chance that a command which runs a test gets Ctrl-C at a random time. */
  readonly interruptChance: number;
}

export const SOAK_USAGE = `Usage: npm run soak -- [--minutes N] [--target TARGET] [--seed N] [--rss-every S] [--max-rss-slope MB]

Sends random command lines from the kernel's grammar (short tests, valid and invalid flags, other
commands, Ctrl-C at random times) and checks what comes back through the console's output parser:
every command returns to the prompt; chaos successes + failures = events; pressures within 0..100;
no counter negative or going down; refused lines refused with one [ERROR]; valid lines not refused.
RSS of this process is sampled all along. Exit status 1 when an invariant failed, 2 for bad usage
or an unreachable target.

  --minutes N          wall minutes to run (default 1; fractions allowed, e.g. 0.2)
  --target TARGET      tcp:HOST:PORT (e.g. a 'sis serve'), unix:PATH or a serial device;
                       default: the embedded kernel model on the virtual port, at full speed
  --seed N             seed of the command sequence and of the model (default: random, printed)
  --rss-every S        seconds between RSS samples (default 2)
  --max-rss-slope MB   fail when RSS grows faster than this many MB per minute over the second
                       half of a run of 2 minutes or more (default 10)
  --interrupt P        chance of a Ctrl-C during a test, 0..1 (default 0.2)`;

export type SoakArgs = { ok: true; options: SoakOptions; help: boolean } | { ok: false; message: string };

export function parseSoakArgs(argv: readonly string[]): SoakArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        minutes: { type: 'string' },
        target: { type: 'string' },
        seed: { type: 'string' },
        'rss-every': { type: 'string' },
        'max-rss-slope': { type: 'string' },
        interrupt: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const number = (name: string, text: string | undefined, fallback: number, min: number, max: number): number | string => {
    if (text === undefined) return fallback;
    const value = Number(text);
    return text.trim() !== '' && Number.isFinite(value) && value >= min && value <= max
      ? value
      : `--${name}: invalid value '${text}' (expected a number ${min}..${max})`;
  };
  const minutes = number('minutes', values.minutes, 1, 0.01, 10_080);
  const seed = number('seed', values.seed, Math.floor(Math.random() * 2 ** 31), 0, 2 ** 32 - 1);
  const rssEvery = number('rss-every', values['rss-every'], 2, 0.1, 600);
  const maxRssSlope = number('max-rss-slope', values['max-rss-slope'], 10, 0, 1e6);
  const interrupt = number('interrupt', values.interrupt, 0.2, 0, 1);
  for (const v of [minutes, seed, rssEvery, maxRssSlope, interrupt]) if (typeof v === 'string') return { ok: false, message: v };
  if (!Number.isInteger(seed)) return { ok: false, message: `--seed: invalid value '${values.seed}' (expected an integer)` };
  return {
    ok: true,
    help: values.help === true,
    options: {
      minutes: minutes as number,
      target: values.target,
      seed: seed as number,
      rssEveryMs: (rssEvery as number) * 1000,
      maxRssSlope: maxRssSlope as number,
      interruptChance: interrupt as number,
    },
  };
}
