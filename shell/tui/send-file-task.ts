import { resolve } from 'node:path';
import { homedir } from 'node:os';
import { lineControlOf, Listeners, type BytePort, type HostClock } from '../../uart/index.js';
import { sendPaced, sendWithLrzsz, type ConsolePort, type SendFileResult, type SendProtocol } from '../connect/index.js';

/** What Ctrl-T s, y and n need of the console's port. */
export type TerminalPort = Pick<
  ConsolePort,
  'description' | 'mapping' | 'setMapping' | 'writeRaw' | 'takeLine' | 'drain' | 'onClose' | 'lineControl'
>;

export interface SendTaskOptions {
  readonly port: TerminalPort;
  /** As typed: `~/` is the home directory, a relative path is from the current directory. */
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly protocol: SendProtocol;
  readonly onProgress: (sent: number, total: number) => void;
  readonly signal: AbortSignal;
  /** Pacing and timing; default the system clock. */
  readonly clock?: HostClock;
}

export function expandPath(path: string): string {
  return resolve(path === '~' ? homedir() : path.startsWith('~/') ? `${homedir()}/${path.slice(2)}` : path);
}

/**
 * Sends a file from the console: the line is taken for the transfer (keys and the engine's own
 * writes wait), the bytes go unmapped. Raw: paced at the line's rate, what the target prints in
 * the meantime is shown. XMODEM/YMODEM: lrzsz's sx/sb, and what arrives is the protocol's, not the screen's.
 */
export async function sendFileFromConsole(options: SendTaskOptions): Promise<SendFileResult> {
  const { port, bytes, protocol, signal } = options;
  const received = new Listeners<[Uint8Array]>();
  const take = protocol === 'raw' ? port.takeLine() : port.takeLine((chunk) => received.emit(chunk));
  const view: BytePort = {
    description: port.description,
    open: () => Promise.resolve(),
    close: () => Promise.resolve(),
    write: (data) => take.write(data),
    drain: () => port.drain(),
    onData: (listener) => received.add(listener),
    onClose: (listener) => port.onClose(listener),
  };
  try {
    if (protocol === 'raw') {
      const line = lineControlOf({ ...view, ...(port.lineControl && { lineControl: port.lineControl }) }).settings;
      return await sendPaced(view, bytes, {
        label: 'send',
        signal,
        onProgress: options.onProgress,
        ...(options.clock !== undefined && { clock: options.clock }),
        ...(line !== undefined && { line }),
      });
    }
    return await sendWithLrzsz(view, expandPath(options.path), bytes.length, protocol, {
      label: 'send',
      signal,
      ...(options.clock !== undefined && { clock: options.clock }),
      onProgress: (_line, sent) => {
        if (sent !== undefined) options.onProgress(sent, bytes.length);
      },
    });
  } finally {
    take.release();
  }
}
