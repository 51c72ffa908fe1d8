/** The text being edited and the cursor, a UTF-16 index in 0..text.length. */
export interface EditorState {
  readonly text: string;
  readonly cursor: number;
  /** The text the last kill removed, for Ctrl-Y. */
  readonly killed: string;
}

export const EMPTY_EDITOR: EditorState = { text: '', cursor: 0, killed: '' };

export function editorWith(text: string, cursor = text.length): EditorState {
  return { text, cursor: Math.max(0, Math.min(cursor, text.length)), killed: '' };
}

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9]/.test(ch);
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

function previousBoundary(text: string, at: number): number {
  if (at <= 0) return 0;
  return at >= 2 && isLowSurrogate(text.charCodeAt(at - 1)) ? at - 2 : at - 1;
}

function nextBoundary(text: string, at: number): number {
  if (at >= text.length) return text.length;
  return at + 1 < text.length && isLowSurrogate(text.charCodeAt(at + 1)) ? at + 2 : at + 1;
}

export function insertText(state: EditorState, text: string): EditorState {
  const { text: line, cursor } = state;
  return { ...state, text: line.slice(0, cursor) + text + line.slice(cursor), cursor: cursor + text.length };
}

export const moveLeft = (s: EditorState): EditorState => ({ ...s, cursor: previousBoundary(s.text, s.cursor) });
export const moveRight = (s: EditorState): EditorState => ({ ...s, cursor: nextBoundary(s.text, s.cursor) });
export const moveHome = (s: EditorState): EditorState => ({ ...s, cursor: 0 });
export const moveEnd = (s: EditorState): EditorState => ({ ...s, cursor: s.text.length });

/** Readline's backward-word: to the start of this or the previous run of letters and digits. */
export function wordLeftIndex(text: string, at: number): number {
  let i = at;
  while (i > 0 && !isWordChar(text[i - 1])) i--;
  while (i > 0 && isWordChar(text[i - 1])) i--;
  return i;
}

/** Readline's forward-word: to the end of this or the next run of letters and digits. */
export function wordRightIndex(text: string, at: number): number {
  let i = at;
  while (i < text.length && !isWordChar(text[i])) i++;
  while (i < text.length && isWordChar(text[i])) i++;
  return i;
}

export const moveWordLeft = (s: EditorState): EditorState => ({ ...s, cursor: wordLeftIndex(s.text, s.cursor) });
export const moveWordRight = (s: EditorState): EditorState => ({ ...s, cursor: wordRightIndex(s.text, s.cursor) });

/** Removes text[from..to) and leaves the cursor at `from`; `kill` keeps the text for Ctrl-Y. */
function cut(s: EditorState, from: number, to: number, kill: boolean): EditorState {
  if (from >= to) return s;
  return {
    text: s.text.slice(0, from) + s.text.slice(to),
    cursor: from,
    killed: kill ? s.text.slice(from, to) : s.killed,
  };
}

export const backspace = (s: EditorState): EditorState => cut(s, previousBoundary(s.text, s.cursor), s.cursor, false);
export const deleteForward = (s: EditorState): EditorState => cut(s, s.cursor, nextBoundary(s.text, s.cursor), false);
/** Ctrl-U (unix-line-discard). */
export const killToStart = (s: EditorState): EditorState => cut(s, 0, s.cursor, true);
/** Ctrl-K. */
export const killToEnd = (s: EditorState): EditorState => cut(s, s.cursor, s.text.length, true);

/** Ctrl-W (unix-word-rubout): the spaces before the cursor, then the non-spaces before them. */
export function killWordBack(s: EditorState): EditorState {
  let i = s.cursor;
  while (i > 0 && s.text[i - 1] === ' ') i--;
  while (i > 0 && s.text[i - 1] !== ' ') i--;
  return cut(s, i, s.cursor, true);
}

/** Alt-Backspace (backward-kill-word): back to where Alt-B would go. */
export const killAlnumWordBack = (s: EditorState): EditorState => cut(s, wordLeftIndex(s.text, s.cursor), s.cursor, true);
/** Alt-D (kill-word): forward to where Alt-F would go. */
export const killWordForward = (s: EditorState): EditorState => cut(s, s.cursor, wordRightIndex(s.text, s.cursor), true);
/** Ctrl-Y. */
export const yank = (s: EditorState): EditorState => (s.killed ? insertText(s, s.killed) : s);

export interface InputResult {
  readonly state: EditorState;
  /** Complete lines, in order: each CR, LF or CRLF in the input ended one, as Enter would. */
  readonly lines: readonly string[];
}

/** Characters that are not inserted as they are: C0 controls, DEL and C1 controls. */
const SPECIAL = /[\x00-\x1f\x7f-\x9f]/g;

/**
 * Feeds typed or pasted text (Ink delivers a fast burst as one string): CR/LF/CRLF ends the line
 * (the whole line, as Enter does), BS and DEL erase, a tab becomes a space, other control
 * characters are dropped, the rest is inserted at the cursor. Runs between special characters are
 * sliced, not built a character at a time: a pasted megabyte is a few slices.
 */
export function feedText(state: EditorState, input: string): InputResult {
  const lines: string[] = [];
  let current = state;
  let run: string[] = [];
  const flush = (): void => {
    if (run.length > 0) current = insertText(current, run.join(''));
    run = [];
  };
  const special = new RegExp(SPECIAL.source, 'g');
  let at = 0;
  for (let match = special.exec(input); match !== null; match = special.exec(input)) {
    const i = match.index;
    if (i > at) run.push(input.slice(at, i));
    at = i + 1;
    const ch = input[i]!;
    if (ch === '\r' || ch === '\n') {
      flush();
      lines.push(current.text);
      current = { ...EMPTY_EDITOR, killed: current.killed };
      if (ch === '\r' && input[i + 1] === '\n') {
        at = i + 2;
        special.lastIndex = at;
      }
    } else if (ch === '\b' || ch === '\x7f') {
      flush();
      current = backspace(current);
    } else if (ch === '\t') {
      run.push(' ');
    }
  }
  if (at < input.length) run.push(at === 0 ? input : input.slice(at));
  flush();
  return { state: current, lines };
}

/** The keys that only edit the line, by the action name the key map gives them. */
export const EDITS = {
  left: moveLeft,
  right: moveRight,
  home: moveHome,
  end: moveEnd,
  'word-left': moveWordLeft,
  'word-right': moveWordRight,
  backspace,
  delete: deleteForward,
  'kill-to-start': killToStart,
  'kill-to-end': killToEnd,
  'kill-word-back': killWordBack,
  'kill-alnum-word-back': killAlnumWordBack,
  'kill-word-forward': killWordForward,
  yank,
} as const satisfies Record<string, (state: EditorState) => EditorState>;

export type EditCommand = keyof typeof EDITS;
