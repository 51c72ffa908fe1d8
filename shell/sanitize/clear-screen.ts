import { EscapeTokenizer, NONE, SEQUENCE } from '../../uart/index.js';

/**
 * A device's clear-screen, as `clear`, `tput clear` and the SIS kernel send it: ED 2 or 3
 * (`ESC[2J`, `ESC[3J`) or RIS (`ESC c`), with the cursor-home before or after it
 * (`ESC[H ESC[2J ESC[3J`, `ESC[2J ESC[H`); or home then erase-below (`ESC[H ESC[J`). The console
 * does not obey it on the user's terminal; it clears its own view instead.
 */
const OTHER = 0;
const HOME = 1;
/** ED 2 or 3. */
const ERASE_ALL = 2;
const RIS = 3;
/** ED 0 (erase below). */
const ERASE_BELOW = 4;
/** Cursor-home parameters: none, or row and column 1 or left out. */
const HOME_PARAMS = new Set(['[', '[1', '[;', '[1;', '[;1', '[1;1']);
/** Every clear-screen contains one of these: text without any has none, and is not tokenized. */
const ERASE = /\x1b(?:\[[023]?J|c)/;
/** What a cursor-home split across reads may have started as. */
const HOME_STARTS = new Set(['\x1b', ...[...HOME_PARAMS].map((p) => `\x1b${p}`)]);

function roleOf(t: EscapeTokenizer): number {
  if (t.kind === 'csi') {
    if (t.final === 0x48 || t.final === 0x66) return HOME_PARAMS.has(t.seq) ? HOME : OTHER;
    if (t.final === 0x4a) {
      if (t.seq === '[2' || t.seq === '[3') return ERASE_ALL;
      return t.seq === '[' || t.seq === '[0' ? ERASE_BELOW : OTHER;
    }
  }
  return t.kind === 'esc' && t.final === 0x63 && t.seq === '' ? RIS : OTHER;
}

/** The sequences of the text scanned last, in order: role, start, stop. */
let roles: number[] = [];
let starts: number[] = [];
let stops: number[] = [];
const tokenizer = new EscapeTokenizer({ c1: true, newlineEndsString: true, maxSequenceLength: 64 });

/** Tokenizes `text` into roles/starts/stops; returns the sequence left unfinished at its end. */
function scan(text: string): string {
  roles = [];
  starts = [];
  stops = [];
  tokenizer.push(text);
  for (let token = tokenizer.next(); token !== NONE; token = tokenizer.next()) {
    if (token !== SEQUENCE) continue;
    roles.push(roleOf(tokenizer));
    starts.push(tokenizer.start);
    stops.push(tokenizer.stop);
  }
  const pending = tokenizer.pending;
  tokenizer.reset();
  return pending;
}

/** Whether sequence `k` has role `role` and follows sequence k-1 with nothing between. */
function next(k: number, role: number): boolean {
  return k < roles.length && roles[k] === role && starts[k] === stops[k - 1];
}

const erasesAll = (k: number): boolean => next(k, ERASE_ALL) || next(k, RIS);

/**
 * The clear-screens among the scanned sequences: `[start, stop, start, stop, …]`. A clear is a
 * home or none, erase-alls, then a home or none; or a home, an erase-below, then ED 2/3s.
 */
function clears(): number[] {
  const found: number[] = [];
  for (let k = 0; k < roles.length; k++) {
    const role = roles[k];
    let j = k;
    if (role === HOME && erasesAll(k + 1)) j = k + 1;
    if (role === ERASE_ALL || role === RIS || j > k) {
      while (erasesAll(j + 1)) j += 1;
      if (next(j + 1, HOME)) j += 1;
    } else if (role === HOME && next(k + 1, ERASE_BELOW)) {
      j = k + 1;
      while (next(j + 1, ERASE_ALL)) j += 1;
    } else continue;
    found.push(starts[k]!, stops[j]!);
    k = j;
  }
  return found;
}

/** `text` cut at each clear-screen: `[before, between, …, after]`, one more part than clears. */
export function splitAtClears(text: string): string[] {
  if (!text.includes('\x1b') || !ERASE.test(text)) return [text];
  scan(text);
  const at = clears();
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < at.length; i += 2) {
    parts.push(text.slice(from, at[i]));
    from = at[i + 1]!;
  }
  parts.push(text.slice(from));
  return parts;
}

/**
 * After a clear: a cursor-home at the start of the next text belongs to it and goes. `wait` when
 * the text could still become one (a read ended inside it).
 */
export function dropHomeAfterClear(text: string): { text: string; wait: boolean } {
  if (text.charCodeAt(0) !== 0x1b) return { text, wait: text === '' };
  const pending = scan(text);
  if (roles[0] === HOME && starts[0] === 0) return { text: text.slice(stops[0]), wait: false };
  return { text, wait: roles.length === 0 && pending === text && HOME_STARTS.has(text) };
}

export interface ClearSplitter {
  /** The text (the unfinished line as received, then what came) cut at each clear-screen. */
  split(text: string): string[];
}

/** splitAtClears over a stream: a cursor-home right after a clear, even in the next read, goes with it. */
export function createClearSplitter(): ClearSplitter {
  let homeMayFollow = false;
  return {
    split(input) {
      let text = input;
      if (homeMayFollow) {
        const after = dropHomeAfterClear(text);
        homeMayFollow = after.wait;
        text = after.text;
      }
      const parts = splitAtClears(text);
      if (parts.length > 1) {
        const after = dropHomeAfterClear(parts[parts.length - 1]!);
        homeMayFollow = after.wait;
        parts[parts.length - 1] = after.text;
      }
      return parts;
    },
  };
}
