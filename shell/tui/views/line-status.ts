import { formatLineSettings, type ControlLines, type LineSettings, type ModemLines, type Traffic } from '../../../uart/index.js';
import { formatCount } from '../../connect/line-control.js';

/** `115200 8N1`; flow control is named only when there is some: `9600 7E1 rtscts`. */
export function lineSettingsText(settings: LineSettings): string {
  const frame = formatLineSettings(settings);
  return settings.flow !== undefined && settings.flow !== 'none' ? `${frame} ${settings.flow}` : frame;
}

/** `CTS+ DSR+ DCD- RI-` (+ on, - off); a line the port does not report is left out. Null: none reported. */
export function modemLinesText(modem: ModemLines): string | null {
  const lines: Array<[string, boolean | undefined]> = [['CTS', modem.cts], ['DSR', modem.dsr], ['DCD', modem.dcd], ['RI', modem.ri]];
  const shown = lines.filter(([, on]) => on !== undefined).map(([name, on]) => `${name}${on ? '+' : '-'}`);
  return shown.length > 0 ? shown.join(' ') : null;
}

/** `DTR off`, `RTS off`, `DTR off RTS off` while dropped; null while both are up (as they are at open). */
export function controlLinesText(control: Required<ControlLines>): string | null {
  const dropped = [!control.dtr && 'DTR off', !control.rts && 'RTS off'].filter(Boolean);
  return dropped.length > 0 ? dropped.join(' ') : null;
}

/** `RX 1.2k TX 40`: bytes received from and sent to the far end over every connection. */
export function trafficText(traffic: Traffic): string {
  return `RX ${formatCount(traffic.rxBytes)} TX ${formatCount(traffic.txBytes)}`;
}
