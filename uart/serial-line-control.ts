import type { SerialPort } from 'serialport';
import { lineFailure, lineOk, type LineControl, type LineResult } from './line-control.js';
import { checkLineSettings, DEFAULT_BAUD_RATE, type LineSettings } from './line-settings.js';
import { delay, systemClock, type HostClock } from './host-clock.js';

type SetFlags = Parameters<SerialPort['set']>[0];

/**
 * Line control of an open serial device through serialport: `set` for BREAK, DTR and RTS (it sets
 * every flag on each call, so the current DTR/RTS go with each), `get` for CTS/DSR/DCD (serialport
 * does not report RI) and `update` for the baud rate, the one setting it can change on an open port.
 */
export function createSerialLineControl(
  path: string,
  device: () => SerialPort | undefined,
  initial: LineSettings,
  clock: HostClock = systemClock,
): LineControl {
  let settings: LineSettings = {
    baudRate: initial.baudRate ?? DEFAULT_BAUD_RATE,
    dataBits: initial.dataBits ?? 8,
    parity: initial.parity ?? 'none',
    stopBits: initial.stopBits ?? 1,
    flow: initial.flow ?? 'none',
  };
  let dtr = true;
  let rts = true;

  const call = <T>(what: string, run: (port: SerialPort, done: (error: Error | null, value?: T) => void) => void): Promise<LineResult<T>> => {
    const port = device();
    if (port === undefined || !port.isOpen) return Promise.resolve(lineFailure('disconnected', `${path}: not open`));
    return new Promise((resolve) => {
      run(port, (error, value) => {
        if (error === null) resolve(lineOk(value as T));
        // A pty (and some adapters) has no modem-control ioctls.
        else if (/inappropriate ioctl|ENOTTY/i.test(error.message)) {
          resolve(lineFailure('unsupported', `${path}: ${what} not supported by this device (it has no modem control lines)`));
        } else resolve(lineFailure('failed', `${path}: ${what}: ${error.message}`));
      });
    });
  };
  const set = (what: string, flags: SetFlags): Promise<LineResult<undefined>> =>
    call(what, (port, done) => port.set(flags, (error) => done(error ?? null)));

  return {
    get settings() {
      return settings;
    },
    get controlLines() {
      return { dtr, rts };
    },

    async sendBreak(ms) {
      const on = await set('BREAK', { brk: true, dtr, rts });
      if (!on.ok) return on;
      await delay(clock, ms);
      return set('BREAK', { brk: false, dtr, rts });
    },

    async setControlLines(lines) {
      const next = { dtr: lines.dtr ?? dtr, rts: lines.rts ?? rts };
      const result = await set('DTR/RTS', { ...next, brk: false });
      if (!result.ok) return result;
      dtr = next.dtr;
      rts = next.rts;
      return lineOk(next);
    },

    async getModemLines() {
      return call('modem lines', (port, done) => port.get((error, status) => done(error ?? null, status && {
        cts: status.cts, dsr: status.dsr, dcd: status.dcd,
      })));
    },

    async updateSettings(wanted) {
      const invalid = checkLineSettings(wanted);
      if (invalid !== undefined) return lineFailure('failed', `${path}: ${invalid}`);
      const framing = (['dataBits', 'parity', 'stopBits', 'flow'] as const)
        .filter((key) => wanted[key] !== undefined && wanted[key] !== settings[key]);
      if (framing.length > 0) {
        return lineFailure('unsupported', `${path}: only the baud rate can change on an open device ` +
          `(reconnect with --databits/--parity/--stopbits/--flow to change ${framing.join(', ')})`);
      }
      const baudRate = wanted.baudRate;
      if (baudRate !== undefined && baudRate !== settings.baudRate) {
        const result = await call<undefined>('baud rate', (port, done) => port.update({ baudRate }, (error) => done(error ?? null)));
        if (!result.ok) return result;
        settings = { ...settings, baudRate };
      }
      return lineOk(settings);
    },
  };
}
