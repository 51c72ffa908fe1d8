export type { BytePort, PortError, PortErrorKind } from './port.js';
export { portError, isPortError, lineControlOf } from './port.js';
export {
  unsupportedLineControl,
  disconnectedLineControl,
  lineOk,
  lineFailure,
  checkBreakMs,
  type LineControl,
  type LineResult,
  type LineFailureKind,
  type ModemLines,
  type ControlLines,
} from './line-control.js';
export { createTelnetPort, type TelnetPortOptions } from './telnet-port.js';
export { Listeners } from './listeners.js';
export { systemClock, repeatTimer, delay, type HostClock, type TimerOptions } from './host-clock.js';
export { createManualClock, type ManualClock, type ManualClockOptions } from './manual-clock.js';
export { createVirtualPair, type VirtualPair, type VirtualDevice, type VirtualPairOptions } from './virtual-port.js';
export {
  parseEndpoint,
  formatEndpoint,
  DEFAULT_TCP_HOST,
  type Endpoint,
  type TcpEndpoint,
  type UnixEndpoint,
  type DeviceEndpoint,
  type TelnetEndpoint,
  type EndpointParse,
} from './endpoint.js';
export { createSocketPort, type SocketPortOptions } from './socket-port.js';
export { createSerialDevicePort, type SerialDevicePortOptions } from './serial-device-port.js';
export {
  createSocketServer,
  type SocketServer,
  type SocketServerOptions,
  type SocketServerResult,
  type ServerEvent,
} from './socket-server.js';
export { BUSY_PREFIX, busyLine, type Holder } from './busy-line.js';
export {
  createReconnectingPort,
  type ReconnectingPort,
  type ReconnectingPortOptions,
  type ReconnectState,
  type Traffic,
} from './reconnecting-port.js';
export {
  createLogWriter,
  type LogWriter,
  type LogWriterOptions,
  type LogWriterResult,
  type SessionLogWriter,
} from './log-file.js';
export { stampText, type TimestampMode } from './line-stamper.js';
export { bytesPerSecond, createPacer, type Pacer, type PacerOptions, type FrameSettings } from './pacing.js';
export { createWire, type Wire } from './wire.js';
export { listPorts, PTY_NOTE, type PortInfo, type PortListing } from './list-ports.js';
export {
  enterBytes,
  encodeLine,
  createOutgoingMapper,
  createIncomingMapper,
  createInputMapper,
  createOutputMapper,
  DEFAULT_ENTER,
  DEFAULT_MAPPING,
  type LineMapping,
  type EnterMode,
  type IncomingCrMode,
  type ByteMapper,
} from './line-endings.js';
export {
  checkLineSettings,
  formatLineSettings,
  DEFAULT_BAUD_RATE,
  type LineSettings,
  type DataBits,
  type Parity,
  type StopBits,
  type FlowControl,
} from './line-settings.js';
export { createAnsiStripper, type AnsiStripper } from './ansi-strip.js';
export { EscapeTokenizer } from './escape-tokenizer.js';
export { CONTROL, NONE, SEQUENCE, TEXT } from './escape-tokens.js';
export type { EscapeTokenizerOptions, SequenceKind, StringEnd, Token } from './escape-tokens.js';
