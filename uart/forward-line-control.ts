import { disconnectedLineControl, type LineControl } from './line-control.js';
import type { LineSettings } from './line-settings.js';
import { lineControlOf, type BytePort } from './port.js';

export interface ForwardedLineControl extends LineControl {
  /** A new connection is up: settings changed at run time are asked of it again. */
  reconnected(port: BytePort): void;
}

/**
 * Line control of a port that stands for other ports in turn (a reconnecting port): each call
 * goes to the port connected now, or answers `disconnected`. Settings changed at run time are
 * remembered and applied to every later connection, so a reconnect keeps them.
 */
export function forwardLineControl(connected: () => BytePort | undefined, describe: () => string): ForwardedLineControl {
  let changed: LineSettings = {};
  let lastSeen: LineControl | undefined;
  const now = (): LineControl => {
    const port = connected();
    if (port === undefined) return disconnectedLineControl(describe(), lastSeen);
    lastSeen = lineControlOf(port);
    return lastSeen;
  };
  return {
    sendBreak: (ms) => now().sendBreak(ms),
    setControlLines: (lines) => now().setControlLines(lines),
    getModemLines: () => now().getModemLines(),
    async updateSettings(settings) {
      const result = await now().updateSettings(settings);
      if (result.ok) changed = { ...changed, ...settings };
      return result;
    },
    get settings() {
      return now().settings;
    },
    get controlLines() {
      return now().controlLines;
    },
    reconnected(port) {
      lastSeen = lineControlOf(port);
      if (Object.keys(changed).length > 0) void lastSeen.updateSettings(changed);
    },
  };
}
