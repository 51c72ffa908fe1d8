export {
  CONNECT_ARGS,
  readConnectOptions,
  readLineSettings,
  type ConnectArgValues,
  type ConnectOptions,
  type ConnectParse,
  type LogSpec,
  type TargetSpec,
  type TimestampMode,
} from './connect-options.js';
export { CONNECT_USAGE, TARGET_USAGE } from './connect-usage.js';
export { createConsolePort, type ConsolePort, type ConsolePortOptions, type LineTake } from './console-port.js';
export { formatMapping, mapFlagsOf, MAP_FLAG_ROWS, parseMapFlags, toggleMapFlag, type MapFlag } from './map-flags.js';
export { readSendFile, sendPaced, type SendFileResult } from './send-file.js';
export { sendWithLrzsz, SEND_PROTOCOLS, type SendProtocol } from './send-lrzsz.js';
export { wholePercent } from './send-progress.js';
export {
  openTarget,
  connectFirst,
  portFactory,
  describeTarget,
  type Connection,
  type OpenTargetOptions,
  type OpenTargetResult,
} from './open-target.js';
export { describeState, reportStates } from './state-lines.js';
export { stopOnSignals, signalStatus, PIPE_STATUS, EXIT_SIGNALS, type ExitSignal, type SignalStop } from './signal-exit.js';
export { choice, integerIn, parseSeed, parseSpeed, SEED_RANGE, SPEED_RANGE, ValueReader } from './values.js';
export {
  CONVERSATION_ARGS,
  CONVERSATION_USAGE,
  readConversationOptions,
  defaultConversation,
  targetBaud,
  type ConversationSettings,
} from './conversation-args.js';
