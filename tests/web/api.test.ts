import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { lineHint } from '../../shell/tui/input/index.js';
import { get, isType, post, startRig, Viewer, type Rig } from './dashboard-rig.js';

const resultsSchema = JSON.parse(readFileSync('schema/results.schema.json', 'utf8')) as object;
const validateDocument = new Ajv2020({ allErrors: true, strict: false }).compile(resultsSchema);

/** Every error is `{ error, message }` and nothing else: no stack, no framework internals. */
function expectError(response: { status: number; json: any }, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(Object.keys(response.json).sort()).toEqual(['error', 'message']);
  expect(response.json.error).toBe(code);
  expect(response.json.message).not.toMatch(/\n\s+at /);
}

let rig: Rig;
let viewer: Viewer;
beforeAll(async () => {
  rig = await startRig();
  viewer = new Viewer(rig.wsUrl);
  await viewer.opened;
});
afterAll(async () => {
  viewer.close();
  await rig.close();
});

async function launchAndWait(command: string): Promise<{ id: string; entryIds: string[] }> {
  const from = viewer.messages.length;
  const started = await post(rig.base, '/api/stress/run', { command });
  expect(started.status).toBe(202);
  const done = await viewer.next(
    (m): m is Extract<typeof m, { type: 'launch' }> => m.type === 'launch' && m.launch.id === started.json.id && m.launch.status !== 'running',
    from,
  );
  expect(done.launch.status).toBe('finished');
  return { id: started.json.id, entryIds: done.launch.entryIds };
}

