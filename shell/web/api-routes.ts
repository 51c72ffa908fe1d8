import type { FastifyInstance, FastifyReply } from 'fastify';
import { DEFAULT_GRAMMAR } from '../tui/input/index.js';
import { metricDeltas, pairedOf } from './compare-entries.js';
import { entryDocument, entryRow } from './entry-views.js';
import type { HistoryEntry } from '../results/history/index.js';
import type { Hub } from './hub.js';
import type { RunRow } from './wire.js';
import { ROUTES } from './schemas.js';
import { checkRunLine } from './validate-line.js';
import type { Grant } from './access.js';

export interface ApiContext {
  hub: Hub;
  version: string;
  grantOf(request: unknown): Grant;
}

export function sendError(reply: FastifyReply, status: number, error: string, message: string): FastifyReply {
  return reply.code(status).send({ error, message });
}

interface RunsQuery {
  type?: string;
  verdict?: string;
  since?: string;
  offset: number;
  limit: number;
}

/** `/api/health` and `/api/stress/*`. */
export function registerApiRoutes(app: FastifyInstance, context: ApiContext): void {
  const { hub, version } = context;
  const history = hub.attachment.history;
  // History entries never change once written: each row is built once.
  const rows = new WeakMap<object, RunRow>();
  const rowOf = (id: string, entry: HistoryEntry): RunRow => {
    let row = rows.get(entry);
    if (row === undefined) rows.set(entry, (row = entryRow(id, entry)));
    return row;
  };
  const needWrite = (request: unknown, reply: FastifyReply): boolean => {
    if (context.grantOf(request) === 'write') return true;
    sendError(reply, 403, 'read_only', 'this token grants reading only');
    return false;
  };

  app.get('/api/health', { schema: { ...ROUTES.health, tags: ['dashboard'] } }, async (request) => {
    history.refresh();
    return { status: 'ok', version, link: hub.attachment.link, busy: hub.busy, history: history.size, grant: context.grantOf(request) };
  });

  app.get<{ Querystring: RunsQuery }>('/api/stress/runs', { schema: { ...ROUTES.runs, tags: ['stress'] } }, async (request) => {
    history.refresh();
    const q = request.query;
    const { total, items } = history.query(q);
    return { total, offset: q.offset, limit: q.limit, items: items.map((i) => rowOf(i.id, i.entry)) };
  });

  app.get<{ Params: { id: string } }>('/api/stress/runs/:id', { schema: { ...ROUTES.run, tags: ['stress'] } }, async (request, reply) => {
    history.refresh();
    const { id } = request.params;
    const launch = hub.launch;
    if (launch?.id === id) {
      if (launch.status === 'running') return reply.code(202).send({ launch });
      const first = launch.entryIds[0];
      const entry = first === undefined ? undefined : history.get(first);
      if (entry === undefined) return sendError(reply, 404, 'no_result', `run ${id} ended without a result (${launch.status})`);
      return entryDocument(entry, version);
    }
    const entry = history.get(id);
    if (entry === undefined) return sendError(reply, 404, 'not_found', `no run ${id} in the history`);
    return entryDocument(entry, version);
  });

  app.post<{ Body: { command: string } }>('/api/stress/run', { schema: { ...ROUTES.start, tags: ['stress'] } }, async (request, reply) => {
    if (!needWrite(request, reply)) return reply;
    const check = checkRunLine(request.body.command);
    if (!check.ok) return sendError(reply, 400, 'invalid_command', check.message);
    const started = hub.start(check.line);
    if (!started.ok) return sendError(reply, started.status, started.code, started.message);
    return reply.code(202).send({ id: started.launch.id, launch: started.launch });
  });

  app.post('/api/stress/cancel', { schema: { ...ROUTES.cancel, tags: ['stress'] } }, async (request, reply) => {
    if (!needWrite(request, reply)) return reply;
    const cancelled = hub.cancel();
    if (!cancelled.ok) return sendError(reply, cancelled.status, cancelled.code, cancelled.message);
    return reply.code(202).send({ launch: cancelled.launch });
  });

  app.get('/api/stress/live', { schema: { ...ROUTES.live, tags: ['stress'] } }, async () => hub.live());

  app.get<{ Querystring: { a: string; b: string } }>('/api/stress/compare', { schema: { ...ROUTES.compare, tags: ['stress'] } }, async (request, reply) => {
    history.refresh();
    const { a, b } = request.query;
    const ea = history.get(a);
    const eb = history.get(b);
    if (ea === undefined || eb === undefined) return sendError(reply, 404, 'not_found', `no run ${ea === undefined ? a : b} in the history`);
    return {
      a: rowOf(a, ea),
      b: rowOf(b, eb),
      metrics: metricDeltas(ea, eb),
      paired: { a: pairedOf(ea), b: pairedOf(eb) },
    };
  });

  app.get('/api/stress/grammar', { schema: { ...ROUTES.grammar, tags: ['stress'] } }, async () => ({ commands: DEFAULT_GRAMMAR.commands }));
}
