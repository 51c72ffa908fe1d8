import type { ChaosEvent } from './types.js';

/** Read-only shell commands the burst sends through the interpreter. */
export const BURST_COMMANDS = ['metricsctl status', 'stresstest report', 'help metricsctl', 'help clear'] as const;
/** Virtual cost of dispatching one command line, µs. */
const COMMAND_US = 45;
/** Back-off before a line is sent again, µs. */
const RETRY_US = 100;
/** Chance (%) that a line loses a byte while the link is faulty. */
const DROP_PCT = 30;
/** Times one line may be sent again before the burst gives up. */
const MAX_RETRIES = 2;

/**
 * 10–50 commands run through the shell's interpreter. Fault: a noisy link for the burst, on which
 * each line loses a byte of its command name with DROP_PCT % chance, so the interpreter rejects it.
 * Recovery: a rejected line is sent again after a back-off, up to MAX_RETRIES times; the burst fails
 * when one line is rejected every time.
 */
export const commandBurst: ChaosEvent = {
  name: 'Command burst',
  label: (n) => `Command burst (${n} cmds)`,
  *run(env, fault) {
    const { prng, ctx } = env;
    const n = prng.randRange(10, 51);
    let cost = 0;
    let rejected = 0;
    for (let i = 0; i < n; i++) {
      const line = BURST_COMMANDS[prng.randRange(0, BURST_COMMANDS.length)]!;
      for (let attempt = 0; ; attempt++) {
        const sent = fault && prng.randRange(0, 100) < DROP_PCT ? dropNameByte(line, prng.randRange(0, nameLength(line))) : line;
        cost += COMMAND_US;
        if (ctx.interpret(sent)) break;
        rejected++;
        if (attempt === MAX_RETRIES) {
          yield cost;
          return { status: 'failed', param: n, reason: `command rejected ${MAX_RETRIES + 1} times` };
        }
        cost += RETRY_US;
      }
    }
    env.predictor.predictCommands(n);
    yield cost;
    return { status: fault || rejected > 0 ? 'recovered' : 'ok', param: n };
  },
};

function nameLength(line: string): number {
  const space = line.indexOf(' ');
  return space < 0 ? line.length : space;
}

function dropNameByte(line: string, index: number): string {
  return line.slice(0, index) + line.slice(index + 1);
}
