/** What the kernel model answers, byte for byte, to commands whose output is fixed at boot. */

/** `help`. */
export const HELP_ANSWER = [
  'Available commands:',
  '  help       - List commands, or describe one: help <command>',
  '  clear      - Clear the screen',
  '  autoctl    - Autonomous control: on|off|reset|status|interval N',
  '  metricsctl - METRIC line output: on|off|status',
  '  stresstest - Run stress tests: memory|commands|multi|learning|redteam|chaos [flags] | compare <type> | report',
  '',
].join('\n');

/** `autoctl status` right after boot. */
export const FRESH_STATUS_ANSWER = [
  '',
  '=== Autonomous Control Status ===',
  '  Mode: ENABLED',
  '  Ready Flag: SET (timer will call tick)',
  '  Safe Mode: INACTIVE',
  '  Learning: ACTIVE',
  '  Decision Interval: 500 ms',
  '  Total Decisions: 0',
  '  Audit Log: 0/1000 entries',
  '  Accuracy (last 100): N/A',
  '  Accuracy (last 500): N/A',
  '  Watchdog Triggers: 0 low rewards, 0 high TD errors',
  '  Autonomy Metrics:',
  '    Proactive compactions: 0',
  '    OOM preventions: 0',
  '    Memory predictions: 0',
  '    Deadline adjustments: 0',
  '    Priority boosts: 0',
  '    Workload rebalancing: 0',
  '    Policy updates: 0',
  '    Exploration actions: 0',
  '    Exploitation actions: 0',
  '    Total interventions: 0',
  '    Successful interventions: 0',
  '',
  '',
].join('\n');
