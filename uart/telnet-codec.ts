/** RFC 854 command bytes and the options this client negotiates. */
export const IAC = 255;
export const DONT = 254;
export const DO = 253;
export const WONT = 252;
export const WILL = 251;
export const SB = 250;
export const SE = 240;
export const OPT_BINARY = 0;
export const OPT_ECHO = 1;
export const OPT_SGA = 3;
/** RFC 2217 COM-PORT-OPTION. */
export const OPT_COM_PORT = 44;

const CR = 13;
const LF = 10;
const NUL = 0;

export type Verb = typeof WILL | typeof WONT | typeof DO | typeof DONT;

export type TelnetEvent =
  | { readonly type: 'data'; readonly bytes: Uint8Array }
  | { readonly type: 'option'; readonly verb: Verb; readonly option: number }
  | { readonly type: 'subnegotiation'; readonly option: number; readonly data: Uint8Array };

type State = 'data' | 'iac' | 'verb' | 'sb-option' | 'sb-data' | 'sb-iac';

/**
 * Splits a telnet stream into data, option commands and subnegotiations; keeps its state across
 * chunks. `IAC IAC` is a data 0xFF. While the far end does not send BINARY, a CR is followed by NUL
 * or LF (RFC 854 NVT): `CR NUL` is delivered as a bare CR.
 */
export class TelnetDecoder {
  /** True once the far end sends in BINARY mode: no CR NUL rule. */
  binary = false;
  private state: State = 'data';
  private verb: Verb = WILL;
  private sbOption = 0;
  private sbData: number[] = [];
  private afterCr = false;

  feed(chunk: Uint8Array): TelnetEvent[] {
    const events: TelnetEvent[] = [];
    let data: number[] = [];
    const flushData = (): void => {
      if (data.length > 0) events.push({ type: 'data', bytes: Uint8Array.from(data) });
      data = [];
    };
    for (const byte of chunk) {
      switch (this.state) {
        case 'data':
          if (byte === IAC) this.state = 'iac';
          else this.dataByte(byte, data);
          break;
        case 'iac':
          if (byte === IAC) {
            this.dataByte(IAC, data);
            this.state = 'data';
          } else if (byte === WILL || byte === WONT || byte === DO || byte === DONT) {
            this.verb = byte;
            this.state = 'verb';
          } else if (byte === SB) this.state = 'sb-option';
          // NOP, GA, AYT and the other two-byte commands carry nothing a console shows.
          else this.state = 'data';
          break;
        case 'verb':
          flushData();
          events.push({ type: 'option', verb: this.verb, option: byte });
          this.state = 'data';
          break;
        case 'sb-option':
          this.sbOption = byte;
          this.sbData = [];
          this.state = 'sb-data';
          break;
        case 'sb-data':
          if (byte === IAC) this.state = 'sb-iac';
          else this.sbData.push(byte);
          break;
        case 'sb-iac':
          if (byte === IAC) {
            this.sbData.push(IAC);
            this.state = 'sb-data';
          } else {
            // IAC SE ends it; anything else after IAC is a malformed end and ends it too.
            flushData();
            events.push({ type: 'subnegotiation', option: this.sbOption, data: Uint8Array.from(this.sbData) });
            this.state = 'data';
          }
          break;
      }
    }
    flushData();
    return events;
  }

  private dataByte(byte: number, out: number[]): void {
    const afterCr = this.afterCr;
    this.afterCr = !this.binary && byte === CR;
    if (afterCr && byte === NUL) return;
    out.push(byte);
  }
}

/**
 * Data bytes as they go on a telnet connection: 0xFF doubled; while we do not send in BINARY
 * mode, a CR not followed by LF in the same chunk is sent as `CR NUL`.
 */
export function escapeData(bytes: Uint8Array, binary: boolean): Uint8Array {
  let extra = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === IAC || (!binary && bytes[i] === CR && bytes[i + 1] !== LF)) extra++;
  }
  if (extra === 0) return bytes;
  const out = new Uint8Array(bytes.length + extra);
  let j = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    out[j++] = byte;
    if (byte === IAC) out[j++] = IAC;
    else if (!binary && byte === CR && bytes[i + 1] !== LF) out[j++] = NUL;
  }
  return out;
}

export function optionCommand(verb: Verb, option: number): Uint8Array {
  return Uint8Array.of(IAC, verb, option);
}

/** `IAC SB option data IAC SE`, with 0xFF in `data` doubled. */
export function subnegotiation(option: number, data: Uint8Array): Uint8Array {
  const body = escapeData(data, true);
  const out = new Uint8Array(body.length + 5);
  out.set([IAC, SB, option]);
  out.set(body, 3);
  out.set([IAC, SE], 3 + body.length);
  return out;
}
