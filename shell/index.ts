/**
 * The console's surface for programs that embed it rather than run the `sis` CLI: read a SIS
 * kernel's UART stream into events and results, open a target, run the kernel model, drive a session.
 */
export { createOutputParser, type OutputParser, type OutputParserOptions, type ParserEvent } from './parser/index.js';
export {
  createResultsBuilder,
  projectDocument,
  toJUnitXml,
  toResultsJson,
  writeFileAtomic,
  type ResultsDocument,
  type TestRun,
} from './results/index.js';
export { createSessionResults } from './results/session/index.js';
export { openTarget, type Connection } from './connect/index.js';
export { createModelTarget, type ModelTarget, type ModelTargetOptions } from './connect/model-target.js';
export { startKernelHost, type KernelHost, type Speed } from './connect/kernel-host.js';
export { EngineDriver, Conversation, createPromptPattern, timingFor, type EngineEvent } from './engine/index.js';
export { runPlainMode } from './plain/plain-mode.js';
export { createSanitizer, sanitizeText } from './sanitize/index.js';
export { VERSION } from './version.js';
