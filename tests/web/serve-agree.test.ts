import { afterAll, afterEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT } from '../helpers/cli.js';
import { Tmux } from '../helpers/tmux.js';
import { waitFor } from '../helpers/wait.js';
import { killAll, SisProcess, startServe } from '../e2e/transports-helpers.js';
import { get, isType, post, Viewer } from './dashboard-rig.js';

const COMMAND = 'stresstest chaos --duration 2000 --fail-rate 20 --seed 31';
const dir = mkdtempSync(join(tmpdir(), 'sis-agree-'));
let tmux: Tmux | undefined;
afterEach(async () => {
  tmux?.kill();
  await killAll();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * `sis serve` gives its line to one client at a time: the dashboard started while the TUI holds
 * the line waits its turn (link retrying), takes over when the TUI quits, and agrees with it.
 */
describe('the dashboard and the TUI on one sis serve', () => {
  test("the TUI's run as the dashboard reads it, and the same run from the dashboard, give the same result", async () => {
    const history = join(dir, 'history.jsonl');
    const tuiJson = join(dir, 'tui.json');
    const { addresses } = await startServe(['--listen', 'tcp:127.0.0.1:0', '--speed', 'max', '--seed', '13']);
    const target = addresses[0]!;

    tmux = new Tmux(`node ${CLI} ${target} --history ${history} --output-json ${tuiJson}`, {
      cwd: ROOT,
      env: { TERM: 'xterm-256color', SIS_CONSOLE_HISTORY: '' },
    });
    expect(await tmux.waitForScreen((s) => s.includes(`${target} connected`))).toBe(true);
    // The server printed its banner before anyone was connected: Enter asks for a prompt.
    tmux.key('Enter');
    expect(await tmux.waitForScreen((s) => /^sis>/m.test(s) && s.includes('line mode'))).toBe(true);
    const dashboard = new SisProcess(['dashboard', target, '--listen', '127.0.0.1:0', '--history', history]);
    const base = (await dashboard.untilStderr(/serving (http:\/\/[\d.:]+)\//))[1]!;
    const viewer = new Viewer(`${base.replace('http', 'ws')}/events`);
    await viewer.opened;
    // The TUI owns the line: the dashboard is turned away and retries.
    await viewer.next((m): m is Extract<typeof m, { type: 'link' }> => m.type === 'link' && m.link.status === 'waiting');

    tmux.type(COMMAND);
    tmux.key('Enter');
    expect(await tmux.waitForScreen((s) => /Status: (PASS|PARTIAL PASS|FAIL)[\s\S]*^sis>/m.test(s), 30_000)).toBe(true);
    tmux.key('C-d');
    expect(await waitFor(() => { try { return JSON.parse(readFileSync(tuiJson, 'utf8')).runs.length === 1; } catch { return false; } }, 15_000)).toBe(true);
    const tuiRun = JSON.parse(readFileSync(tuiJson, 'utf8')).runs[0];
    expect(tuiRun.command).toBe(COMMAND);

    // The TUI has gone: the dashboard gets the line and a prompt.
    await viewer.next((m): m is Extract<typeof m, { type: 'engine' }> => m.type === 'engine' && m.engine.mode === 'line' && m.engine.atPrompt, 0, 30_000);
    const rows = await get(base, '/api/stress/runs?type=chaos');
    expect(rows.json.items).toHaveLength(1);
    expect(rows.json.items[0]).toMatchObject({ command: COMMAND, verdict: tuiRun.verdict, source: 'console' });
    const seenByDashboard = await get(base, `/api/stress/runs/${rows.json.items[0].id}`);
    expect(seenByDashboard.json.runs[0].metrics).toEqual(tuiRun.metrics);

    const from = viewer.messages.length;
    const started = await post(base, '/api/stress/run', { command: COMMAND });
    expect(started.status).toBe(202);
    const done = await viewer.next(
      (m): m is Extract<typeof m, { type: 'launch' }> => m.type === 'launch' && m.launch.status !== 'running',
      from,
      30_000,
    );
    expect(done.launch.status).toBe('finished');
    const ours = await get(base, `/api/stress/runs/${started.json.id}`);
    expect(ours.json.runs[0]).toMatchObject({ command: COMMAND, verdict: tuiRun.verdict, metrics: tuiRun.metrics });
    expect(viewer.messages.some(isType('hello'))).toBe(true);
    viewer.close();
  });
});
