import type { LineSettings } from './line-settings.js';

/** The modem status lines a device reports; a line the device cannot report is undefined. */
export interface ModemLines {
  readonly cts?: boolean;
  readonly dsr?: boolean;
  readonly dcd?: boolean;
  readonly ri?: boolean;
}

/** The output control lines the host drives; undefined leaves a line as it is. */
export interface ControlLines {
  readonly dtr?: boolean;
  readonly rts?: boolean;
}

export type LineFailureKind =
  /** This kind of port has no such control (plain tcp:/unix: sockets, a pty's modem lines). */
  | 'unsupported'
  /** The port is not connected right now. */
  | 'disconnected'
  /** The device or server refused or did not answer. */
  | 'failed';

export type LineResult<T = void> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly kind: LineFailureKind; readonly message: string };

/**
 * Line control beyond bytes: BREAK, DTR/RTS, modem status and line settings at run time.
 * Every call resolves with a value, never rejects: a port that cannot do something says so.
 */
export interface LineControl {
  /** Holds the line in the BREAK (spacing) state for `ms`, then releases it. */
  sendBreak(ms: number): Promise<LineResult>;
  /** Sets DTR and/or RTS; resolves with both lines as they now are. */
  setControlLines(lines: ControlLines): Promise<LineResult<Required<ControlLines>>>;
  getModemLines(): Promise<LineResult<ModemLines>>;
  /** Changes any of baud, data bits, parity, stop bits and flow control; resolves with the settings now in effect. */
  updateSettings(settings: LineSettings): Promise<LineResult<LineSettings>>;
  /** The settings in effect, as far as this side knows them; undefined when the port has none of its own. */
  readonly settings: LineSettings | undefined;
  /** DTR and RTS as last set. */
  readonly controlLines: Required<ControlLines>;
}

export function lineOk<T>(value: T): LineResult<T> {
  return { ok: true, value };
}

export function lineFailure(kind: LineFailureKind, message: string): LineResult<never> {
  return { ok: false, kind, message };
}

/** Line control of a port that has none: every call resolves with an `unsupported` value naming it. */
export function unsupportedLineControl(description: string, why = 'a plain byte stream'): LineControl {
  const no = (what: string): Promise<LineResult<never>> =>
    Promise.resolve(lineFailure('unsupported', `${description}: ${what} not supported (${why})`));
  return {
    sendBreak: () => no('BREAK'),
    setControlLines: () => no('DTR/RTS'),
    getModemLines: () => no('modem lines'),
    updateSettings: () => no('line settings'),
    settings: undefined,
    controlLines: { dtr: true, rts: true },
  };
}

/** Line control that fails every call as `disconnected`. */
export function disconnectedLineControl(description: string, last?: LineControl): LineControl {
  const down = (): Promise<LineResult<never>> =>
    Promise.resolve(lineFailure('disconnected', `${description}: not connected`));
  return {
    sendBreak: down,
    setControlLines: down,
    getModemLines: down,
    updateSettings: down,
    settings: last?.settings,
    controlLines: last?.controlLines ?? { dtr: true, rts: true },
  };
}

/** Checks a BREAK length; one line describing the problem, or undefined. */
export function checkBreakMs(ms: number): string | undefined {
  return Number.isInteger(ms) && ms >= 1 && ms <= 10_000
    ? undefined
    : `invalid BREAK length ${String(ms)} ms (expected an integer 1..10000)`;
}
