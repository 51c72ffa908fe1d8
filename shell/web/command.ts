import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXIT_SIGNALS, openTarget, reportStates } from '../connect/index.js';
import { VERSION } from '../version.js';
import { isLoopbackHost } from './access.js';
import { attachTarget } from './attach.js';
import { DASHBOARD_USAGE, parseDashboardArgs } from './dashboard-args.js';
import { createHub } from './hub.js';
import { createDashboardServer } from './server.js';

const LISTEN_ERRORS: Record<string, string> = {
  EADDRINUSE: 'address already in use',
  EACCES: 'permission denied',
  EADDRNOTAVAIL: 'address not available on this machine',
};

const say = (line: string): void => void process.stderr.write(`sis dashboard: ${line}\n`);

/** dist/web beside the bundled CLI; from the sources, the repository's dist/web. */
export function findAssetsDir(): string | undefined {
  for (const relative of ['./web/', '../../dist/web/']) {
    const dir = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(`${dir}app.js`)) return dir;
  }
  return undefined;
}

/** `sis dashboard`: attach to a target and serve the API, `/events` and the page until a signal. */
export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseDashboardArgs(argv);
  if (!parsed.ok) {
    say(parsed.message);
    process.stderr.write("Try 'sis dashboard --help' for more information.\n");
    return 2;
  }
  const { options } = parsed;
  if (options.help) {
    process.stdout.write(DASHBOARD_USAGE);
    return 0;
  }
  const assetsDir = findAssetsDir();
  if (assetsDir === undefined) {
    say('the page is not built: run npm run build');
    return 1;
  }
  const opened = await openTarget({ ...options.connect, defaultSpeed: 'realtime' });
  if (!opened.ok) {
    say(opened.message);
    return opened.status;
  }
  const { connection } = opened;
  reportStates(connection.port, say);
  const attachment = await attachTarget({ connection, version: VERSION, historyPath: options.historyPath, conversation: options.conversation });
  const hub = createHub(attachment);
  const app = await createDashboardServer({
    hub,
    version: VERSION,
    assetsDir,
    access: { writeToken: options.writeToken, readToken: options.readToken, loopback: isLoopbackHost(options.listen.host) },
  });
  try {
    await app.listen({ host: options.listen.host, port: options.listen.port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    say(`cannot listen on ${options.listen.host}:${options.listen.port}: ${LISTEN_ERRORS[code] ?? (code || String(error))}`);
    hub.close();
    await attachment.close();
    return 1;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.listen.port;
  const host = options.listen.host.includes(':') ? `[${options.listen.host}]` : options.listen.host;
  say(`serving http://${host}:${port}/ (target ${attachment.description}${connection.seed !== undefined ? `, seed ${connection.seed}` : ''})`);
  await untilSignal();
  await app.close();
  hub.close();
  await attachment.close();
  return 0;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const handler = (): void => {
      for (const signal of EXIT_SIGNALS) process.off(signal, handler);
      resolve();
    };
    for (const signal of EXIT_SIGNALS) process.on(signal, handler);
  });
}
