import { AUTONOMY_COUNTER_LABELS } from '../autonomy/metrics.js';
import { CNTFRQ_HZ } from '../state.js';
import type { Command, CommandContext } from './types.js';

const USAGE = 'Usage: autoctl <on|off|reset|status|interval N>\n';
const INTERVAL_MIN_MS = 100;
const INTERVAL_MAX_MS = 60_000;

/** Autonomous control, worded as the real kernel's `autoctl` (reference §1.6). */
export const autoctlCommand: Command = {
  name: 'autoctl',
  summary: 'Autonomous control: on|off|reset|status|interval N',
  usage: 'autoctl <on|off|reset|status|interval N>',
  subcommands: [
    { name: 'on', summary: 'Enable autonomy and arm the decision timer' },
    { name: 'off', summary: 'Disable autonomy and stop the decision timer' },
    { name: 'reset', summary: 'Force enable and re-arm the decision timer' },
    { name: 'status', summary: 'Show the autonomous control status' },
    {
      name: 'interval',
      summary: `Set the decision interval (${INTERVAL_MIN_MS}..${INTERVAL_MAX_MS} ms, default 500)`,
      positional: 'N',
    },
  ],
  run(ctx, args) {
    switch (args[0]) {
      case 'on':
        if (ctx.state.autonomy.enabled && ctx.state.autonomy.timerArmed) {
          ctx.print("[AUTOCTL] Already enabled; skip re-arm (use 'autoctl reset' to force)\n");
        } else {
          enable(ctx);
        }
        return;
      case 'reset':
        ctx.print('[AUTOCTL] Forcing timer re-arm (reset)\n');
        enable(ctx);
        return;
      case 'off':
        disable(ctx);
        return;
      case 'status':
        ctx.print(formatStatus(ctx));
        return;
      case 'interval':
        setDecisionInterval(ctx, args[1]);
        return;
      default:
        ctx.print(USAGE);
    }
  },
};

function enable(ctx: CommandContext): void {
  const autonomy = ctx.state.autonomy;
  autonomy.enabled = true;
  autonomy.timerArmed = true;
  ctx.state.controller.arm();
  const cycles = (CNTFRQ_HZ / 1000) * autonomy.intervalMs;
  ctx.print(
    '[AUTOCTL] Autonomous mode ENABLED\n' +
      '[AUTOCTL] Timer tick counter reset\n' +
      `[AUTOCTL] Arming EL1 physical timer with ${autonomy.intervalMs}ms interval (${cycles} cycles)\n` +
      '[AUTOCTL] Command complete\n',
  );
}

function disable(ctx: CommandContext): void {
  ctx.state.autonomy.enabled = false;
  ctx.state.autonomy.timerArmed = false;
  ctx.state.controller.silence();
  ctx.state.metricsEnabled = true;
  ctx.print(
    '[AUTOCTL] Autonomous mode DISABLED\n' +
      '[AUTOCTL] EL1 physical timer stopped and cleared\n' +
      '[AUTOCTL] Metrics re-enabled for manual testing\n' +
      '[AUTOCTL] Command complete\n',
  );
}

function setDecisionInterval(ctx: CommandContext, value: string | undefined): void {
  if (value === undefined) {
    ctx.print('Usage: autoctl interval <milliseconds>\n');
    return;
  }
  const ms = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(ms >= INTERVAL_MIN_MS && ms <= INTERVAL_MAX_MS)) {
    ctx.print(
      `[ERROR] autoctl interval: invalid value '${value}' (expected an integer ${INTERVAL_MIN_MS}..${INTERVAL_MAX_MS} ms)\n`,
    );
    return;
  }
  ctx.state.autonomy.intervalMs = ms;
  ctx.print(`[AUTOCTL] Decision interval set to ${ms} ms\n`);
}

function formatStatus(ctx: CommandContext): string {
  const a = ctx.state.autonomy;
  const audit = Math.min(a.totalDecisions, 1000);
  const accuracy = (last: number) => {
    const pct = ctx.state.controller.accuracyPct(last);
    return pct === undefined ? 'N/A' : `${pct}%`;
  };
  const counters = ctx.state.metrics.snapshot();
  return [
    '',
    '=== Autonomous Control Status ===',
    `  Mode: ${a.enabled ? 'ENABLED' : 'DISABLED'}`,
    `  Ready Flag: ${a.enabled ? 'SET (timer will call tick)' : 'NOT SET (timer will NOT call tick)'}`,
    `  Safe Mode: ${a.safeMode ? 'ACTIVE' : 'INACTIVE'}`,
    `  Learning: ${a.learningFrozen ? 'FROZEN' : 'ACTIVE'}`,
    `  Decision Interval: ${a.intervalMs} ms`,
    `  Total Decisions: ${a.totalDecisions}`,
    `  Audit Log: ${audit}/1000 entries`,
    `  Accuracy (last 100): ${accuracy(100)}`,
    `  Accuracy (last 500): ${accuracy(500)}`,
    '  Watchdog Triggers: 0 low rewards, 0 high TD errors',
    '  Autonomy Metrics:',
    ...AUTONOMY_COUNTER_LABELS.map(([key, label]) => `    ${label}: ${counters[key]}`),
    '',
    '',
  ].join('\n');
}
