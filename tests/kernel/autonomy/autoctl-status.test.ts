import { describe, expect, test } from '@jest/globals';
import { kernelWithController } from './controller-rig.js';

function statusBlock(decisions: number, accuracy: [string, string], counters: number[]): string {
  const labels = [
    'Proactive compactions',
    'OOM preventions',
    'Memory predictions',
    'Deadline adjustments',
    'Priority boosts',
    'Workload rebalancing',
    'Policy updates',
    'Exploration actions',
    'Exploitation actions',
    'Total interventions',
    'Successful interventions',
  ];
  return [
    '',
    '=== Autonomous Control Status ===',
    '  Mode: ENABLED',
    '  Ready Flag: SET (timer will call tick)',
    '  Safe Mode: INACTIVE',
    '  Learning: ACTIVE',
    '  Decision Interval: 500 ms',
    `  Total Decisions: ${decisions}`,
    `  Audit Log: ${Math.min(decisions, 1000)}/1000 entries`,
    `  Accuracy (last 100): ${accuracy[0]}`,
    `  Accuracy (last 500): ${accuracy[1]}`,
    '  Watchdog Triggers: 0 low rewards, 0 high TD errors',
    '  Autonomy Metrics:',
    ...labels.map((label, i) => `    ${label}: ${counters[i]}`),
    '',
    '',
  ].join('\n');
}

describe('autoctl status with the controller', () => {
  test('fresh boot: no decisions yet, accuracy N/A, all metrics 0', () => {
    const { send } = kernelWithController();
    expect(send('autoctl status\r')).toBe(`autoctl status\r\n${statusBlock(0, ['N/A', 'N/A'], Array(11).fill(0))}sis> `);
  });

  test('after 10 idle seconds (qemu profile): 20 decisions, 19 predictions all on target', () => {
    const { kernel, send } = kernelWithController({ profile: 'qemu' });
    kernel.advance(kernel.nowUs + 10_000_000);
    send(''); // drop the first ticks' console lines
    const predictions = [0, 0, 19, 0, 0, 0, 0, 0, 0, 19, 0];
    expect(send('autoctl status\r')).toBe(`autoctl status\r\n${statusBlock(20, ['100%', '100%'], predictions)}sis> `);
  });

  test('autoctl on after off prints the first ticks again; off silences them', () => {
    const { kernel, send } = kernelWithController();
    kernel.advance(kernel.nowUs + 5_000_000);
    send('');
    send('autoctl off\r');
    kernel.advance(kernel.nowUs + 2_000_000);
    expect(send('')).toBe('');
    send('autoctl on\r');
    kernel.advance(kernel.nowUs + 500_000);
    expect(send('')).toMatch(/^\[TIMER\] Timer running silently \(use 'autoctl status' to check\)\n/);
  });
});
