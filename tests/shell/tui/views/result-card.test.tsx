import { describe, expect, test } from '@jest/globals';
import type { ParsedResult } from '../../../../shell/parser/index.js';
import { ResultCard } from '../../../../shell/tui/views/index.js';
import { historyDocument } from './history-fixture.js';
import { fixtureEvents, frameOf, snapshotOf } from './helpers.js';

const results = (name: string) => snapshotOf(fixtureEvents(name)).results;

describe('ResultCard', () => {
  test('memory PASS: config line, metric grid, latency line', () => {
    const r = results('model-memory-commands.txt')[0]!.result;
    expect(frameOf(<ResultCard result={r} width={100} maxWidth={60} />)).toBe(
      [
        '╭──────────────────────────────────────────────────────────╮',
        '│ PASS  Memory Stress Test (Enhanced)                      │',
        '│ seed 42 · 2000 ms · target 50%                           │',
        '│ Peak pressure 54%   Avg pressure 50%                     │',
        '│ OOM events      3   Compactions    0                     │',
        '│ Alloc latency p50 812ns · p95 2.40µs · p99 5.12µs        │',
        '╰──────────────────────────────────────────────────────────╯',
      ].join('\n'),
    );
  });

  test('narrow: one column, lines cut with …', () => {
    const r = results('model-memory-commands.txt')[0]!.result;
    expect(frameOf(<ResultCard result={r} width={30} />)).toBe(
      [
        '╭────────────────────────────╮',
        '│ PASS  Memory Stress Test … │',
        '│ seed 42 · 2000 ms · targe… │',
        '│ Peak pressure 54%          │',
        '│ Avg pressure  50%          │',
        '│ OOM events      3          │',
        '│ Compactions     0          │',
        '│ Alloc latency p50 812ns ·… │',
        '╰────────────────────────────╯',
      ].join('\n'),
    );
  });

  test('chaos PARTIAL PASS with its failure breakdown', () => {
    const r = results('model-chaos-verbose.txt')[0]!.result;
    expect(frameOf(<ResultCard result={r} width={64} />)).toBe(
      [
        '╭──────────────────────────────────────────────────────────────╮',
        '│ PARTIAL PASS  Chaos Engineering Stress Test (Enhanced)       │',
        '│ seed 9 · 300 ms · fail rate 40%                              │',
        '│ Chaos events   6   Recovered 5   Failed 2                    │',
        '│ Success rate 71%                                             │',
        '│ Recovery latency p50 412µs · p95 45.2ms · p99 120ms          │',
        '│ Failures Network partition 1/1 · Command burst 1/2           │',
        '╰──────────────────────────────────────────────────────────────╯',
      ].join('\n'),
    );
  });

  test('each verdict, and DONE for a run without a status line', () => {
    const firstLine = (r: ParsedResult, side: 'off' | 'on' | null = null) =>
      frameOf(<ResultCard result={r} compareSide={side} width={50} />).split('\n').slice(1, 3);
    expect(firstLine(results('model-chaos-verbose.txt')[1]!.result)[0]).toBe(
      '│ FAIL  Chaos Engineering Stress Test (Enhanced) │',
    );
    expect(firstLine(results('model-cancel.txt')[0]!.result)).toEqual([
      '│ CANCELLED  Learning Validation Stress Test     │',
      '│ seed 11 · 5 episodes · cancelled after 2410 ms │',
    ]);
    expect(firstLine(results('model-compare.txt')[3]!.result, 'on')).toEqual([
      '│ DONE  Multi-Subsystem Stress Test              │',
      '│ seed 1234 · 500 ms · autonomy ON               │',
    ]);
  });

  test('learning: episodes and the last reward', () => {
    const r = results('model-cancel.txt')[0]!.result;
    expect(frameOf(<ResultCard result={r} width={60} />).split('\n').slice(3, 6)).toEqual([
      '│ Total rewards 1852   Decisions 15230                     │',
      '│ Avg reward       0   Episodes      2                     │',
      '│ Last reward   1040                                       │',
    ]);
  });

  test('a stored run (results document) shows its own compare side', () => {
    const run = historyDocument().runs[6]!;
    expect(frameOf(<ResultCard result={run} width={60} />)).toBe(
      [
        '╭──────────────────────────────────────────────────────────╮',
        '│ PASS  Memory test                                        │',
        '│ seed 101 · 500 ms · target 50% · autonomy OFF            │',
        '│ Peak pressure 54%   Avg pressure 50%                     │',
        '│ OOM events      2   Compactions    0                     │',
        '│ Alloc latency p50 810ns · p95 2.45µs · p99 5.05µs        │',
        '╰──────────────────────────────────────────────────────────╯',
      ].join('\n'),
    );
  });
});
