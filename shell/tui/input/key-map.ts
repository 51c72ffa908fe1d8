import type { Key } from 'ink';
import type { EditCommand } from './line-editor.js';

/** What one key (or one burst of typed/pasted text) asks the console input to do. */
export type InputAction = { readonly type: 'text'; readonly text: string } | { readonly type: KeyActionType };

/** Every action but text. */
export type KeyActionType =
  | EditCommand
  | 'history-previous'
  | 'history-next'
  | 'submit'
  | 'complete'
  | 'search'
  | 'cancel'
  | 'interrupt'
  | 'eof-or-delete'
  | 'console-escape'
  | 'none';

/** The raw sequence of the real Delete key (`CSI 3 ~`, with modifiers or rxvt's `$`/`^` forms). */
export const FORWARD_DELETE = /^\x1b+\[3(;\d+)?[~$^]$/;

const CTRL_KEYS: Readonly<Record<string, KeyActionType>> = {
  a: 'home',
  e: 'end',
  b: 'left',
  f: 'right',
  u: 'kill-to-start',
  k: 'kill-to-end',
  w: 'kill-word-back',
  y: 'yank',
  p: 'history-previous',
  n: 'history-next',
  r: 'search',
  g: 'cancel',
  c: 'interrupt',
  d: 'eof-or-delete',
  t: 'console-escape',
};

const META_KEYS: Readonly<Record<string, KeyActionType>> = {
  b: 'word-left',
  f: 'word-right',
  d: 'kill-word-forward',
};

const act = (type: KeyActionType): InputAction => ({ type });

/**
 * Maps one Ink `useInput(input, key)` event to an action. `raw` is the sequence Ink parsed, when
 * known: Ink reports both DEL (0x7f, tmux's BSpace) and the Delete key (`ESC [3~`) as
 * `key.delete`, so without `raw` every `key.delete` is a backspace.
 */
export function keyToAction(input: string, key: Partial<Key>, raw?: string): InputAction {
  if (key.return) return act('submit');
  if (key.escape) return act('cancel');
  if (key.tab) return act(key.shift ? 'none' : 'complete');
  if (key.delete) {
    if (raw !== undefined && FORWARD_DELETE.test(raw)) return act('delete');
    return act(key.meta ? 'kill-alnum-word-back' : 'backspace');
  }
  if (key.backspace) return act(key.meta ? 'kill-alnum-word-back' : 'backspace');
  const word = key.ctrl || key.meta;
  if (key.leftArrow) return act(word ? 'word-left' : 'left');
  if (key.rightArrow) return act(word ? 'word-right' : 'right');
  if (key.upArrow) return act('history-previous');
  if (key.downArrow) return act('history-next');
  if (key.home) return act('home');
  if (key.end) return act('end');
  if (key.pageUp || key.pageDown) return act('none');
  if (key.ctrl) return act(CTRL_KEYS[input] ?? 'none');
  if (key.meta) return act(META_KEYS[input] ?? 'none');
  return input === '' ? act('none') : { type: 'text', text: input };
}

/**
 * Ink hands several keys read at once to useInput as one string (only escape sequences are split
 * off), so a burst is cut at its control characters, each acting as the key it is, as readline
 * does byte by byte: Tab completes, Ctrl-R searches, BS/DEL erase. CR and LF stay in the text,
 * where they end lines.
 */
export function splitBurst(text: string): InputAction[] {
  const actions: InputAction[] = [];
  const control = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]/g;
  let at = 0;
  for (let match = control.exec(text); match !== null; match = control.exec(text)) {
    const i = match.index;
    if (i > at) actions.push({ type: 'text', text: text.slice(at, i) });
    at = i + 1;
    const code = text.charCodeAt(i);
    if (code === 0x09) actions.push(act('complete'));
    else if (code === 0x08 || code === 0x7f) actions.push(act('backspace'));
    else {
      const bound = code >= 1 && code <= 26 ? CTRL_KEYS[String.fromCharCode(code + 96)] : undefined;
      if (bound) actions.push(act(bound));
    }
  }
  if (at < text.length) actions.push({ type: 'text', text: at === 0 ? text : text.slice(at) });
  return actions;
}
