import type { Command } from './types.js';

const USAGE = 'Usage: metricsctl <on|off|status>\n';

/** Runtime switch for METRIC lines; wording as the real kernel's `cmd_metricsctl`. */
export const metricsctlCommand: Command = {
  name: 'metricsctl',
  summary: 'METRIC line output: on|off|status',
  usage: 'metricsctl <on|off|status>',
  subcommands: [
    { name: 'on', summary: 'Print METRIC lines (live progress during tests)' },
    { name: 'off', summary: 'Stop printing METRIC lines' },
    { name: 'status', summary: 'Show whether METRIC lines are printed' },
  ],
  run(ctx, args) {
    switch (args[0]) {
      case 'on':
        ctx.state.metricsEnabled = true;
        ctx.print('[METRICSCTL] capture enabled\n');
        return;
      case 'off':
        ctx.state.metricsEnabled = false;
        ctx.print('[METRICSCTL] capture disabled\n');
        return;
      case 'status':
        ctx.print(`[METRICSCTL] capture: ${ctx.state.metricsEnabled ? 'ON' : 'OFF'}\n`);
        return;
      default:
        ctx.print(USAGE);
    }
  },
};
