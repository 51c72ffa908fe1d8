import { formatEndpoint, type TelnetEndpoint } from './endpoint.js';
import { systemClock, type HostClock } from './host-clock.js';
import { unsupportedLineControl } from './line-control.js';
import type { LineSettings } from './line-settings.js';
import { Listeners } from './listeners.js';
import { portError, type BytePort, type PortError } from './port.js';
import { COM, SERVER_OFFSET } from './rfc2217.js';
import { createRfc2217Control } from './rfc2217-control.js';
import { createSocketPort } from './socket-port.js';
import { escapeData, OPT_BINARY, OPT_COM_PORT, OPT_ECHO, OPT_SGA, subnegotiation, TelnetDecoder } from './telnet-codec.js';
import { TelnetOptions } from './telnet-options.js';

export interface TelnetPortOptions {
  readonly endpoint: TelnetEndpoint;
  /** rfc2217 only: line settings to ask the server for once connected. */
  readonly line?: LineSettings;
  /** Default 5000 ms. */
  readonly connectTimeoutMs?: number;
  /** How long the server may take to agree to COM-PORT-OPTION or answer a request. Default 3000 ms. */
  readonly answerTimeoutMs?: number;
  /** Timers run on it; default the system clock. */
  readonly clock?: HostClock;
}

type Phase = 'idle' | 'opening' | 'open' | 'closed';

/**
 * A client of a telnet server (ser2net, a lab's console server): RFC 854 option negotiation, IAC
 * escaping both ways, BINARY and SGA; with `rfc2217` also COM-PORT-OPTION, so BREAK, DTR/RTS,
 * modem lines and line settings reach the server's serial port. `open()` resolves once the
 * server has agreed to COM-PORT-OPTION and applied `line`.
 */
