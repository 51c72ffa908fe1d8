import type { Key } from 'ink';

/** A field typed as text (a baud rate, a file name). */
export interface TextField {
  readonly kind: 'text';
  readonly name: string;
  readonly label: string;
  readonly value: string;
}

/** A field whose value is one of `options`, changed with ← → or the first letter of an option. */
export interface ChoiceField {
  readonly kind: 'choice';
  readonly name: string;
  readonly label: string;
  readonly options: readonly string[];
  readonly index: number;
}

export type FormField = TextField | ChoiceField;

/** A one-line form: the focused field takes the keys; `error` is the last refusal, shown under it. */
export interface FormState {
  readonly title: string;
  readonly fields: readonly FormField[];
  readonly focus: number;
  readonly error: string | null;
}

export type FormKey =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'next' | 'previous' | 'left' | 'right' | 'backspace' | 'clear' | 'submit' | 'cancel' | 'none' };

export function createForm(title: string, fields: readonly FormField[]): FormState {
  return { title, fields, focus: 0, error: null };
}

export function textField(name: string, label: string, value: string): TextField {
  return { kind: 'text', name, label, value };
}

/** A choice field starting at `value` (the first option when `value` is not one of them). */
export function choiceField(name: string, label: string, options: readonly string[], value: string): ChoiceField {
  return { kind: 'choice', name, label, options, index: Math.max(0, options.indexOf(value)) };
}

export function fieldValue(field: FormField): string {
  return field.kind === 'text' ? field.value : field.options[field.index]!;
}

/** Every field's value by name. */
export function formValues(form: FormState): Readonly<Record<string, string>> {
  return Object.fromEntries(form.fields.map((field) => [field.name, fieldValue(field)]));
}

const CONTROL_KEYS: Readonly<Record<string, FormKey>> = {
  '\r': { type: 'submit' },
  '\n': { type: 'submit' },
  '\t': { type: 'next' },
  '\x7f': { type: 'backspace' },
  '\b': { type: 'backspace' },
  '\x15': { type: 'clear' },
  '\x1b': { type: 'cancel' },
};

/**
 * Ink's key event as form keys: Tab/↓ next field, Shift-Tab/↑ previous, Ctrl-U clears a text
 * field. Keys that arrive in one read come as one string (`\x159600\t`): it is split here.
 */
export function formKeys(input: string, key: Partial<Key>): FormKey[] {
  if (key.return) return [{ type: 'submit' }];
  if (key.escape) return [{ type: 'cancel' }];
  if (key.tab) return [{ type: key.shift ? 'previous' : 'next' }];
  if (key.downArrow) return [{ type: 'next' }];
  if (key.upArrow) return [{ type: 'previous' }];
  if (key.leftArrow) return [{ type: 'left' }];
  if (key.rightArrow) return [{ type: 'right' }];
  // tmux's BSpace (0x7f) arrives as key.delete.
  if (key.backspace || key.delete) return [{ type: 'backspace' }];
  if (key.ctrl) return [input === 'u' ? { type: 'clear' } : { type: 'none' }];
  if (key.meta) return [{ type: 'none' }];
  const keys: FormKey[] = [];
  let text = '';
  for (const ch of input) {
    const control = CONTROL_KEYS[ch] ?? (ch < ' ' ? { type: 'none' as const } : undefined);
    if (control === undefined) {
      text += ch;
      continue;
    }
    if (text !== '') keys.push({ type: 'text', text });
    text = '';
    keys.push(control);
  }
  if (text !== '') keys.push({ type: 'text', text });
  return keys;
}

const cycle = (field: ChoiceField, step: number): ChoiceField => ({
  ...field,
  index: (field.index + step + field.options.length) % field.options.length,
});

function editField(field: FormField, key: FormKey): FormField {
  if (field.kind === 'choice') {
    if (key.type === 'left') return cycle(field, -1);
    if (key.type === 'right') return cycle(field, 1);
    if (key.type === 'text') {
      // Typing picks the next option (after the current one) that starts with what was typed.
      const typed = key.text.toLowerCase();
      for (let step = 1; step <= field.options.length; step += 1) {
        const next = cycle(field, step);
        if (next.options[next.index]!.toLowerCase().startsWith(typed)) return next;
      }
    }
    return field;
  }
  if (key.type === 'text') return { ...field, value: field.value + key.text };
  if (key.type === 'backspace') return { ...field, value: [...field.value].slice(0, -1).join('') };
  if (key.type === 'clear') return { ...field, value: '' };
  return field;
}

/** The form after an editing key; `submit` and `cancel` are the caller's and leave it as it is. */
export function formStep(form: FormState, key: FormKey): FormState {
  const count = form.fields.length;
  switch (key.type) {
    case 'submit':
    case 'cancel':
    case 'none':
      return form;
    case 'next':
      return { ...form, focus: (form.focus + 1) % count };
    case 'previous':
      return { ...form, focus: (form.focus - 1 + count) % count };
    default: {
      const field = form.fields[form.focus]!;
      const edited = editField(field, key);
      if (edited === field) return form;
      return { ...form, error: null, fields: form.fields.map((f, i) => (i === form.focus ? edited : f)) };
    }
  }
}

/** Shows a refusal under the form, which stays open. */
export function formError(form: FormState, error: string): FormState {
  return { ...form, error };
}
