import { lineFailure, lineOk, type LineControl, type LineResult, type ModemLines } from './line-control.js';
import { checkLineSettings, type LineSettings } from './line-settings.js';
import { delay, systemClock, type HostClock } from './host-clock.js';
import {
  COM,
  CONTROL,
  commandName,
  modemLinesFromState,
  SERVER_OFFSET,
  settingFromReply,
  settingsRequests,
} from './rfc2217.js';

export interface Rfc2217ControlOptions {
  readonly description: string;
  /** Sends one COM-PORT-OPTION subnegotiation (`command`, `value`) to the server. */
  readonly send: (command: number, value: Uint8Array) => void;
  /** How long the server may take to answer a request. */
  readonly answerTimeoutMs: number;
  /** Timers run on it; default the system clock. */
  readonly clock?: HostClock;
}

export interface Rfc2217Control extends LineControl {
  /** Asks the server for the settings in effect (each request with value 0); unanswered ones stay unknown. */
  querySettings(): Promise<void>;
  /** A COM-PORT-OPTION subnegotiation from the server (its command code is ours + 100). */
  handle(command: number, value: Uint8Array): void;
  /** Fails every waiting request: the connection is gone. */
  close(): void;
}

type Waiter = (value: Uint8Array | undefined) => void;

/** RFC 2217 line control: each request waits for the server's answer, matched in order per command. */
export function createRfc2217Control(options: Rfc2217ControlOptions): Rfc2217Control {
  const clock = options.clock ?? systemClock;
  const { description, send, answerTimeoutMs } = options;
  const waiting = new Map<number, Waiter[]>();
  let settings: LineSettings = {};
  let controlLines = { dtr: true, rts: true };
  let modem: ModemLines | undefined;
  let closed = false;

  const request = (command: number, value: Uint8Array): Promise<Uint8Array | undefined> => {
    if (closed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const queue = waiting.get(command) ?? [];
      waiting.set(command, queue);
      const timer = clock.setTimer(() => {
        const at = queue.indexOf(waiter);
        if (at >= 0) queue.splice(at, 1);
        resolve(undefined);
      }, answerTimeoutMs);
      const waiter: Waiter = (answer) => {
        clock.clearTimer(timer);
        resolve(answer);
      };
      queue.push(waiter);
      send(command, value);
    });
  };

  const noAnswer = (what: string, hint = ''): LineResult<never> => closed
    ? lineFailure('disconnected', `${description}: connection closed`)
    : lineFailure('failed', `${description}: no answer to ${what} within ${answerTimeoutMs / 1000} s${hint}`);

  const control = async (code: number, what: string): Promise<LineResult<number>> => {
    const answer = await request(COM.SET_CONTROL, Uint8Array.of(code));
    // ser2net stays silent when the ioctl fails, e.g. DTR on a pty.
    return answer === undefined ? noAnswer(`SET-CONTROL ${what}`, ' (the server\'s port may not have this line)') : lineOk(answer[0] ?? 0);
  };

  return {
    get settings() {
      return Object.keys(settings).length === 0 ? undefined : settings;
    },
    get controlLines() {
      return controlLines;
    },

    async sendBreak(ms) {
      const on = await control(CONTROL.BREAK_ON, 'BREAK ON');
      if (!on.ok) return on;
      await delay(clock, ms);
      const off = await control(CONTROL.BREAK_OFF, 'BREAK OFF');
      return off.ok ? lineOk(undefined) : off;
    },

    async setControlLines(lines) {
      if (lines.dtr !== undefined) {
        const answer = await control(lines.dtr ? CONTROL.DTR_ON : CONTROL.DTR_OFF, lines.dtr ? 'DTR ON' : 'DTR OFF');
        if (!answer.ok) return answer;
        controlLines = { ...controlLines, dtr: answer.value === CONTROL.DTR_ON };
      }
      if (lines.rts !== undefined) {
        const answer = await control(lines.rts ? CONTROL.RTS_ON : CONTROL.RTS_OFF, lines.rts ? 'RTS ON' : 'RTS OFF');
        if (!answer.ok) return answer;
        controlLines = { ...controlLines, rts: answer.value === CONTROL.RTS_ON };
      }
      return lineOk(controlLines);
    },

    async getModemLines() {
      // With the mask at 0xFF the server notifies every change, so a state it has sent is current.
      if (modem !== undefined) return lineOk(modem);
      // None yet: an empty NOTIFY-MODEMSTATE asks for it (as pyserial polls; not every server answers).
      const answer = await request(COM.NOTIFY_MODEMSTATE, new Uint8Array(0));
      if (answer !== undefined && answer.length > 0) modem = modemLinesFromState(answer[0]!);
      if (modem !== undefined) return lineOk(modem);
      return noAnswer(commandName(COM.NOTIFY_MODEMSTATE));
    },

    async updateSettings(wanted) {
      const invalid = checkLineSettings(wanted);
      if (invalid !== undefined) return lineFailure('failed', `${description}: ${invalid}`);
      for (const { command, value } of settingsRequests(wanted)) {
        const answer = await request(command, value);
        if (answer === undefined) return noAnswer(commandName(command));
        const applied = settingFromReply(command, answer);
        if (applied === undefined) {
          return lineFailure('failed', `${description}: the server refused ${commandName(command)}`);
        }
        settings = { ...settings, ...applied };
      }
      return lineOk(settings);
    },

    async querySettings() {
      const queries = [
        { command: COM.SET_BAUDRATE, value: new Uint8Array(4) },
        ...[COM.SET_DATASIZE, COM.SET_PARITY, COM.SET_STOPSIZE].map((command) => ({ command, value: Uint8Array.of(0) })),
        // SET-CONTROL 0 asks for the outbound flow control setting.
        { command: COM.SET_CONTROL, value: Uint8Array.of(0) },
      ];
      const answers = await Promise.all(queries.map(({ command, value }) => request(command, value)));
      answers.forEach((answer, i) => {
        const applied = answer === undefined ? undefined : settingFromReply(queries[i]!.command, answer);
        if (applied !== undefined) settings = { ...settings, ...applied };
      });
    },

    handle(command, value) {
      const mine = command - SERVER_OFFSET;
      if (mine === COM.NOTIFY_MODEMSTATE && value.length > 0) modem = modemLinesFromState(value[0]!);
      waiting.get(mine)?.shift()?.(value);
    },

    close() {
      closed = true;
      for (const queue of waiting.values()) for (const waiter of queue.splice(0)) waiter(undefined);
    },
  };
}