export function createTelnetPort(options: TelnetPortOptions): BytePort {
  const { endpoint } = options;
  const description = formatEndpoint(endpoint);
  const answerTimeoutMs = options.answerTimeoutMs ?? 3000;
  const clock = options.clock ?? systemClock;
  const inner = createSocketPort({
    endpoint: { kind: 'tcp', host: endpoint.host, port: endpoint.port },
    clock,
    ...(options.connectTimeoutMs !== undefined && { connectTimeoutMs: options.connectTimeoutMs }),
  });
  const dataListeners = new Listeners<[Uint8Array]>();
  const closeListeners = new Listeners<[PortError | undefined]>();
  const decoder = new TelnetDecoder();
  let phase: Phase = 'idle';
  let hostClosing = false;
  let finished = false;
  let comAnswered: (agreed: boolean | undefined) => void = () => {};
  /** Data held while the server asked us to stop (FLOWCONTROL-SUSPEND). */
  let suspended: Uint8Array[] | undefined;

  const negotiation = new TelnetOptions(
    {
      local: endpoint.rfc2217 ? [OPT_BINARY, OPT_SGA, OPT_COM_PORT] : [OPT_BINARY, OPT_SGA],
      remote: [OPT_BINARY, OPT_SGA, OPT_ECHO],
    },
    (bytes) => inner.write(bytes),
    (side, option, enabled) => {
      if (side === 'remote' && option === OPT_BINARY) decoder.binary = enabled;
      if (side === 'local' && option === OPT_COM_PORT) comAnswered(enabled);
    },
  );
  const control = createRfc2217Control({
    description,
    answerTimeoutMs,
    clock,
    send: (command, value) => inner.write(subnegotiation(OPT_COM_PORT, Uint8Array.of(command, ...value))),
  });

  const sendData = (bytes: Uint8Array): void => inner.write(escapeData(bytes, negotiation.isLocal(OPT_BINARY)));

  const onComPort = (data: Uint8Array): void => {
    const command = data[0];
    if (command === undefined) return;
    if (command === COM.FLOWCONTROL_SUSPEND + SERVER_OFFSET) suspended ??= [];
    else if (command === COM.FLOWCONTROL_RESUME + SERVER_OFFSET) {
      const held = suspended ?? [];
      suspended = undefined;
      for (const bytes of held) sendData(bytes);
    } else control.handle(command, data.subarray(1));
  };

  inner.onData((chunk) => {
    for (const event of decoder.feed(chunk)) {
      if (event.type === 'data') {
        if (phase === 'open' || phase === 'opening') dataListeners.emit(event.bytes);
      } else if (event.type === 'option') negotiation.receive(event.verb, event.option);
      else if (event.option === OPT_COM_PORT && endpoint.rfc2217) onComPort(event.data);
    }
  });

  const finish = (reason: PortError | undefined): void => {
    if (finished) return;
    finished = true;
    phase = 'closed';
    control.close();
    closeListeners.emit(reason);
  };
  inner.onClose((reason) => {
    if (phase === 'open' || hostClosing) finish(hostClosing ? undefined : reason);
    else if (phase === 'opening') {
      phase = 'closed';
      comAnswered(undefined);
      control.close();
    }
  });

  const startComPort = async (): Promise<PortError | undefined> => {
    const agreed = await new Promise<boolean | undefined>((resolve) => {
      const timer = clock.setTimer(() => resolve(undefined), answerTimeoutMs);
      comAnswered = (yes) => {
        clock.clearTimer(timer);
        resolve(yes);
      };
      if (negotiation.isLocal(OPT_COM_PORT)) comAnswered(true);
      else negotiation.offerLocal(OPT_COM_PORT);
    });
    if (phase !== 'opening') return undefined;
    if (agreed === undefined) {
      return portError('io', `${description}: no telnet answer within ${answerTimeoutMs / 1000} s ` +
        '(not an RFC 2217 server? use tcp:HOST:PORT for a raw socket)');
    }
    if (!agreed) {
      const plain = formatEndpoint({ ...endpoint, rfc2217: false });
      return portError('io', `${description}: the server refused RFC 2217 (use ${plain} for its byte stream alone)`);
    }
    // Every modem line change is reported; line-state reports (errors, break detect) are not wanted.
    inner.write(subnegotiation(OPT_COM_PORT, Uint8Array.of(COM.SET_MODEMSTATE_MASK, 0xff)));
    inner.write(subnegotiation(OPT_COM_PORT, Uint8Array.of(COM.SET_LINESTATE_MASK, 0)));
    if (options.line === undefined || Object.keys(options.line).length === 0) {
      // No settings asked for: learn the server's, so the console can show them.
      await control.querySettings();
      return undefined;
    }
    const applied = await control.updateSettings(options.line);
    return applied.ok ? undefined : portError('io', applied.message);
  };

  return {
    description,
    lineControl: endpoint.rfc2217 ? control : unsupportedLineControl(description, 'a telnet server without RFC 2217'),

    async open() {
      if (phase !== 'idle') throw portError('io', `${description}: open() called twice`);
      phase = 'opening';
      try {
        await inner.open();
      } catch (error) {
        phase = 'closed';
        throw error;
      }
      negotiation.offerLocal(OPT_BINARY);
      negotiation.askRemote(OPT_BINARY);
      negotiation.offerLocal(OPT_SGA);
      negotiation.askRemote(OPT_SGA);
      const failure = endpoint.rfc2217 ? await startComPort() : undefined;
      if (hostClosing) throw portError('disconnected', `${description}: closed before the connection was made`);
      if (failure !== undefined || phase !== 'opening') {
        phase = 'closed';
        await inner.close();
        throw failure ?? portError('disconnected', `${description}: connection closed by the remote end`);
      }
      phase = 'open';
    },

    write(data) {
      if (phase !== 'open' || hostClosing || data.length === 0) return;
      if (suspended !== undefined) suspended.push(data);
      else sendData(data);
    },

    drain: () => inner.drain(),
    pause: () => inner.pause?.(),
    resume: () => inner.resume?.(),

    async close() {
      hostClosing = true;
      await inner.close();
      finish(undefined);
    },

    onData: (listener) => dataListeners.add(listener),
    onClose: (listener) => closeListeners.add(listener),
  };
}
