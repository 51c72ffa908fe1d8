import {
  checkBreakMs,
  checkLineSettings,
  formatLineSettings,
  lineControlOf,
  lineFailure,
  delay,
  systemClock,
  type HostClock,
  type BytePort,
  type DataBits,
  type LineControl,
  type LineResult,
  type LineSettings,
  type ModemLines,
  type Parity,
  type StopBits,
} from '../../uart/index.js';

/** What a line-control action did, as the console shows it: one line. */
export interface LineAction {
  readonly ok: boolean;
  readonly message: string;
}

const action = (result: LineResult<unknown>, done: string): LineAction =>
  result.ok ? { ok: true, message: done } : { ok: false, message: result.message };

/** Ctrl-T b: holds the line in BREAK for `ms`. */
export async function sendBreak(port: BytePort, ms: number): Promise<LineAction> {
  const invalid = checkBreakMs(ms);
  if (invalid !== undefined) return { ok: false, message: invalid };
  return action(await lineControlOf(port).sendBreak(ms), `BREAK sent (${ms} ms)`);
}

/** Ctrl-T d: DTR off if on, on if off. */
export async function toggleDtr(port: BytePort): Promise<LineAction> {
  const control = lineControlOf(port);
  const dtr = !control.controlLines.dtr;
  return action(await control.setControlLines({ dtr }), `DTR ${dtr ? 'on' : 'off'}`);
}

/** Ctrl-T r: RTS off if on, on if off. */
export async function toggleRts(port: BytePort): Promise<LineAction> {
  const control = lineControlOf(port);
  const rts = !control.controlLines.rts;
  return action(await control.setControlLines({ rts }), `RTS ${rts ? 'on' : 'off'}`);
}

/** Drops DTR for `ms`, then raises it: the reset pulse of `--dtr-pulse`. */
export async function pulseDtr(control: LineControl, ms: number, clock: HostClock = systemClock): Promise<LineResult> {
  const invalid = checkBreakMs(ms);
  if (invalid !== undefined) return lineFailure('failed', invalid.replace('BREAK length', 'pulse length'));
  const off = await control.setControlLines({ dtr: false });
  if (!off.ok) return off;
  await delay(clock, ms);
  const on = await control.setControlLines({ dtr: true });
  return on.ok ? { ok: true, value: undefined } : on;
}

/** `--dtr-pulse` and the menu's pulse: DTR off for `ms`, then on. */
export async function pulseDtrAction(port: BytePort, ms: number, clock: HostClock = systemClock): Promise<LineAction> {
  return action(await pulseDtr(lineControlOf(port), ms, clock), `DTR pulsed (${ms} ms)`);
}

/** `CTS on  DSR on  DCD off  RI off`; a line the device does not report shows `?`. */
export function formatModemLines(lines: ModemLines): string {
  const show = (name: string, value: boolean | undefined): string =>
    `${name} ${value === undefined ? '?' : value ? 'on' : 'off'}`;
  return [show('CTS', lines.cts), show('DSR', lines.dsr), show('DCD', lines.dcd), show('RI', lines.ri)].join('  ');
}

/** The modem lines for the status line; `lines` is undefined when the device cannot report them. */
export async function readModemLines(port: BytePort): Promise<LineAction & { readonly lines?: ModemLines }> {
  const result = await lineControlOf(port).getModemLines();
  return result.ok ? { ok: true, message: formatModemLines(result.value), lines: result.value } : action(result, '');
}

/** `115200 8N1 flow none`: the settings the port says are in effect. */
export function describeSettings(settings: LineSettings): string {
  return `${formatLineSettings(settings)} flow ${settings.flow ?? 'none'}`;
}

/** Applies new line settings; the message shows those now in effect. */
export async function changeLineSettings(port: BytePort, settings: LineSettings): Promise<LineAction> {
  const invalid = checkLineSettings(settings);
  if (invalid !== undefined) return { ok: false, message: invalid };
  const result = await lineControlOf(port).updateSettings(settings);
  return result.ok ? { ok: true, message: `line now ${describeSettings(result.value)}` } : action(result, '');
}

export interface LineStatus {
  /** `lineControlOf(port).settings`; undefined: the port has none (a socket, the unpaced model). */
  readonly settings?: LineSettings;
  /** The last `readModemLines` answer, if the device reports them. */
  readonly modem?: ModemLines;
  /** `port.traffic`. */
  readonly traffic?: { readonly rxBytes: number; readonly txBytes: number };
}

/** The status line's line part: `9600 8E1  CTS on  DSR on  DCD on  RI off  RX 1.2k TX 40`; absent parts are left out. */
export function formatLineStatus(status: LineStatus): string {
  const parts: string[] = [];
  if (status.settings !== undefined) parts.push(formatLineSettings(status.settings));
  if (status.modem !== undefined) parts.push(formatModemLines(status.modem));
  if (status.traffic !== undefined) parts.push(`RX ${formatCount(status.traffic.rxBytes)} TX ${formatCount(status.traffic.txBytes)}`);
  return parts.join('  ');
}

/** 999, 1.2k, 12k, 3.4M: byte counts in at most four characters. */
export function formatCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(n / 1000).toFixed(1)}k`;
  if (n < 1_000_000) return `${Math.floor(n / 1000)}k`;
  if (n < 10_000_000) return `${(n / 1e6).toFixed(1)}M`;
  return `${Math.floor(n / 1e6)}M`;
}

const PARITY_LETTERS: Readonly<Record<string, Parity>> = { N: 'none', E: 'even', O: 'odd', M: 'mark', S: 'space' };
const FLOWS = ['none', 'rtscts', 'xonxoff'] as const;

/**
 * The settings form's text: any of `BAUD`, a frame such as `8N1`/`7E2`/`8N1.5`, and a flow
 * control word (`none`, `rtscts`, `xonxoff`), separated by spaces: `9600 7E1 rtscts`, `8N1`, `57600`.
 */
export function parseSettingsText(text: string): { ok: true; settings: LineSettings } | { ok: false; message: string } {
  let settings: LineSettings = {};
  const words = text.trim().split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0) return { ok: false, message: 'no settings given (e.g. 115200 8N1 none)' };
  for (const word of words) {
    const frame = /^([5-8])([NEOMS])(1|1\.5|2)$/i.exec(word);
    if (/^\d+$/.test(word)) settings = { ...settings, baudRate: Number(word) };
    else if (frame !== null) {
      settings = {
        ...settings,
        dataBits: Number(frame[1]) as DataBits,
        parity: PARITY_LETTERS[frame[2]!.toUpperCase()]!,
        stopBits: Number(frame[3]) as StopBits,
      };
    } else if ((FLOWS as readonly string[]).includes(word.toLowerCase())) {
      settings = { ...settings, flow: word.toLowerCase() as (typeof FLOWS)[number] };
    } else return { ok: false, message: `'${word}' is not a baud rate, a frame like 8N1, or none/rtscts/xonxoff` };
  }
  const invalid = checkLineSettings(settings);
  return invalid === undefined ? { ok: true, settings } : { ok: false, message: invalid };
}
