/** The SIS kernel's prompt at the start of a line; `--prompt REGEX` replaces it. */
export const SIS_PROMPT_SOURCE = '^sis> ';

export interface PromptPattern {
  /** The pattern as the user gave it, for messages. */
  readonly source: string;
  /** The whole cleaned line is a prompt with nothing after it. */
  bare(line: string): boolean;
  /** The line starts with a prompt match and has more after it (`sis> [TIMER] …`). */
  glued(line: string): boolean;
  /** Both questions in one scan: `bare`, `glued` or null. */
  match(line: string): 'bare' | 'glued' | null;
}

export type PromptParse = { ok: true; pattern: PromptPattern } | { ok: false; message: string };

/** Longest cleaned line looked at; longer lines are never prompts. */
export const PROMPT_LINE_LIMIT = 4096;

/**
 * A prompt pattern is tested on the cleaned current line (escapes, CR and controls removed). A
 * match that reaches the end of the line, trailing blanks aside, is a bare prompt; a match with
 * text after it is glued output, which finishes nothing.
 */
export function createPromptPattern(source: string = SIS_PROMPT_SOURCE): PromptParse {
  let regex: RegExp;
  try {
    new RegExp(source);
    regex = new RegExp(source, 'g');
  } catch (error) {
    return { ok: false, message: `--prompt: invalid regular expression '${source}' (${(error as Error).message})` };
  }
  if (regex.test('')) return { ok: false, message: `--prompt: '${source}' matches an empty line` };
  const prefix = anchoredPrefix(source);
  const scan = (line: string): 'bare' | 'glued' | null => {
    if (line.length > PROMPT_LINE_LIMIT || !line.startsWith(prefix)) return null;
    let end = -1;
    let found: 'glued' | null = null;
    regex.lastIndex = 0;
    for (let m = regex.exec(line); m !== null; m = regex.exec(line)) {
      // Most lines match nothing: the trimmed length is wanted only once one does.
      if (end < 0) end = line.trimEnd().length;
      const stop = m.index + m[0].length;
      if (stop >= end && m[0].length > 0) return 'bare';
      found = 'glued';
      if (m[0].length === 0) regex.lastIndex++;
    }
    return found;
  };
  return {
    ok: true,
    pattern: {
      source,
      bare: (line) => scan(line) === 'bare',
      glued: (line) => scan(line) === 'glued',
      match: scan,
    },
  };
}

const LITERAL_AFTER_CARET = /^\^([^\\^$.*+?()[\]{}|]*)/;

/**
 * The text every match must start the line with, for a pattern anchored by `^` (most lines are
 * then turned away without running the pattern); '' when there is none to rely on: no `^`, an
 * alternation (`^a|b` anchors only `a`), or no literal after the `^`.
 */
export function anchoredPrefix(source: string): string {
  const m = LITERAL_AFTER_CARET.exec(source);
  if (m === null || source.includes('|')) return '';
  const literal = m[1]!;
  const next = source.charAt(1 + literal.length);
  // A quantifier that allows zero of the last character leaves it out of what must be there.
  return next === '*' || next === '?' || next === '{' ? literal.slice(0, -1) : literal;
}
