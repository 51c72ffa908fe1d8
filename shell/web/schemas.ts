/** JSON schemas of the API: fastify validates requests and serializes responses with them, and the OpenAPI document is built from them. */

export const errorSchema = {
  $id: 'Error',
  type: 'object',
  description: 'Every error: a stable code and one line for people.',
  properties: { error: { type: 'string' }, message: { type: 'string' } },
  required: ['error', 'message'],
} as const;

export const runRowSchema = {
  $id: 'RunRow',
  type: 'object',
  properties: {
    id: { type: 'string', description: 'first 12 hex digits of the SHA-256 of the history line' },
    recorded_at: { type: 'string', format: 'date-time' },
    kind: { type: 'string', enum: ['run', 'compare'] },
    type: { type: 'string', description: 'test type, or `compare TYPE`' },
    verdict: { type: ['string', 'null'], description: 'PASS, PARTIAL PASS, FAIL, CANCELLED; null for compares and tests without a status line' },
    command: { type: ['string', 'null'] },
    key_metrics: { type: 'string' },
    target: { type: 'string' },
    source: { type: 'string', enum: ['run', 'console', 'parse'] },
  },
  required: ['id', 'recorded_at', 'kind', 'type', 'verdict', 'command', 'key_metrics', 'target', 'source'],
} as const;

export const launchSchema = {
  $id: 'Launch',
  type: 'object',
  properties: {
    id: { type: 'string' },
    command: { type: 'string' },
    status: { type: 'string', enum: ['running', 'finished', 'lost', 'refused'] },
    entryIds: { type: 'array', items: { type: 'string' }, description: 'history ids of its results, once recorded' },
    commandId: { type: ['integer', 'null'], description: "the conversation engine's id of the command, once sent" },
    detail: { type: ['string', 'null'], description: 'why it was lost or refused' },
  },
  required: ['id', 'command', 'status', 'entryIds', 'commandId', 'detail'],
} as const;

export const linkSchema = {
  $id: 'Link',
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['connecting', 'connected', 'waiting', 'disconnected'] },
    target: { type: 'string' },
    attempt: { type: 'integer' },
    retryInMs: { type: 'number' },
    error: { type: ['string', 'null'] },
  },
  required: ['status', 'target'],
} as const;

const free = (description: string) => ({ type: 'object', additionalProperties: true, description }) as const;
const nullableFree = (description: string) => ({ type: ['object', 'null'], additionalProperties: true, description }) as const;
const errors = (...codes: number[]) => Object.fromEntries(codes.map((code) => [code, { $ref: 'Error#' }]));

export const ROUTES = {
  health: {
    summary: 'Liveness, the link to the target and the history size',
    response: {
      200: {
        type: 'object',
        properties: {
          status: { type: 'string', enum: ['ok'] },
          version: { type: 'string' },
          link: { $ref: 'Link#' },
          busy: { type: 'boolean' },
          history: { type: 'integer', description: 'entries in the history' },
          grant: { type: 'string', enum: ['read', 'write'], description: 'what the presented token allows' },
        },
        required: ['status', 'version', 'link', 'busy', 'history', 'grant'],
      },
      ...errors(401, 403),
    },
  },
  runs: {
    summary: 'The history, newest first',
    querystring: {
      type: 'object',
      properties: {
        type: { type: 'string', enum: ['memory', 'commands', 'multi', 'learning', 'redteam', 'chaos', 'compare'] },
        verdict: { type: 'string', enum: ['PASS', 'PARTIAL PASS', 'FAIL', 'CANCELLED'] },
        since: { type: 'string', format: 'date-time', description: 'entries recorded at or after this time' },
        offset: { type: 'integer', minimum: 0, default: 0 },
        limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 },
      },
      additionalProperties: false,
    },
    response: {
      200: {
        type: 'object',
        properties: {
          total: { type: 'integer', description: 'entries matching the filters' },
          offset: { type: 'integer' },
          limit: { type: 'integer' },
          items: { type: 'array', items: { $ref: 'RunRow#' } },
        },
        required: ['total', 'offset', 'limit', 'items'],
      },
      ...errors(400, 401, 403),
    },
  },
  run: {
    summary: 'One history entry as a results document (schema/results.schema.json), or a launched run by its id',
    params: { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9a-f]{12}$' } }, required: ['id'] },
    response: {
      200: free('the results document (schema/results.schema.json): the run, or the compare with its halves'),
      202: { type: 'object', properties: { launch: { $ref: 'Launch#' } }, required: ['launch'], description: 'a launched run still running' },
      ...errors(400, 401, 403, 404),
    },
  },
  start: {
    summary: "Run a stresstest command line; checked against the kernel's grammar first",
    body: {
      type: 'object',
      properties: { command: { type: 'string', minLength: 1, maxLength: 255, description: 'e.g. `stresstest chaos --duration 3000`' } },
      required: ['command'],
      additionalProperties: false,
    },
    response: {
      202: { type: 'object', properties: { id: { type: 'string' }, launch: { $ref: 'Launch#' } }, required: ['id', 'launch'] },
      ...errors(400, 401, 403, 409, 503),
    },
  },
  cancel: {
    summary: 'Ctrl-C to the running command',
    response: {
      202: { type: 'object', properties: { launch: { anyOf: [{ $ref: 'Launch#' }, { type: 'null' }] } }, required: ['launch'] },
      ...errors(401, 403, 409),
    },
  },
  live: {
    summary: "The live state the console's panel shows: the test in progress, recent results and compares",
    response: { 200: free('LiveSnapshot (shell/tui/live-state/types.ts)'), ...errors(401, 403) },
  },
  compare: {
    summary: 'Two history entries side by side: every metric with b − a, and the paired intervals of `--runs` compares',
    querystring: {
      type: 'object',
      properties: { a: { type: 'string', pattern: '^[0-9a-f]{12}$' }, b: { type: 'string', pattern: '^[0-9a-f]{12}$' } },
      required: ['a', 'b'],
      additionalProperties: false,
    },
    response: {
      200: {
        type: 'object',
        properties: {
          a: { $ref: 'RunRow#' },
          b: { $ref: 'RunRow#' },
          metrics: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                key: { type: 'string' },
                a: { type: ['number', 'null'] },
                b: { type: ['number', 'null'] },
                delta: { type: ['number', 'null'] },
                delta_pct: { type: ['number', 'null'] },
              },
              required: ['key', 'a', 'b', 'delta', 'delta_pct'],
            },
          },
          paired: {
            type: 'object',
            properties: { a: nullableFree('PairedStats of a `--runs` compare'), b: nullableFree('PairedStats of a `--runs` compare') },
            required: ['a', 'b'],
          },
        },
        required: ['a', 'b', 'metrics', 'paired'],
      },
      ...errors(400, 401, 403, 404),
    },
  },
  grammar: {
    summary: "The kernel's command grammar (commands, tests, flags, ranges) the launcher form is built from",
    response: { 200: free('{ commands: CommandSpec[] }'), ...errors(401, 403) },
  },
} as const;
