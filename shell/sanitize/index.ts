export { createSanitizer, sanitizeText } from './sanitizer.js';
export type { NeutraliseMode, Sanitizer, SanitizerOptions } from './sanitizer.js';
export { controlPicture, DIM_MARK_STYLE, ESC_PICTURE } from './visible.js';
export type { MarkStyle } from './visible.js';
export { createHexDumper, formatHexLine, formatHexLines, HEX_LINE_BYTES } from './hex-view.js';
export type { HexDumper, HexDumperOptions } from './hex-view.js';
export { closeStyling, SGR_RESET, SgrState } from './sgr-state.js';
export { createClearSplitter, dropHomeAfterClear, splitAtClears } from './clear-screen.js';
export type { ClearSplitter } from './clear-screen.js';
