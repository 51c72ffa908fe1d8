export { Conversation, type ConversationOptions, type SendCheck } from './conversation.js';
export { EngineDriver, type DriverOptions, type EnginePort, type EngineView } from './driver.js';
export { createPromptPattern, SIS_PROMPT_SOURCE, type PromptPattern, type PromptParse } from './prompt-pattern.js';
export { timingFor, charMs, type EngineTiming } from './timing.js';
export { encodeLine, decodeLatin1, joinAdjacent, type LineEncoding } from './bytes.js';
export type { TerminalSize } from './terminal-queries.js';
export type * from './types.js';
