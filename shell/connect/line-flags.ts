import { SEND_PROTOCOLS, type SendProtocol } from './send-lrzsz.js';
import { choice, integerIn, type ValueReader } from './values.js';

/** Line control asked for on the command line. */
export interface LineFlags {
  /** How long a BREAK holds the line (`--break-ms`; Ctrl-T b). Default 250 ms, like tcsendbreak(fd, 0). */
  readonly breakMs: number;
  /** Drop DTR this long once connected, then raise it: resets a board wired for it (`--dtr-pulse`). */
  readonly dtrPulseMs?: number;
  /** A file sent raw once connected, paced at the line rate (`--send`). */
  readonly sendFile?: string;
  /** How `sendFile` goes: raw (default) or through lrzsz's sx/sb. */
  readonly sendProtocol?: Exclude<SendProtocol, 'raw'>;
}

export const DEFAULT_BREAK_MS = 250;

export const LINE_FLAG_ARGS = {
  'break-ms': { type: 'string' },
  'dtr-pulse': { type: 'string' },
  send: { type: 'string' },
  'send-protocol': { type: 'string' },
} as const;

export const LINE_FLAGS_USAGE = `Line control (--break-ms, --dtr-pulse: serial devices, rfc2217:// and the model; --send: any target):
  --break-ms MS       how long the BREAK that Ctrl-T b sends lasts (1..10000, default ${DEFAULT_BREAK_MS}); the
                      model reboots on a BREAK
  --dtr-pulse MS      once connected, drop DTR for MS (1..10000) then raise it: resets a board wired
                      for it (the model reboots and prints its boot banner)
  --send FILE         once connected, send FILE before the console takes over: raw, paced at the
                      line rate (--baud and framing), bytes as they are (no --enter mapping); a
                      transfer longer than a second says how far it got once a second
  --send-protocol P   raw (default), xmodem, xmodem-1k or ymodem (runs sx/sb from lrzsz, as tio
                      and picocom do)`;

/** Reads the line-control flags; a string is the one error line (bad values go to `reader`). */
export function readLineFlags(reader: ValueReader, values: Readonly<Record<string, unknown>>): LineFlags | string {
  const breakMs = reader.read('break-ms', integerIn(1, 10_000), 'milliseconds 1..10000');
  const dtrPulseMs = reader.read('dtr-pulse', integerIn(1, 10_000), 'milliseconds 1..10000');
  const sendProtocol = reader.read('send-protocol', choice<SendProtocol>(SEND_PROTOCOLS), 'raw, xmodem, xmodem-1k or ymodem');
  const sendFile = typeof values.send === 'string' ? values.send : undefined;
  if (sendFile !== undefined && sendFile.length === 0) return '--send: empty file name';
  if (sendFile === undefined && values['send-protocol'] !== undefined) return '--send-protocol needs --send FILE';
  return {
    breakMs: breakMs ?? DEFAULT_BREAK_MS,
    ...(dtrPulseMs !== undefined && { dtrPulseMs }),
    ...(sendFile !== undefined && { sendFile }),
    ...(sendProtocol !== undefined && sendProtocol !== 'raw' && { sendProtocol }),
  };
}
