import { lineControlOf, systemClock, type BytePort, type HostClock, type LineSettings } from '../../uart/index.js';
import { pulseDtr } from './line-control.js';
import type { LineFlags } from './line-flags.js';
import { sendPaced } from './send-file.js';
import { sendWithLrzsz } from './send-lrzsz.js';
import { sendProgressLines } from './send-progress.js';

export interface AfterConnectOptions {
  readonly flags: LineFlags | undefined;
  /** The file's bytes for `--send`, read before connecting. */
  readonly toSend: Uint8Array | undefined;
  /** The target's line settings, for pacing when the port knows none of its own. */
  readonly line: LineSettings | undefined;
  readonly say?: (line: string) => void;
  /** Called after an XMODEM/YMODEM transfer: what arrived during it was protocol, not for the screen. */
  readonly discardReceived?: () => void;
  /** The pulse's length and the send's pacing; default the system clock. */
  readonly clock?: HostClock;
}

/**
 * What the command line asks for once the first connection is up, in order: the DTR reset pulse,
 * then the file. `raw` is the port below the console's Enter mapping: a file goes out unmapped.
 * Resolves with the one line to report when a step failed.
 */
export async function afterConnect(raw: BytePort, options: AfterConnectOptions): Promise<string | undefined> {
  const { flags, toSend } = options;
  const clock = options.clock ?? systemClock;
  if (flags?.dtrPulseMs !== undefined) {
    const pulsed = await pulseDtr(lineControlOf(raw), flags.dtrPulseMs, clock);
    if (!pulsed.ok) return `--dtr-pulse: ${pulsed.message}`;
  }
  const path = flags?.sendFile;
  if (toSend === undefined || path === undefined) return undefined;
  const protocol = flags?.sendProtocol;
  const line = lineControlOf(raw).settings ?? options.line;
  const how = protocol === undefined ? '' : ` by ${protocol}`;
  const say = options.say;
  const progress = say === undefined ? undefined : sendProgressLines(`${path}${how}`, toSend.length, clock, say);
  const sent = protocol === undefined
    ? await sendPaced(raw, toSend, { clock, ...(line !== undefined && { line }), ...(progress !== undefined && { onProgress: progress }) })
    : await sendWithLrzsz(raw, path, toSend.length, protocol, {
      clock,
      ...(progress !== undefined && {
        onProgress: (_line: string, bytes: number | undefined) => {
          if (bytes !== undefined) progress(bytes);
        },
      }),
    });
  if (protocol !== undefined) options.discardReceived?.();
  if (!sent.ok) return sent.message;
  say?.(`sent ${path}${how} (${sent.bytes} bytes in ${sent.seconds.toFixed(2)} s)`);
  return undefined;
}
