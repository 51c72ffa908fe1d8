import { afterAll, afterEach, describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT } from '../helpers/cli.js';
import { Tmux } from '../helpers/tmux.js';
import { waitFor } from '../helpers/wait.js';
import { get, post, Viewer } from '../web/dashboard-rig.js';
import type { WireMessage } from '../../shell/web/wire.js';
import { killAll, SisProcess, startServe } from './transports-helpers.js';

const CHAOS = 'stresstest chaos --duration 2000 --fail-rate 20 --seed 31';
const MEMORY = 'stresstest memory --duration 1000 --seed 4';
const dir = mkdtempSync(join(tmpdir(), 'sis-shared-'));
let tmux: Tmux | undefined;
afterEach(async () => {
  tmux?.kill();
  await killAll();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The result card (the box after the raw result block) whose first line matches `title`. */
function card(screen: string, title: RegExp): string | null {
  const lines = screen.split('\n');
  const top = lines.findIndex((line, i) => line.startsWith('╭') && title.test(lines[i + 1] ?? ''));
  if (top < 0) return null;
  const bottom = lines.findIndex((line, i) => i > top && line.startsWith('╰'));
  return bottom < 0 ? null : lines.slice(top, bottom + 1).join('\n');
}

/** The TUI's status line as it is now (the last one on the screen). */
const status = (screen: string): string => screen.split('\n').filter((line) => / connected \| /.test(line)).pop() ?? '';

/** The console is back at an empty `sis> ` in line mode after the last card. */
const promptAfterCard = (screen: string): boolean =>
  /^sis> *$/m.test(screen.slice(screen.lastIndexOf('╰'))) && status(screen).includes('line mode');

const number = (text: string, label: RegExp): number => {
  const match = label.exec(text);
  if (match === null) throw new Error(`${label} not in\n${text}`);
  return Number(match[1]);
};

const readJson = (path: string): any => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
};

const jsonLines = (path: string): any[] => readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line));

const isLink = (m: WireMessage): m is Extract<WireMessage, { type: 'link' }> => m.type === 'link';
const isHello = (m: WireMessage): m is Extract<WireMessage, { type: 'hello' }> => m.type === 'hello';
const isRecorded = (m: WireMessage): m is Extract<WireMessage, { type: 'recorded' }> => m.type === 'recorded';
const launchDone = (m: WireMessage): m is Extract<WireMessage, { type: 'launch' }> => m.type === 'launch' && m.launch.status !== 'running';

/**
 * `sis serve --max-clients 2` with the TUI and the dashboard attached at once: a run launched from
 * either is seen by both, and both come to the same result, number for number.
 */
