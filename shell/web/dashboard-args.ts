import { parseEndpoint } from '../../uart/index.js';
import {
  CONNECT_ARGS,
  CONNECT_USAGE,
  CONVERSATION_ARGS,
  CONVERSATION_USAGE,
  readConnectOptions,
  readConversationOptions,
  targetBaud,
  TARGET_USAGE,
  type ConnectOptions,
  type ConversationSettings,
} from '../connect/index.js';
import { parseOptions } from '../cli/strict-args.js';
import { resolveHistoryPath } from '../results/history/index.js';
import { isLoopbackHost } from './access.js';

export const DEFAULT_LISTEN = { host: '127.0.0.1', port: 8871 } as const;

export interface DashboardOptions {
  connect: ConnectOptions;
  conversation: ConversationSettings;
  listen: { host: string; port: number };
  writeToken: string | null;
  readToken: string | null;
  historyPath: string | null;
  help: boolean;
}

export type DashboardParse = { ok: true; options: DashboardOptions } | { ok: false; message: string };

// `--idle-exit` is plain mode's: a dashboard never exits on quiet output.
const { 'idle-exit': _idleExit, ...DASHBOARD_CONVERSATION_ARGS } = CONVERSATION_ARGS;

const ARGS = {
  ...CONNECT_ARGS,
  ...DASHBOARD_CONVERSATION_ARGS,
  listen: { type: 'string' },
  token: { type: 'string' },
  'read-token': { type: 'string' },
  history: { type: 'string' },
  'no-history': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseDashboardArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): DashboardParse {
  const fail = (message: string): DashboardParse => ({ ok: false, message });
  const parsed = parseOptions(argv, ARGS);
  if (!parsed.ok) return fail(parsed.message);
  const { values, positionals } = parsed.value;
  const connect = readConnectOptions(values, positionals);
  if (!connect.ok) return connect;
  const conversation = readConversationOptions(values, targetBaud(connect.options.target));
  if (!conversation.ok) return conversation;
  let listen: DashboardOptions['listen'] = DEFAULT_LISTEN;
  if (values.listen !== undefined) {
    const text = /^\d+$/.test(values.listen) ? `tcp:${values.listen}` : `tcp:${values.listen.replace(/^tcp:/, '')}`;
    const endpoint = parseEndpoint(text, { allowPortZero: true });
    if (!endpoint.ok || endpoint.endpoint.kind !== 'tcp') return fail(`--listen: expected HOST:PORT or PORT, got '${values.listen}'`);
    listen = { host: endpoint.endpoint.host, port: endpoint.endpoint.port };
  }
  const writeToken = values.token ?? nonEmpty(env.SIS_TOKEN);
  const readToken = values['read-token'] ?? nonEmpty(env.SIS_READ_TOKEN);
  if (writeToken !== null && readToken !== null && writeToken === readToken) return fail('--token and --read-token must differ');
  if (!isLoopbackHost(listen.host) && writeToken === null && readToken === null) {
    return fail(`--listen ${listen.host}: listening beyond loopback needs --token (or SIS_TOKEN)`);
  }
  if (values.history !== undefined && values['no-history'] === true) return fail('--history and --no-history cannot be used together');
  const historyPath = resolveHistoryPath({ file: values.history, disabled: values['no-history'] === true, env });
  return { ok: true, options: { connect: connect.options, conversation: conversation.settings, listen, writeToken, readToken, historyPath, help: values.help === true } };
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}

export const DASHBOARD_USAGE = `Usage: sis dashboard [TARGET] [--listen HOST:PORT] [options]

Attaches to the kernel model (default) or a target as the console does, and serves a dashboard:
the running test live (progress, memory pressure against the target, the chaos timeline, latency
percentiles, autonomy), the history with filters and side-by-side compares, a run launcher built
from the kernel's command grammar, and a web terminal on the same UART. Open the printed URL.

Dashboard:
  --listen HOST:PORT  where to serve (default ${DEFAULT_LISTEN.host}:${DEFAULT_LISTEN.port}; PORT alone means 127.0.0.1;
                      port 0 picks a free one). Beyond loopback a token is required.
  --token T           every request and the WebSocket must present T (Authorization: Bearer T, or
                      ?token=T once in the page URL); grants runs and typing at the web terminal
                      (default $SIS_TOKEN)
  --read-token T      a second token that grants viewing only (default $SIS_READ_TOKEN)
  --history FILE      the history to show and record to (default as for the console)
  --no-history        keep results in memory only
  -h, --help          show this help

API: GET /api/openapi.json describes every route; the WebSocket is GET /events.

${TARGET_USAGE}

${CONNECT_USAGE}

${CONVERSATION_USAGE.replace(/\n  --idle-exit[\s\S]*$/, '')}
`;
