import { complete } from './completion.js';
import { DEFAULT_GRAMMAR, type InputGrammar } from './grammar.js';
import { lineHint } from './hints.js';
import { createHistoryList, HistoryBrowser, type LineHistory } from './history.js';
import { splitBurst, type InputAction } from './key-map.js';
import * as ed from './line-editor.js';
import * as rs from './reverse-search.js';

const CTRL_T = '\x14';

/** What the console app must act on. */
export type InputEvent =
  | { readonly type: 'submit'; readonly line: string }
  | { readonly type: 'interrupt' }
  | { readonly type: 'eof' }
  /** `next`: what came after Ctrl-T in the same read (the menu's key), if anything. */
  | { readonly type: 'console-escape'; readonly next?: string };

/** Everything the input line shows; a new object after every change. */
export interface InputView {
  readonly text: string;
  readonly cursor: number;
  readonly hint: string | undefined;
  /** Completion candidates to list (after a second Tab); empty otherwise. */
  readonly candidates: readonly string[];
  /** The reverse-search prompt while Ctrl-R is active. */
  readonly search: string | undefined;
}

export interface ConsoleInputOptions {
  /** Default: an in-memory history of 1000 lines. */
  history?: LineHistory;
  /** Default: the kernel's COMMAND_GRAMMAR plus CONSOLE_OPTIONS. */
  grammar?: InputGrammar;
  /** Compute a hint for the line as typed. Default true. */
  hints?: boolean;
  /**
   * Told the length of every string the input builds from the line's text (a new line, a pasted
   * piece kept): the work an edit costs, which stays linear in what was typed or pasted.
   */
  onCopy?: (chars: number) => void;
}

/** Plain text (no line end, no control character) that can wait to be inserted with the text after it. */
const PLAIN = /^[^\x00-\x1f\x7f-\x9f]*$/;

/** The console's input line without React: editor, history, Ctrl-R search, Tab completion, hints. */
export class ConsoleInput {
  readonly history: LineHistory;
  private readonly grammar: InputGrammar;
  private readonly hints: boolean;
  private editor: ed.EditorState = ed.EMPTY_EDITOR;
  private readonly browser = new HistoryBrowser();
  private search: { state: rs.SearchState; original: ed.EditorState } | undefined;
  private lastQuery = '';
  private tabbed = false;
  private candidates: readonly string[] = [];
  /** Plain text typed or pasted at the cursor since the line was last built: a paste's reads, joined once. */
  private pending: string[] = [];
  private pendingLength = 0;
  private snapshot: InputView | undefined;
  private readonly onCopy: (chars: number) => void;

  constructor(options: ConsoleInputOptions = {}) {
    this.history = options.history ?? createHistoryList();
    this.grammar = options.grammar ?? DEFAULT_GRAMMAR;
    this.hints = options.hints ?? true;
    this.onCopy = options.onCopy ?? (() => {});
  }

  /** Built when read: while a paste streams in, the line is joined only as often as it is drawn. */
  get view(): InputView {
    this.settle();
    this.snapshot ??= this.render();
    return this.snapshot;
  }

  /** The line's length, without building it. */
  get length(): number {
    return this.editor.text.length + this.pendingLength;
  }

  /** Empties the line (Ctrl-C at an idle prompt, when the app decides so) and ends any search. */
  clear(): void {
    this.settle();
    this.editor = { ...ed.EMPTY_EDITOR, killed: this.editor.killed };
    this.search = undefined;
    this.browser.reset();
    this.candidates = [];
    this.snapshot = undefined;
  }

  /** Replaces the line; the cursor goes to `cursor` (default: the end). */
  setText(text: string, cursor = text.length): void {
    this.settle();
    this.editor = { ...ed.editorWith(text, cursor), killed: this.editor.killed };
    this.snapshot = undefined;
  }

  dispatch(action: InputAction): InputEvent[] {
    // Ctrl-T and the key after it in one read: that key is the menu's, not the line's.
    const escape = action.type === 'text' ? action.text.indexOf(CTRL_T) : -1;
    const typed = action.type === 'text' && escape >= 0 ? action.text.slice(0, escape) : null;
    const actions = action.type !== 'text' ? [action] : splitBurst(typed ?? action.text);
    const events: InputEvent[] = [];
    for (const one of actions) {
      if (!this.search && one.type === 'text' && PLAIN.test(one.text)) {
        this.tabbed = false;
        this.candidates = [];
        this.pending.push(one.text);
        this.pendingLength += one.text.length;
        this.onCopy(one.text.length);
        continue;
      }
      this.settle();
      const before = this.editor.text;
      events.push(...(this.search ? this.searching(one) : this.editing(one)));
      if (this.editor.text !== before) this.onCopy(this.editor.text.length);
    }
    if (action.type === 'text' && escape >= 0) {
      const next = action.text.slice(escape + 1);
      events.push(next === '' ? { type: 'console-escape' } : { type: 'console-escape', next });
    }
    this.snapshot = undefined;
    return events;
  }

