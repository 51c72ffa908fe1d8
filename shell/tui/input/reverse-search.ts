/** Ctrl-R's reverse incremental search over history entries (oldest first). */
export interface SearchState {
  readonly query: string;
  /** Index of the entry found, or undefined while nothing has matched. */
  readonly match: number | undefined;
  /** The query has no match at or before the one shown (bash's "failed reverse-i-search"). */
  readonly failed: boolean;
}

export const START_SEARCH: SearchState = { query: '', match: undefined, failed: false };

/** The newest index ≤ `from` whose entry contains `query`. */
export function findOlder(entries: readonly string[], query: string, from: number): number | undefined {
  for (let i = Math.min(from, entries.length - 1); i >= 0; i--) if (entries[i]!.includes(query)) return i;
  return undefined;
}

function seek(entries: readonly string[], state: SearchState, query: string, from: number): SearchState {
  if (query === '') return START_SEARCH;
  const found = findOlder(entries, query, from);
  return found === undefined ? { query, match: state.match, failed: true } : { query, match: found, failed: false };
}

/** Typing narrows: the entry shown is kept while it still matches. */
export function narrowSearch(entries: readonly string[], state: SearchState, text: string): SearchState {
  return seek(entries, state, state.query + text, state.match ?? entries.length - 1);
}

/** Backspace in the query. */
export function shortenSearch(entries: readonly string[], state: SearchState): SearchState {
  return seek(entries, state, state.query.slice(0, -1), state.match ?? entries.length - 1);
}

/** Ctrl-R again: the next older match; with an empty query, the previous search's query is reused. */
export function searchOlder(entries: readonly string[], state: SearchState, previousQuery = ''): SearchState {
  if (state.query === '') return previousQuery ? seek(entries, state, previousQuery, entries.length - 1) : state;
  const from = state.match === undefined ? entries.length - 1 : state.match - 1;
  return seek(entries, state, state.query, from);
}

/** The line the search shows and the cursor bash puts on the match. */
export function searchDisplay(
  entries: readonly string[],
  state: SearchState,
  original: string,
): { text: string; cursor: number } {
  if (state.match === undefined) return { text: original, cursor: original.length };
  const text = entries[state.match]!;
  return { text, cursor: Math.max(0, text.indexOf(state.query)) };
}

/** `(reverse-i-search)'mem': stresstest memory`, as bash shows it. */
export function searchPrompt(entries: readonly string[], state: SearchState, original: string): string {
  const shown = state.match === undefined ? original : entries[state.match]!;
  return `(${state.failed ? 'failed ' : ''}reverse-i-search)'${state.query}': ${shown}`;
}