describe('the dashboard and the TUI attached to one sis serve --max-clients 2 at once', () => {
  test('a run launched from the dashboard and one typed in the TUI: both agree on verdict and numbers', async () => {
    const tuiHistory = join(dir, 'tui-history.jsonl');
    const tuiJson = join(dir, 'tui.json');
    const dashboardHistory = join(dir, 'dashboard-history.jsonl');
    // Speed 4: the timer's lines come every 125 ms, glued to the prompt the TUI is shown and to the
    // one its wake Enter gets; the engine asks again once they stop.
    const { serve, addresses } = await startServe(['--listen', 'tcp:127.0.0.1:0', '--max-clients', '2', '--speed', '4', '--seed', '13']);
    const target = addresses[0]!;

    tmux = new Tmux(`node ${CLI} ${target} --history ${tuiHistory} --output-json ${tuiJson}`, {
      cwd: ROOT,
      env: { TERM: 'xterm-256color', SIS_CONSOLE_HISTORY: '' },
    });
    await tmux.expectScreen((s) => status(s).includes(`${target} connected | line mode`) && /^sis>/m.test(s), 30_000);

    // The TUI holds one place; the dashboard takes the second at once instead of waiting its turn.
    const dashboard = new SisProcess(['dashboard', target, '--listen', '127.0.0.1:0', '--history', dashboardHistory]);
    const base = (await dashboard.untilStderr(/serving (http:\/\/[\d.:]+)\//, 30_000))[1]!;
    const viewer = new Viewer(`${base.replace('http', 'ws')}/events`);
    await viewer.opened;
    const hello = await viewer.next(isHello);
    if (hello.link.status !== 'connected') await viewer.next((m): m is Extract<WireMessage, { type: 'link' }> => isLink(m) && m.link.status === 'connected', 0, 30_000);
    expect(viewer.messages.filter(isLink).map((m) => m.link.status)).not.toContain('waiting');

    // 1. Launched from the dashboard.
    const started = await post(base, '/api/stress/run', { command: CHAOS });
    expect(started.status).toBe(202);
    expect((await viewer.next(launchDone, 0, 60_000)).launch.status).toBe('finished');
    const fromDashboard = (await get(base, `/api/stress/runs/${started.json.id}`)).json.runs[0];
    expect(fromDashboard).toMatchObject({ type: 'chaos', command: CHAOS });

    // The TUI saw the other client's echo, the output and the result: it shows the card.
    await tmux.expectScreen((s) => card(s, /Chaos Engineering/) !== null, 30_000);
    const chaosCard = card(tmux.history(), /Chaos Engineering/)!;
    expect(chaosCard).toContain(`│ ${fromDashboard.verdict}  Chaos Engineering Stress Test`);
    expect({
      chaos_events_count: number(chaosCard, /Chaos events +(\d+)/),
      successful_recoveries: number(chaosCard, /Recovered +(\d+)/),
      failed_recoveries: number(chaosCard, /Failed +(\d+)/),
      success_rate: number(chaosCard, /Success rate +(\d+)%/),
    }).toEqual({
      chaos_events_count: fromDashboard.metrics.chaos_events_count,
      successful_recoveries: fromDashboard.metrics.successful_recoveries,
      failed_recoveries: fromDashboard.metrics.failed_recoveries,
      success_rate: fromDashboard.metrics.success_rate,
    });

    // 2. Typed in the TUI, once its prompt is back in line mode.
    await tmux.expectScreen(promptAfterCard, 30_000);
    const from = viewer.messages.length;
    tmux.type(MEMORY);
    tmux.key('Enter');
    const recorded = await viewer.next(isRecorded, from, 60_000);
    expect(recorded.ids).toHaveLength(1);
    const entry = (await get(base, `/api/stress/runs/${recorded.ids[0]}`)).json.runs[0];
    expect(entry).toMatchObject({ type: 'memory', command: MEMORY });
    const rows = (await get(base, '/api/stress/runs')).json.items;
    expect(rows.map((r: { command: string; verdict: string }) => [r.command, r.verdict])).toEqual([
      [MEMORY, entry.verdict],
      [CHAOS, fromDashboard.verdict],
    ]);

    await tmux.expectScreen((s) => card(s, /Memory Stress Test/) !== null, 30_000);
    const memoryCard = card(tmux.history(), /Memory Stress Test/)!;
    expect(memoryCard).toContain(`│ ${entry.verdict}  Memory Stress Test`);
    expect({
      peak_pressure: number(memoryCard, /Peak pressure +(\d+)%/),
      avg_memory_pressure: number(memoryCard, /Avg pressure +(\d+)%/),
      oom_events: number(memoryCard, /OOM events +(\d+)/),
      compaction_triggers: number(memoryCard, /Compactions +(\d+)/),
    }).toEqual({
      peak_pressure: entry.metrics.peak_pressure,
      avg_memory_pressure: entry.metrics.avg_memory_pressure,
      oom_events: entry.metrics.oom_events,
      compaction_triggers: entry.metrics.compaction_triggers,
    });

    // 3. The TUI's own records of both runs are the dashboard's, to the last field.
    await tmux.expectScreen(promptAfterCard, 30_000);
    tmux.key('C-d');
    expect(await waitFor(() => readJson(tuiJson)?.runs?.length === 2, 30_000)).toBe(true);
    const tuiRuns = readJson(tuiJson).runs;
    for (const [ours, theirs] of [[tuiRuns[0], fromDashboard], [tuiRuns[1], entry]]) {
      expect([ours.command, ours.verdict, ours.metrics]).toEqual([theirs.command, theirs.verdict, theirs.metrics]);
    }
    const strip = (e: any) => [e.run.command, e.run.verdict, e.run.metrics];
    expect(jsonLines(tuiHistory).map(strip)).toEqual(jsonLines(dashboardHistory).map(strip));
    expect(serve.stderr).not.toMatch(/turned away/);
    viewer.close();
  }, 180_000);

  test('plain mode records a run typed by another client when its prompt returns, with its command', async () => {
    const history = join(dir, 'plain-history.jsonl');
    const json = join(dir, 'plain.json');
    const { addresses } = await startServe(['--listen', 'tcp:127.0.0.1:0', '--max-clients', '2', '--speed', 'max', '--seed', '21']);
    const target = addresses[0]!;
    const plain = new SisProcess([target, '--history', history, '--output-json', json]);
    await plain.untilStdout((text) => text.includes('sis> '), 30_000);

    // The other client: a bare socket, as nc would be, typing one command.
    const [, port] = /:(\d+)$/.exec(target)!;
    const other = createConnection({ host: '127.0.0.1', port: Number(port) });
    let seen = '';
    other.on('data', (chunk: Buffer) => (seen += chunk.toString('latin1')));
    await new Promise<void>((resolve) => other.once('connect', () => resolve()));
    other.write(`${MEMORY}\r`);
    expect(await waitFor(() => seen.includes('[STRESSTEST] Memory completed') && seen.endsWith('sis> '), 30_000)).toBe(true);

    // Recorded while plain mode still runs: its prompt came back, nothing more was needed.
    expect(await waitFor(() => existsSync(history) && readFileSync(history, 'utf8').includes('\n'), 30_000)).toBe(true);
    const [entry] = jsonLines(history);
    expect(entry.run).toMatchObject({ type: 'memory', command: MEMORY });
    expect(plain.stdoutText).toContain(`sis> ${MEMORY}`);
    plain.end();
    expect((await plain.exited).status).toBe(0);
    const runs = readJson(json).runs;
    expect(runs).toHaveLength(1);
    expect([runs[0].command, runs[0].verdict, runs[0].metrics]).toEqual([entry.run.command, entry.run.verdict, entry.run.metrics]);
    other.destroy();
  }, 120_000);
});
