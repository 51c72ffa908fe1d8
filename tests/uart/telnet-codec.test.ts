import { describe, expect, test } from '@jest/globals';
import {
  DO,
  DONT,
  escapeData,
  IAC,
  OPT_BINARY,
  OPT_COM_PORT,
  OPT_SGA,
  SB,
  SE,
  subnegotiation,
  TelnetDecoder,
  WILL,
  WONT,
  type TelnetEvent,
} from '../../uart/telnet-codec.js';
import { TelnetOptions } from '../../uart/telnet-options.js';
import { baudValue, modemLinesFromState, settingFromReply, settingsRequests } from '../../uart/rfc2217.js';

const feedAll = (decoder: TelnetDecoder, bytes: number[], split: boolean): TelnetEvent[] =>
  split ? bytes.flatMap((byte) => decoder.feed(Uint8Array.of(byte))) : decoder.feed(Uint8Array.from(bytes));

/** Joins adjacent data events, so a stream fed byte by byte compares with one fed whole. */
const merged = (events: TelnetEvent[]): unknown[] => {
  const out: unknown[] = [];
  for (const event of events) {
    const last = out[out.length - 1] as { type: string; bytes: number[] } | undefined;
    if (event.type === 'data' && last?.type === 'data') last.bytes.push(...event.bytes);
    else if (event.type === 'data') out.push({ type: 'data', bytes: [...event.bytes] });
    else if (event.type === 'subnegotiation') out.push({ ...event, data: [...event.data] });
    else out.push(event);
  }
  return out;
};

describe('TelnetDecoder', () => {
  const stream = [
    0x41, IAC, IAC, 0x42, IAC, WILL, OPT_BINARY, 0x43,
    IAC, SB, OPT_COM_PORT, 101, 0x00, 0x00, 0x25, IAC, IAC, IAC, SE, 0x44, IAC, 241, 0x45,
  ];
  const expected = [
    { type: 'data', bytes: [0x41, 0xff, 0x42] },
    { type: 'option', verb: WILL, option: OPT_BINARY },
    { type: 'data', bytes: [0x43] },
    { type: 'subnegotiation', option: OPT_COM_PORT, data: [101, 0, 0, 0x25, 0xff] },
    { type: 'data', bytes: [0x44, 0x45] },
  ];

  test('IAC IAC is a data 0xFF; commands and subnegotiations come out in stream order; NOP is dropped', () => {
    expect(merged(feedAll(new TelnetDecoder(), stream, false))).toEqual(expected);
  });

  test('the same stream split at every byte gives the same events', () => {
    expect(merged(feedAll(new TelnetDecoder(), stream, true))).toEqual(expected);
  });

  test('NVT mode drops the NUL after CR; BINARY keeps every byte', () => {
    const nvt = new TelnetDecoder();
    expect(merged(feedAll(nvt, [0x61, 13, 0, 0x62, 13, 10], true))).toEqual([{ type: 'data', bytes: [0x61, 13, 0x62, 13, 10] }]);
    const binary = new TelnetDecoder();
    binary.binary = true;
    expect(merged(feedAll(binary, [13, 0, 0], false))).toEqual([{ type: 'data', bytes: [13, 0, 0] }]);
  });
});

describe('escaping what we send', () => {
  test('0xFF is doubled; in NVT mode a lone CR becomes CR NUL, CR LF stays', () => {
    expect([...escapeData(Uint8Array.of(1, 0xff, 2), true)]).toEqual([1, 0xff, 0xff, 2]);
    expect([...escapeData(Uint8Array.of(13, 0x61, 13, 10, 13), false)]).toEqual([13, 0, 0x61, 13, 10, 13, 0]);
    expect([...escapeData(Uint8Array.of(13, 0x61), true)]).toEqual([13, 0x61]);
  });

  test('a subnegotiation value with 0xFF in it is escaped (baud 255)', () => {
    expect([...subnegotiation(OPT_COM_PORT, Uint8Array.of(1, ...baudValue(255)))]).toEqual([
      IAC, SB, OPT_COM_PORT, 1, 0, 0, 0, 0xff, 0xff, IAC, SE,
    ]);
  });
});

describe('TelnetOptions (RFC 1143 Q method)', () => {
  const setup = () => {
    const sent: number[][] = [];
    const changes: string[] = [];
    const options = new TelnetOptions({ local: [OPT_BINARY, OPT_COM_PORT], remote: [OPT_SGA] },
      (bytes) => sent.push([...bytes]), (side, option, on) => changes.push(`${side} ${option} ${on}`));
    return { sent, changes, options };
  };

  test('an accepted DO is answered once; a repeated DO gets no answer, so two ends cannot loop', () => {
    const { sent, options } = setup();
    options.receive(DO, OPT_BINARY);
    options.receive(DO, OPT_BINARY);
    expect(sent).toEqual([[IAC, WILL, OPT_BINARY]]);
    expect(options.isLocal(OPT_BINARY)).toBe(true);
  });

  test('unknown options are refused; a WILL we asked for with DO is not answered again', () => {
    const { sent, options } = setup();
    options.receive(DO, 24);
    options.receive(WILL, 31);
    options.askRemote(OPT_SGA);
    options.receive(WILL, OPT_SGA);
    expect(sent).toEqual([[IAC, WONT, 24], [IAC, DONT, 31], [IAC, DO, OPT_SGA]]);
    expect(options.isRemote(OPT_SGA)).toBe(true);
  });

  test('an offer answered with DONT is reported as refused; one answered with DO as agreed', () => {
    const { changes, options } = setup();
    options.offerLocal(OPT_COM_PORT);
    options.receive(DONT, OPT_COM_PORT);
    options.offerLocal(OPT_BINARY);
    options.receive(DO, OPT_BINARY);
    expect(changes).toEqual([`local ${OPT_COM_PORT} false`, `local ${OPT_BINARY} true`]);
  });

  test('the far end turning an option off is acknowledged', () => {
    const { sent, options } = setup();
    options.receive(WILL, OPT_SGA);
    options.receive(WONT, OPT_SGA);
    expect(sent).toEqual([[IAC, DO, OPT_SGA], [IAC, DONT, OPT_SGA]]);
    expect(options.isRemote(OPT_SGA)).toBe(false);
  });
});

describe('RFC 2217 values', () => {
  test('settings become requests in order, and replies read back', () => {
    const requests = settingsRequests({ baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 1.5, flow: 'rtscts' });
    expect(requests.map((r) => [r.command, ...r.value])).toEqual([[1, 0, 0, 0x25, 0x80], [2, 7], [3, 3], [4, 3], [5, 3]]);
    expect(requests.map((r) => settingFromReply(r.command, r.value))).toEqual([
      { baudRate: 9600 }, { dataBits: 7 }, { parity: 'even' }, { stopBits: 1.5 }, { flow: 'rtscts' },
    ]);
    expect(settingFromReply(3, Uint8Array.of(9))).toBeUndefined();
  });

  test('modem state bits: DCD 0x80, RI 0x40, DSR 0x20, CTS 0x10', () => {
    expect(modemLinesFromState(0xb1)).toEqual({ dcd: true, ri: false, dsr: true, cts: true });
    expect(modemLinesFromState(0x40)).toEqual({ dcd: false, ri: true, dsr: false, cts: false });
  });
});
