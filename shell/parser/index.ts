export { createOutputParser } from './output-parser.js';
export type { OutputParser, OutputParserOptions } from './output-parser.js';
export type * from './events.js';
export type * from './records.js';