  /** Inserts the pending text at the cursor: one new line for any number of reads. */
  private settle(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.length === 1 ? this.pending[0]! : this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    this.editor = ed.insertText(this.editor, text);
    this.onCopy(this.editor.text.length);
  }

  private editing(action: InputAction): InputEvent[] {
    const wasTab = this.tabbed;
    this.tabbed = false;
    this.candidates = [];
    const edit = Object.hasOwn(ed.EDITS, action.type) ? ed.EDITS[action.type as ed.EditCommand] : undefined;
    if (edit) {
      this.editor = edit(this.editor);
      return [];
    }
    switch (action.type) {
      case 'text': {
        const { state, lines } = ed.feedText(this.editor, action.text);
        const events = lines.map((line) => this.submit(line));
        this.editor = state;
        return events;
      }
      case 'submit': {
        const event = this.submit(this.editor.text);
        this.editor = { ...ed.EMPTY_EDITOR, killed: this.editor.killed };
        return [event];
      }
      case 'history-previous':
        return this.recall(this.browser.previous(this.history.entries, this.editor.text));
      case 'history-next':
        return this.recall(this.browser.next(this.history.entries));
      case 'complete':
        return this.complete(wasTab);
      case 'search':
        this.search = { state: rs.START_SEARCH, original: this.editor };
        return [];
      case 'interrupt':
        return [{ type: 'interrupt' }];
      case 'eof-or-delete':
        if (this.editor.text === '') return [{ type: 'eof' }];
        this.editor = ed.deleteForward(this.editor);
        return [];
      case 'console-escape':
        return [{ type: 'console-escape' }];
      default:
        return [];
    }
  }

  private submit(line: string): InputEvent {
    this.history.add(line);
    this.browser.reset();
    return { type: 'submit', line };
  }

  private recall(line: string | undefined): InputEvent[] {
    if (line !== undefined) this.editor = { ...ed.editorWith(line), killed: this.editor.killed };
    return [];
  }

  private complete(wasTab: boolean): InputEvent[] {
    const { text, cursor } = this.editor;
    const result = complete(text, cursor, this.grammar);
    this.editor = { ...this.editor, text: result.text, cursor: result.cursor };
    this.tabbed = true;
    if (wasTab && result.text === text && result.candidates.length > 1) this.candidates = result.candidates;
    return [];
  }

  private searching(action: InputAction): InputEvent[] {
    const search = this.search!;
    const entries = this.history.entries;
    switch (action.type) {
      case 'text': {
        const newline = action.text.search(/[\r\n]/);
        const typed = newline < 0 ? action.text : action.text.slice(0, newline);
        for (const ch of typed) search.state = rs.narrowSearch(entries, search.state, ch);
        if (newline < 0) return [];
        const crlf = action.text.startsWith('\r\n', newline);
        const rest = action.text.slice(newline + (crlf ? 2 : 1));
        return [...this.searching({ type: 'submit' }), ...this.editing({ type: 'text', text: rest })];
      }
      case 'backspace':
        search.state = rs.shortenSearch(entries, search.state);
        return [];
      case 'search':
        search.state = rs.searchOlder(entries, search.state, this.lastQuery);
        return [];
      case 'submit': {
        const line = rs.searchDisplay(entries, search.state, search.original.text).text;
        this.endSearch({ ...ed.EMPTY_EDITOR, killed: search.original.killed });
        return [this.submit(line)];
      }
      case 'cancel':
        this.endSearch(search.original);
        return [];
      case 'interrupt':
        this.endSearch(search.original);
        return [{ type: 'interrupt' }];
      case 'console-escape':
        return [{ type: 'console-escape' }];
      case 'none':
        return [];
      default: {
        const shown = rs.searchDisplay(entries, search.state, search.original.text);
        if (search.state.match !== undefined) {
          const draft = this.browser.browsing ? this.browser.draftText : search.original.text;
          this.browser.jumpTo(search.state.match, draft);
        }
        this.endSearch({ ...search.original, text: shown.text, cursor: shown.cursor });
        return this.editing(action);
      }
    }
  }

  private endSearch(editor: ed.EditorState): void {
    if (this.search?.state.query) this.lastQuery = this.search.state.query;
    this.search = undefined;
    this.editor = editor;
  }

  private render(): InputView {
    if (this.search) {
      const entries = this.history.entries;
      const { state, original } = this.search;
      const shown = rs.searchDisplay(entries, state, original.text);
      return { ...shown, hint: undefined, candidates: [], search: rs.searchPrompt(entries, state, original.text) };
    }
    const { text, cursor } = this.editor;
    const hint = this.hints ? lineHint(text, this.grammar) : undefined;
    return { text, cursor, hint, candidates: this.candidates, search: undefined };
  }
}
