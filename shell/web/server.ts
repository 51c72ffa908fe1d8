import fastifySwagger from '@fastify/swagger';
import fastifyWebsocket from '@fastify/websocket';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { systemClock, type HostClock } from '../../uart/index.js';
import { checkAccess, type AccessOptions, type Grant } from './access.js';
import { registerApiRoutes, sendError } from './api-routes.js';
import { closeViewers } from './close-viewers.js';
import { registerEventsRoute } from './events-route.js';
import type { Hub } from './hub.js';
import { pageHtml, TOKEN_COOKIE } from './page-html.js';
import { errorSchema, launchSchema, linkSchema, runRowSchema } from './schemas.js';

export interface DashboardServerOptions {
  hub: Hub;
  version: string;
  access: AccessOptions;
  /** The bundled page (dist/web): app.js and app.css. */
  assetsDir: string;
  /** Times the viewers' close on shutdown; default the system clock. */
  clock?: HostClock;
}

const grants = new WeakMap<object, Grant>();
const grantOf = (request: unknown): Grant => grants.get(request as object) ?? 'read';

function cookieToken(header: string | undefined): string | undefined {
  const match = new RegExp(`(?:^|;\\s*)${TOKEN_COOKIE}=([^;]*)`).exec(header ?? '');
  return match ? decodeURIComponent(match[1]!) : undefined;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** The bundled page (app.js, app.css, lazily loaded chunks), read once. */
function readAssets(dir: string): Record<string, { type: string; body: Buffer }> {
  const assets: Record<string, { type: string; body: Buffer }> = {};
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)];
    if (type !== undefined) assets[name] = { type, body: readFileSync(join(dir, name)) };
  }
  return assets;
}

/** The dashboard's HTTP server: the API, the OpenAPI document, `/events`, the page. */
export async function createDashboardServer(options: DashboardServerOptions): Promise<FastifyInstance> {
  const { hub, version, access } = options;
  const app = Fastify({
    logger: false,
    bodyLimit: 16 * 1024,
    return503OnClosing: true,
    // Shutdown ends every connection, one with a request in flight too (a stalled upload, a
    // download nobody reads): such a request held the exit for ever, until it completed.
    forceCloseConnections: true,
    // Unknown properties are refused, not silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
  });
  for (const schema of [errorSchema, runRowSchema, launchSchema, linkSchema]) app.addSchema(schema);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'sis dashboard', version, description:
          "The SIS kernel stress-test shell's dashboard API. Live events: the WebSocket GET /events sends JSON messages (hello, parsed, raw, live, link, busy, launch, recorded) and takes input and interrupt messages.",
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'only when the server was given --token or --read-token' } },
      },
    },
  });
  const clock = options.clock ?? systemClock;
  await app.register(fastifyWebsocket, {
    options: { maxPayload: 64 * 1024 },
    preClose(done) {
      closeViewers(this.websocketServer, clock, done);
    },
  });
  const assets = readAssets(options.assetsDir);

  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    const query = request.query as Record<string, unknown> | undefined;
    const check = checkAccess(access, {
      method: request.method,
      host: request.headers.host,
      origin: request.headers.origin,
      secFetchSite: request.headers['sec-fetch-site'] as string | undefined,
      authorization: request.headers.authorization,
      queryToken: typeof query?.token === 'string' ? query.token : undefined,
      cookieToken: cookieToken(request.headers.cookie),
      upgrade: request.headers.upgrade?.toLowerCase() === 'websocket',
    });
    if (!check.ok) return sendError(reply, check.status, check.code, check.message);
    grants.set(request, check.grant);
  });
  // The token may ride in the query string of any request; it is not a parameter of the routes.
  app.addHook('preValidation', async (request) => {
    const query = request.query as Record<string, unknown> | undefined;
    if (query && 'token' in query) delete query.token;
  });

  app.setErrorHandler((error: { statusCode?: number; validation?: unknown; message: string; code?: string }, _request, reply) => {
    if (error.validation) return sendError(reply, 400, 'bad_request', error.message);
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return sendError(reply, status, 'bad_request', error.message);
    return sendError(reply, 500, 'internal', 'internal error');
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, 404, 'not_found', `no route ${request.method} ${request.url.split('?')[0]}`));

  registerApiRoutes(app, { hub, version, grantOf });
  registerEventsRoute(app, hub, grantOf);
  app.get<{ Params: { name: string } }>(
    '/assets/:name',
    { schema: { hide: true, params: { type: 'object', properties: { name: { type: 'string', pattern: '^[\\w.-]+$' } }, required: ['name'] } } },
    async (request, reply) => {
      const asset = Object.hasOwn(assets, request.params.name) ? assets[request.params.name] : undefined;
      if (asset === undefined) return sendError(reply, 404, 'not_found', `no asset ${request.params.name}`);
      return reply.type(asset.type).header('cache-control', 'no-cache').send(asset.body);
    },
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const query = request.raw.url?.includes('token=') ? new URL(request.raw.url, 'http://x').searchParams.get('token') : null;
    if (query) reply.header('set-cookie', `${TOKEN_COOKIE}=${encodeURIComponent(query)}; Path=/; HttpOnly; SameSite=Strict`);
    return reply.type('text/html; charset=utf-8').send(pageHtml(version));
  });
  return app;
}
