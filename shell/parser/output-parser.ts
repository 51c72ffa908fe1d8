import type { ParserEvent } from './events.js';
import { LineMachine } from './line-machine.js';
import {
  applyBackspaces,
  cleanControls,
  decodeLatin1,
  lineStartsWithPrompt,
  PROMPT,
  PROMPT_WINDOW,
  tailPromptDecision,
} from './text.js';

export interface OutputParserOptions {
  /** Longest line kept whole, in bytes (default 65536); longer lines are cut into `other` pieces. */
  maxLineLength?: number;
}

export interface OutputParser {
  /** Feeds received bytes; returns the events they completed. */
  push(chunk: Uint8Array): ParserEvent[];
  /** Feeds received bytes already decoded as latin1 (one char per byte), as `push` would. */
  pushText(text: string): ParserEvent[];
  /** Ends the stream: the unterminated tail is taken as a line and open blocks are closed. */
  end(): ParserEvent[];
}

/**
 * The line without the `\r`s that end it: CR LF lines then need no cleaning pass. Cleaning drops
 * them anyway, and no escape sequence ends in or spans a CR that nothing follows.
 */
function withoutTrailingCr(raw: string): string {
  let end = raw.length;
  while (end > 0 && raw.charCodeAt(end - 1) === 0x0d) end--;
  return end === raw.length ? raw : raw.slice(0, end);
}

/**
 * Incremental parser of the kernel's console output (reference §8.7). Any split of the same
 * bytes into chunks yields the same events: lines are cut at `\n` and at fixed multiples of
 * `maxLineLength`, and the prompt is announced as soon as a line is known to start with `sis> `.
 */
export function createOutputParser(options: OutputParserOptions = {}): OutputParser {
  const maxLine = Math.max(options.maxLineLength ?? 65536, PROMPT_WINDOW);
  let out: ParserEvent[] = [];
  /** Lines completed so far: telemetry events carry the number of their line. */
  let lineNumber = 0;
  const machine = new LineMachine((event) => {
    if (event.type === 'metric' || event.type === 'summary') event.line = lineNumber;
    out.push(event);
  });
  let tail = '';
  /** Whether the prompt of the current (unterminated) line has been announced. */
  let promptEmitted = false;
  let tailDecided = false;

  function nextLine(): void {
    promptEmitted = false;
    tailDecided = false;
  }

  function handleLine(raw: string): void {
    lineNumber++;
    const cleaned = cleanControls(withoutTrailingCr(raw));
    if (lineStartsWithPrompt(raw, cleaned)) {
      if (!promptEmitted) machine.prompt();
      machine.promptRemainder(applyBackspaces(cleaned.slice(PROMPT.length)));
    } else {
      machine.line(applyBackspaces(cleaned));
    }
    nextLine();
  }

  function handlePiece(raw: string): void {
    lineNumber++;
    const cleaned = cleanControls(raw);
    if (!promptEmitted && lineStartsWithPrompt(raw, cleaned)) machine.prompt();
    machine.overlong(applyBackspaces(cleaned));
    nextLine();
  }

  function completeLine(raw: string): void {
    let rest = raw;
    while (rest.length > maxLine) {
      handlePiece(rest.slice(0, maxLine));
      rest = rest.slice(maxLine);
    }
    handleLine(rest);
  }

  function take(): ParserEvent[] {
    const events = out;
    out = [];
    return events;
  }

  function pushText(text: string): ParserEvent[] {
      let start = 0;
      let nl = text.indexOf('\n');
      while (nl >= 0) {
        if (start === 0 && tail !== '') {
          const raw = tail + text.slice(0, nl);
          tail = '';
          completeLine(raw);
        } else {
          completeLine(text.slice(start, nl));
        }
        start = nl + 1;
        nl = text.indexOf('\n', start);
      }
      tail = start === 0 ? tail + text : text.slice(start);
      while (tail.length > maxLine) {
        handlePiece(tail.slice(0, maxLine));
        tail = tail.slice(maxLine);
      }
      if (!tailDecided && !promptEmitted && tail !== '') {
        const decision = tailPromptDecision(tail);
        if (decision !== null) {
          tailDecided = true;
          if (decision) {
            machine.prompt();
            promptEmitted = true;
          }
        }
      }
      return take();
  }

  return {
    push: (chunk) => pushText(decodeLatin1(chunk)),
    pushText,
    end() {
      if (tail !== '') {
        const raw = tail;
        tail = '';
        handleLine(raw);
      }
      machine.flush();
      nextLine();
      return take();
    },
  };
}
