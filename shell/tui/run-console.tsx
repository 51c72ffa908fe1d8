import { render } from 'ink';
import type { BytePort } from '../../uart/index.js';
import { ConsoleSession } from '../console-session.js';
import { App } from './app.js';

export interface RunConsoleOptions {
  port: BytePort;
  seed?: bigint;
}

/** Runs the interactive console until the user quits; resolves with the exit status. */
export async function runConsole({ port }: RunConsoleOptions): Promise<number> {
  let backlog = '';
  let writer: ((text: string) => void) | undefined;
  const session = new ConsoleSession({
    port,
    writeLines: (text) => {
      if (writer) writer(text);
      else backlog += text;
    },
  });
  const app = render(
    <App
      session={session}
      description={port.description}
      takeBacklog={() => {
        const text = backlog;
        backlog = '';
        return text;
      }}
      setWriter={(write) => {
        writer = write;
      }}
    />,
    { exitOnCtrlC: false, patchConsole: false },
  );
  const quit = (): void => app.unmount();
  process.once('SIGTERM', quit);
  process.once('SIGHUP', quit);
  await session.open();
  await app.waitUntilExit();
  await port.close();
  return 0;
}
