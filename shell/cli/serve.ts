import {
  createReconnectingPort,
  createSerialDevicePort,
  createSocketServer,
  type PortError,
  type ServerEvent,
} from '../../uart/index.js';
import { connectFirst, EXIT_SIGNALS, reportStates } from '../connect/index.js';
import { randomSeed, startHeadlessModel, type HeadlessModelOptions } from '../connect/model-target.js';
import { parseServeArgs, SERVE_USAGE, type ServeOptions } from './serve-args.js';

const say = (line: string): void => void process.stderr.write(`sis serve: ${line}\n`);

/** `sis serve`: the kernel model headless, its UART on sockets or a tty. */
export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseServeArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`sis serve: ${parsed.message}\nTry 'sis serve --help' for more information.\n`);
    return 2;
  }
  const { options } = parsed;
  if (options.help) {
    process.stdout.write(SERVE_USAGE);
    return 0;
  }
  const model: ModelSettings = {
    seed: options.seed ?? randomSeed(),
    speed: options.speed,
    line: options.pacing,
    ...(options.profile !== undefined && { profile: options.profile }),
  };
  return options.on.kind === 'listen'
    ? serveSockets(options.on.endpoints, model, { maxClients: options.maxClients, idleTimeoutMs: options.idleTimeoutMs })
    : serveDevice(options.on, model);
}

type ModelSettings = Omit<HeadlessModelOptions, 'emit'>;

async function serveSockets(
  endpoints: Extract<ServeOptions['on'], { kind: 'listen' }>['endpoints'],
  settings: ModelSettings,
  clients: { maxClients: number; idleTimeoutMs: number | undefined },
): Promise<number> {
  const { maxClients, idleTimeoutMs } = clients;
  let receive: (bytes: Uint8Array) => void = () => {};
  let connected: (client: string) => void = () => {};
  const result = await createSocketServer({
    listen: endpoints,
    maxClients,
    ...(idleTimeoutMs !== undefined && { idleTimeoutMs }),
    onClientData: (bytes) => receive(bytes),
    onEvent: (event) => {
      say(describeEvent(event, maxClients));
      if (event.type === 'client-connected') connected(event.client);
    },
  });
  if (!result.ok) {
    say(result.error.message);
    return 1;
  }
  const { server } = result;
  for (const address of server.addresses) say(`listening on ${address}`);
  const model = startHeadlessModel({ ...settings, emit: (bytes) => server.broadcast(bytes) });
  receive = (bytes) => model.receive(bytes);
  // A client that connects after the prompt was printed sees it again, as if it had pressed Enter;
  // the clients already connected are not shown it twice.
  connected = (client) => model.showPrompt((bytes) => server.sendTo(client, bytes));
  say(`kernel model seed=${model.seed} speed=${settings.speed}`);
  await untilSignal();
  model.stop();
  await server.close();
  return 0;
}

async function serveDevice(
  on: Extract<ServeOptions['on'], { kind: 'device' }>,
  settings: ModelSettings,
): Promise<number> {
  const port = createReconnectingPort({
    connect: () => createSerialDevicePort({ path: on.path, ...on.line }),
    description: on.path,
    reconnect: on.reconnect,
  });
  const failure = await connectFirst(port);
  if (failure !== undefined) {
    await port.close();
    say(failure.message);
    return 1;
  }
  say(`serving on ${on.path}`);
  reportStates(port, say);
  const model = startHeadlessModel({ ...settings, emit: (bytes) => port.write(bytes), drained: () => port.drain() });
  port.onData((bytes) => model.receive(bytes));
  say(`kernel model seed=${model.seed} speed=${settings.speed}`);
  const lost = new Promise<PortError | undefined>((resolve) => port.onClose(resolve));
  const ended = await Promise.race([untilSignal().then(() => undefined), lost]);
  model.stop();
  await port.close();
  if (ended !== undefined) {
    say(ended.message);
    return 1;
  }
  return 0;
}

function describeEvent(event: ServerEvent, maxClients: number): string {
  switch (event.type) {
    case 'client-connected':
      return `client ${event.client} connected on ${event.via}`;
    case 'client-disconnected':
      return `client ${event.client} disconnected`;
    case 'client-rejected':
      return maxClients === 1
        ? `client ${event.client} turned away: ${event.holders.join(', ')} holds the line`
        : `client ${event.client} turned away: ${event.holders.join(', ')} hold all ${maxClients} places (--max-clients)`;
    case 'client-idle':
      return `client ${event.client} disconnected: it sent nothing for ${event.idleMs} ms (--idle-timeout)`;
  }
}

/** Resolves at the first SIGINT, SIGTERM or SIGHUP; those no longer end the process by themselves. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const handler = (): void => {
      for (const signal of EXIT_SIGNALS) process.off(signal, handler);
      resolve();
    };
    for (const signal of EXIT_SIGNALS) process.on(signal, handler);
  });
}
