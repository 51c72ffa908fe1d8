import type { ModemLines } from './line-control.js';
import type { DataBits, FlowControl, LineSettings, Parity, StopBits } from './line-settings.js';

/** RFC 2217 COM-PORT-OPTION commands, client to server; the server answers with the code + 100. */
export const COM = {
  SIGNATURE: 0,
  SET_BAUDRATE: 1,
  SET_DATASIZE: 2,
  SET_PARITY: 3,
  SET_STOPSIZE: 4,
  SET_CONTROL: 5,
  NOTIFY_LINESTATE: 6,
  NOTIFY_MODEMSTATE: 7,
  FLOWCONTROL_SUSPEND: 8,
  FLOWCONTROL_RESUME: 9,
  SET_LINESTATE_MASK: 10,
  SET_MODEMSTATE_MASK: 11,
  PURGE_DATA: 12,
} as const;
export const SERVER_OFFSET = 100;

/** SET-CONTROL values (RFC 2217 §"SET-CONTROL"). */
export const CONTROL = {
  FLOW_NONE: 1,
  FLOW_XONXOFF: 2,
  FLOW_HARDWARE: 3,
  BREAK_ON: 5,
  BREAK_OFF: 6,
  DTR_ON: 8,
  DTR_OFF: 9,
  RTS_ON: 11,
  RTS_OFF: 12,
} as const;

const PARITY_CODES: readonly Parity[] = ['none', 'odd', 'even', 'mark', 'space'];
const STOP_CODES: ReadonlyMap<StopBits, number> = new Map<StopBits, number>([[1, 1], [2, 2], [1.5, 3]]);

/** One COM-PORT-OPTION request: the command and its value bytes. */
export interface ComRequest {
  readonly command: number;
  readonly value: Uint8Array;
}

export function baudValue(baud: number): Uint8Array {
  const value = new Uint8Array(4);
  new DataView(value.buffer).setUint32(0, baud);
  return value;
}

/** The requests that set `settings`, in the order pyserial and ser2net use: baud, size, parity, stop, flow. */
export function settingsRequests(settings: LineSettings): ComRequest[] {
  const requests: ComRequest[] = [];
  if (settings.baudRate !== undefined) requests.push({ command: COM.SET_BAUDRATE, value: baudValue(settings.baudRate) });
  if (settings.dataBits !== undefined) requests.push({ command: COM.SET_DATASIZE, value: Uint8Array.of(settings.dataBits) });
  if (settings.parity !== undefined) {
    requests.push({ command: COM.SET_PARITY, value: Uint8Array.of(PARITY_CODES.indexOf(settings.parity) + 1) });
  }
  if (settings.stopBits !== undefined) {
    requests.push({ command: COM.SET_STOPSIZE, value: Uint8Array.of(STOP_CODES.get(settings.stopBits)!) });
  }
  if (settings.flow !== undefined) requests.push({ command: COM.SET_CONTROL, value: Uint8Array.of(flowCode(settings.flow)) });
  return requests;
}

function flowCode(flow: FlowControl): number {
  return flow === 'rtscts' ? CONTROL.FLOW_HARDWARE : flow === 'xonxoff' ? CONTROL.FLOW_XONXOFF : CONTROL.FLOW_NONE;
}

/** What a server's answer to a settings request says is now in effect; undefined if it makes no sense. */
export function settingFromReply(command: number, value: Uint8Array): LineSettings | undefined {
  switch (command) {
    case COM.SET_BAUDRATE: {
      const baudRate = value.length >= 4 ? new DataView(value.buffer, value.byteOffset).getUint32(0) : 0;
      return baudRate > 0 ? { baudRate } : undefined;
    }
    case COM.SET_DATASIZE:
      return [5, 6, 7, 8].includes(value[0] ?? 0) ? { dataBits: value[0] as DataBits } : undefined;
    case COM.SET_PARITY: {
      const parity = PARITY_CODES[(value[0] ?? 0) - 1];
      return parity === undefined ? undefined : { parity };
    }
    case COM.SET_STOPSIZE: {
      const stop = [...STOP_CODES].find(([, code]) => code === value[0])?.[0];
      return stop === undefined ? undefined : { stopBits: stop };
    }
    case COM.SET_CONTROL: {
      const code = value[0];
      if (code === CONTROL.FLOW_NONE) return { flow: 'none' };
      if (code === CONTROL.FLOW_XONXOFF) return { flow: 'xonxoff' };
      if (code === CONTROL.FLOW_HARDWARE) return { flow: 'rtscts' };
      return undefined;
    }
    default:
      return undefined;
  }
}

/** NOTIFY-MODEMSTATE bits: 0x80 DCD, 0x40 RI, 0x20 DSR, 0x10 CTS (the low four are deltas). */
export function modemLinesFromState(state: number): ModemLines {
  return {
    dcd: (state & 0x80) !== 0,
    ri: (state & 0x40) !== 0,
    dsr: (state & 0x20) !== 0,
    cts: (state & 0x10) !== 0,
  };
}

export function modemStateFromLines(lines: ModemLines): number {
  return (lines.dcd ? 0x80 : 0) | (lines.ri ? 0x40 : 0) | (lines.dsr ? 0x20 : 0) | (lines.cts ? 0x10 : 0);
}

const NAMES = new Map<number, string>(Object.entries(COM).map(([name, code]) => [code, name.replace(/_/g, '-')]));

export function commandName(command: number): string {
  return NAMES.get(command) ?? `command ${command}`;
}
