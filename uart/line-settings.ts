/** Serial line parameters shared by real devices and pacing. */
export type DataBits = 5 | 6 | 7 | 8;
export type Parity = 'none' | 'even' | 'odd' | 'mark' | 'space';
export type StopBits = 1 | 1.5 | 2;
export type FlowControl = 'none' | 'rtscts' | 'xonxoff';

export interface LineSettings {
  /** Bits per second on the wire. Default 115200. */
  readonly baudRate?: number;
  /** Default 8. */
  readonly dataBits?: DataBits;
  /** Default 'none'. */
  readonly parity?: Parity;
  /** Default 1. */
  readonly stopBits?: StopBits;
  /** Default 'none'. */
  readonly flow?: FlowControl;
}

export const DEFAULT_BAUD_RATE = 115200;

const PARITIES: readonly string[] = ['none', 'even', 'odd', 'mark', 'space'];
const FLOWS: readonly string[] = ['none', 'rtscts', 'xonxoff'];

/** One line describing the first invalid setting, or undefined when all are valid. */
export function checkLineSettings(settings: LineSettings): string | undefined {
  const { baudRate, dataBits, parity, stopBits, flow } = settings;
  if (baudRate !== undefined && !(Number.isInteger(baudRate) && baudRate >= 1 && baudRate <= 16_000_000)) {
    return `invalid baud rate ${String(baudRate)} (expected an integer 1..16000000)`;
  }
  if (dataBits !== undefined && ![5, 6, 7, 8].includes(dataBits)) {
    return `invalid data bits ${String(dataBits)} (expected 5, 6, 7 or 8)`;
  }
  if (parity !== undefined && !PARITIES.includes(parity)) {
    return `invalid parity '${String(parity)}' (expected none, even, odd, mark or space)`;
  }
  if (stopBits !== undefined && ![1, 1.5, 2].includes(stopBits)) {
    return `invalid stop bits ${String(stopBits)} (expected 1, 1.5 or 2)`;
  }
  if (flow !== undefined && !FLOWS.includes(flow)) {
    return `invalid flow control '${String(flow)}' (expected none, rtscts or xonxoff)`;
  }
  return undefined;
}

/** `115200 8N1`, `9600 7E2`: the usual short form, for status lines. */
export function formatLineSettings(settings: LineSettings): string {
  const parity = (settings.parity ?? 'none').charAt(0).toUpperCase();
  return `${settings.baudRate ?? DEFAULT_BAUD_RATE} ${settings.dataBits ?? 8}${parity}${settings.stopBits ?? 1}`;
}
