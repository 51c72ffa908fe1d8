export { ConsoleInput, type ConsoleInputOptions, type InputEvent, type InputView } from './console-input.js';
export { complete, commonPrefix, type Completion } from './completion.js';
export { CONSOLE_OPTIONS, DEFAULT_GRAMMAR, type ConsoleOptionSpec, type InputGrammar } from './grammar.js';
export { lineHint } from './hints.js';
export { appendEntry, createHistoryList, DEFAULT_HISTORY_CAP, HistoryBrowser, type LineHistory } from './history.js';
export {
  HISTORY_ENV,
  historyPath,
  loadHistoryFile,
  openConsoleHistory,
  type ConsoleHistory,
  type ConsoleHistoryOptions,
  type HistoryLoad,
} from './history-file.js';
export { InputLine, type InputLineProps } from './input-line.js';
export { FORWARD_DELETE, keyToAction, splitBurst, type InputAction, type KeyActionType } from './key-map.js';
export { feedText, type EditorState } from './line-editor.js';
export { useLineEditor, type LineEditorHandle, type UseLineEditorOptions } from './use-line-editor.js';
export { useRawKeys, type UseRawKeysOptions } from './use-raw-keys.js';
