export type PromptEdit = { kind: 'edit'; text: string } | { kind: 'submit'; text: string } | { kind: 'cancel' };

interface KeyLike {
  escape: boolean;
  return: boolean;
  backspace: boolean;
  delete: boolean;
  ctrl: boolean;
}

/**
 * One key on a one-line prompt (a path, hex bytes): typed and pasted text is added, Backspace
 * removes the last character, Ctrl-U clears, Enter (or a pasted line end) submits, Esc and Ctrl-C cancel.
 */
export function editPromptText(text: string, input: string, key: KeyLike): PromptEdit {
  if (key.escape || (key.ctrl && input === 'c')) return { kind: 'cancel' };
  if (key.return) return { kind: 'submit', text };
  if (key.backspace || key.delete) return { kind: 'edit', text: text.slice(0, -1) };
  if (key.ctrl) return input === 'u' ? { kind: 'edit', text: '' } : { kind: 'edit', text };
  const end = input.search(/[\r\n]/);
  // eslint-disable-next-line no-control-regex
  const typed = (end < 0 ? input : input.slice(0, end)).replace(/[\x00-\x1f\x7f]/g, '');
  return end < 0 ? { kind: 'edit', text: text + typed } : { kind: 'submit', text: text + typed };
}