describe('sis dashboard API over real HTTP and WebSocket', () => {
  test('the WebSocket opens with hello: link, live state, write grant and the terminal scrollback', async () => {
    const hello = await viewer.next(isType('hello'));
    expect(hello.link).toEqual({ status: 'connected', target: 'virtual' });
    expect(hello.write).toBe(true);
    expect(hello.live.test).toBeNull();
    expect(Buffer.from(hello.scrollback, 'base64').toString('latin1')).toContain('sis> ');
  });

  test('GET /api/health', async () => {
    const health = await get(rig.base, '/api/health');
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ status: 'ok', version: 'test', link: { status: 'connected' }, busy: false, history: 0, grant: 'write' });
  });

  test("POST /api/stress/run refuses a bad line with the console's hint, and bad bodies as JSON errors", async () => {
    const bad = await post(rig.base, '/api/stress/run', { command: 'stresstest chaos --durration 5' });
    expectError(bad, 400, 'invalid_command');
    expect(bad.json.message).toBe(lineHint('stresstest chaos --durration 5 '));
    expect(bad.json.message).toBe("unknown flag '--durration' for 'stresstest chaos' (did you mean --duration?)");
    expect((await post(rig.base, '/api/stress/run', { command: 'stresstest memory --duration 0' })).json.message).toBe('--duration: 1..3600000 ms');
    expectError(await post(rig.base, '/api/stress/run', { command: 'reboot' }), 400, 'invalid_command');
    expectError(await post(rig.base, '/api/stress/run', { command: 'stresstest' }), 400, 'invalid_command');
    expectError(await post(rig.base, '/api/stress/run', {}), 400, 'bad_request');
    expectError(await post(rig.base, '/api/stress/run', { command: 'stresstest memory', extra: 1 }), 400, 'bad_request');
    expectError(await post(rig.base, '/api/stress/run', '{"command":'), 400, 'bad_request');
    expectError(await post(rig.base, '/api/stress/run', { command: 'x'.repeat(300) }), 400, 'bad_request');
    expect((await get(rig.base, '/api/stress/runs')).json.total).toBe(0);
  });

  test('one run at a time: 202 with the id, 202 for the id while it runs, 409, live state, cancel, 409 when idle', async () => {
    const from = viewer.messages.length;
    const started = await post(rig.base, '/api/stress/run', { command: 'stresstest memory --duration 3600000 --seed 8' });
    expect(started.status).toBe(202);
    expect(started.json.launch).toMatchObject({ id: started.json.id, status: 'running', entryIds: [] });
    await viewer.next((m): m is Extract<typeof m, { type: 'live' }> => m.type === 'live' && m.live.test?.phase === 'running', from);

    const pending = await get(rig.base, `/api/stress/runs/${started.json.id}`);
    expect(pending.status).toBe(202);
    expect(pending.json.launch.status).toBe('running');
    const again = await post(rig.base, '/api/stress/run', { command: 'stresstest chaos --duration 100' });
    expectError(again, 409, 'busy');
    expect(again.json.message).toContain(started.json.id);
    const live = await get(rig.base, '/api/stress/live');
    expect(live.status).toBe(200);
    expect(live.json.test).toMatchObject({ testType: 'memory', phase: 'running', command: 'stresstest memory --duration 3600000 --seed 8' });

    const cancel = await post(rig.base, '/api/stress/cancel');
    expect(cancel.status).toBe(202);
    expect(cancel.json.launch.id).toBe(started.json.id);
    const done = await viewer.next(
      (m): m is Extract<typeof m, { type: 'launch' }> => m.type === 'launch' && m.launch.status === 'finished',
      from,
    );
    expect(done.launch.entryIds).toHaveLength(1);
    const doc = await get(rig.base, `/api/stress/runs/${started.json.id}`);
    expect(doc.status).toBe(200);
    expect(doc.json.runs[0]).toMatchObject({ type: 'memory', verdict: 'CANCELLED' });
    expect(validateDocument(doc.json)).toBe(true);
    expectError(await post(rig.base, '/api/stress/cancel'), 409, 'idle');
  });

  test('GET /api/stress/runs: newest first, filters, paging; GET /api/stress/runs/:id is a valid results document', async () => {
    const chaos = await launchAndWait('stresstest chaos --duration 2000 --fail-rate 20 --seed 4');
    const runs = await get(rig.base, '/api/stress/runs');
    expect(runs.status).toBe(200);
    expect(runs.json.total).toBe(2);
    expect(runs.json.items.map((r: any) => r.type)).toEqual(['chaos', 'memory']);
    expect(runs.json.items[0]).toMatchObject({ id: chaos.entryIds[0], kind: 'run', command: 'stresstest chaos --duration 2000 --fail-rate 20 --seed 4', source: 'console' });
    expect((await get(rig.base, '/api/stress/runs?type=chaos')).json.total).toBe(1);
    expect((await get(rig.base, '/api/stress/runs?verdict=CANCELLED')).json.items[0].type).toBe('memory');
    expect((await get(rig.base, '/api/stress/runs?since=2999-01-01T00:00:00Z')).json.total).toBe(0);
    const page = await get(rig.base, '/api/stress/runs?limit=1&offset=1');
    expect(page.json).toMatchObject({ total: 2, offset: 1, limit: 1 });
    expect(page.json.items.map((r: any) => r.type)).toEqual(['memory']);
    expectError(await get(rig.base, '/api/stress/runs?limit=0'), 400, 'bad_request');
    expectError(await get(rig.base, '/api/stress/runs?verdict=GOOD'), 400, 'bad_request');
    expectError(await get(rig.base, '/api/stress/runs?since=yesterday'), 400, 'bad_request');
    expectError(await get(rig.base, '/api/stress/runs?color=red'), 400, 'bad_request');

    const doc = await get(rig.base, `/api/stress/runs/${chaos.entryIds[0]}`);
    expect(doc.status).toBe(200);
    expect(validateDocument(doc.json)).toBe(true);
    expect(doc.json.runs).toHaveLength(1);
    expect(doc.json.runs[0]).toMatchObject({ index: 0, type: 'chaos', config: { seed: '4', fail_rate: 20 } });
    expectError(await get(rig.base, '/api/stress/runs/000000000000'), 404, 'not_found');
    expectError(await get(rig.base, '/api/stress/runs/not-an-id'), 400, 'bad_request');
  });

  test('GET /api/stress/compare: deltas of two runs, and the paired interval of a --runs compare', async () => {
    const second = await launchAndWait('stresstest chaos --duration 2000 --fail-rate 20 --seed 5');
    const paired = await launchAndWait('stresstest compare memory --runs 3 --duration 300 --seed 9');
    const first = (await get(rig.base, '/api/stress/runs?type=chaos&limit=2')).json.items[1].id as string;
    const cmp = await get(rig.base, `/api/stress/compare?a=${first}&b=${second.entryIds[0]}`);
    expect(cmp.status).toBe(200);
    const events = cmp.json.metrics.find((m: any) => m.key === 'chaos_events_count');
    expect(events.delta).toBe(events.b - events.a);
    expect(cmp.json.paired).toEqual({ a: null, b: null });

    const withPaired = await get(rig.base, `/api/stress/compare?a=${first}&b=${paired.entryIds[0]}`);
    expect(withPaired.json.b.kind).toBe('compare');
    expect(withPaired.json.paired.b.runs).toBe(3);
    const metric = withPaired.json.paired.b.metrics[0];
    expect(metric.ci95_low).toBeLessThanOrEqual(metric.diff);
    expect(metric.ci95_high).toBeGreaterThanOrEqual(metric.diff);
    const compareDoc = await get(rig.base, `/api/stress/runs/${paired.entryIds[0]}`);
    expect(validateDocument(compareDoc.json)).toBe(true);
    expect(compareDoc.json.compares[0]).toMatchObject({ index: 0, type: 'memory', paired: { runs: 3 } });

    expectError(await get(rig.base, `/api/stress/compare?a=${first}&b=ffffffffffff`), 404, 'not_found');
    expectError(await get(rig.base, `/api/stress/compare?a=${first}`), 400, 'bad_request');
  });

  test('the OpenAPI document is valid OpenAPI 3 and lists every route', async () => {
    const { Validator } = await import('@seriousme/openapi-schema-validator');
    const doc = await get(rig.base, '/api/openapi.json');
    expect(doc.status).toBe(200);
    const result = await new Validator().validate(doc.json);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.json.paths).sort()).toEqual([
      '/api/health',
      '/api/stress/cancel',
      '/api/stress/compare',
      '/api/stress/grammar',
      '/api/stress/live',
      '/api/stress/run',
      '/api/stress/runs',
      '/api/stress/runs/{id}',
    ]);
    expect(Object.keys(doc.json.paths['/api/stress/run'].post.responses).sort()).toEqual(['202', '400', '401', '403', '409', '503']);
  });

  test('unknown routes are JSON 404s; the grammar route serves the kernel table', async () => {
    expectError(await get(rig.base, '/api/stress/nothing'), 404, 'not_found');
    const grammar = await get(rig.base, '/api/stress/grammar');
    expect(grammar.json.commands.map((c: any) => c.name)).toContain('stresstest');
  });

  test('many viewers: all see the run; viewers leaving mid-run do not stop it', async () => {
    // A minute of virtual time: about 4 000 METRIC lines to each of 12 viewers.
    const viewers = Array.from({ length: 12 }, () => new Viewer(rig.wsUrl));
    await Promise.all(viewers.map((v) => v.opened));
    const started = await post(rig.base, '/api/stress/run', { command: 'stresstest memory --duration 60000 --seed 3' });
    expect(started.status).toBe(202);
    const [leaving, staying] = [viewers.slice(0, 6), viewers.slice(6)];
    await Promise.all(leaving.map((v) => v.next((m): m is Extract<typeof m, { type: 'parsed' }> => m.type === 'parsed' && m.event.type === 'test-start')));
    for (const v of leaving) v.close();
    const ends = await Promise.all(
      staying.map((v) =>
        v.next((m): m is Extract<typeof m, { type: 'launch' }> => m.type === 'launch' && m.launch.id === started.json.id && m.launch.status === 'finished', 0, 60_000),
      ),
    );
    expect(new Set(ends.map((e) => e.launch.entryIds[0])).size).toBe(1);
    const results = staying.map((v) => v.messages.filter((m) => m.type === 'parsed' && m.event.type === 'result').length);
    expect(new Set(results)).toEqual(new Set([1]));
    for (const v of staying) v.close();
    expect((await get(rig.base, `/api/stress/runs/${started.json.id}`)).json.runs[0].verdict).toBe('PASS');
  });

  test('a line from the web terminal goes through the engine: sent at the prompt, its run recorded with its command', async () => {
    const from = viewer.messages.length;
    viewer.socket.send(JSON.stringify({ type: 'line', text: 'stresstest memory --duration 200 --seed 12' }));
    const recorded = await viewer.next(isType('recorded'), from);
    const doc = await get(rig.base, `/api/stress/runs/${recorded.ids[0]}`);
    expect(doc.json.runs[0]).toMatchObject({ command: 'stresstest memory --duration 200 --seed 12', config: { flags: { duration: '200', seed: '12' } } });
  });

  test('keys typed at the web terminal reach the kernel, which echoes and answers', async () => {
    const from = viewer.messages.length;
    viewer.socket.send(JSON.stringify({ type: 'input', data: Buffer.from('help\r').toString('base64') }));
    await viewer.next((m): m is Extract<typeof m, { type: 'parsed' }> => m.type === 'parsed' && m.event.type === 'command' && m.event.command === 'help', from);
    await viewer.next((m): m is Extract<typeof m, { type: 'parsed' }> => m.type === 'parsed' && m.event.type === 'prompt', from);
    expect(viewer.rawText()).toContain('Available commands:');
  });
});
