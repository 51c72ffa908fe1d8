import { describe, expect, test } from '@jest/globals';
import {
  choiceField,
  createForm,
  formError,
  formKeys,
  formStep,
  formValues,
  textField,
  type FormKey,
  type FormState,
} from '../../../shell/tui/form-state.js';

const form = (): FormState =>
  createForm('Test', [textField('name', 'name', 'ab'), choiceField('parity', 'parity', ['none', 'even', 'odd', 'mark', 'space'], 'none')]);

const press = (state: FormState, ...keys: FormKey[]): FormState => keys.reduce(formStep, state);

describe('the one-line form', () => {
  test('text fields take typed text, backspace and Ctrl-U; the focus moves with next/previous and wraps', () => {
    let state = press(form(), { type: 'text', text: 'c' }, { type: 'backspace' }, { type: 'backspace' }, { type: 'text', text: 'xyz' });
    expect(formValues(state)).toEqual({ name: 'axyz', parity: 'none' });
    state = press(state, { type: 'clear' });
    expect(formValues(state).name).toBe('');
    expect(press(state, { type: 'next' }).focus).toBe(1);
    expect(press(state, { type: 'next' }, { type: 'next' }).focus).toBe(0);
    expect(press(state, { type: 'previous' }).focus).toBe(1);
  });

  test('choice fields cycle with left/right and jump to the next option starting with a typed letter', () => {
    const state = press(form(), { type: 'next' });
    expect(formValues(press(state, { type: 'right' })).parity).toBe('even');
    expect(formValues(press(state, { type: 'left' })).parity).toBe('space');
    expect(formValues(press(state, { type: 'text', text: 'o' })).parity).toBe('odd');
    expect(formValues(press(state, { type: 'text', text: 'M' })).parity).toBe('mark');
    // Typing the current option's letter again goes to the next one that starts with it.
    expect(formValues(press(state, { type: 'text', text: 'n' })).parity).toBe('none');
    expect(formValues(press(state, { type: 'text', text: 'q' })).parity).toBe('none');
    // Backspace and Ctrl-U do nothing to a choice.
    expect(press(state, { type: 'backspace' }, { type: 'clear' })).toBe(state);
  });

  test('an error shows until the next edit; submit, cancel and none leave the form as it is', () => {
    const failed = formError(form(), 'bad value');
    expect(failed.error).toBe('bad value');
    expect(press(failed, { type: 'submit' }, { type: 'cancel' }, { type: 'none' })).toBe(failed);
    expect(press(failed, { type: 'text', text: 'c' }).error).toBeNull();
  });

  test('a choice field made with a value that is not an option starts at the first option', () => {
    expect(choiceField('x', 'x', ['a', 'b'], 'z').index).toBe(0);
  });
});

describe('keys to form keys', () => {
  test.each([
    [{ return: true }, '', [{ type: 'submit' }]],
    [{ escape: true }, '', [{ type: 'cancel' }]],
    [{ tab: true }, '\t', [{ type: 'next' }]],
    [{ tab: true, shift: true }, '', [{ type: 'previous' }]],
    [{ downArrow: true }, '', [{ type: 'next' }]],
    [{ upArrow: true }, '', [{ type: 'previous' }]],
    [{ leftArrow: true }, '', [{ type: 'left' }]],
    [{ rightArrow: true }, '', [{ type: 'right' }]],
    [{ backspace: true }, '', [{ type: 'backspace' }]],
    [{ delete: true }, '', [{ type: 'backspace' }]],
    [{ ctrl: true }, 'u', [{ type: 'clear' }]],
    [{ ctrl: true }, 'x', [{ type: 'none' }]],
    [{ meta: true }, 'b', [{ type: 'none' }]],
    [{}, '96', [{ type: 'text', text: '96' }]],
  ])('%j %j', (key, input, keys) => {
    expect(formKeys(input, key)).toEqual(keys);
  });

  test('keys that arrived in one read are split: Ctrl-U, text, Tab, text, DEL, Enter', () => {
    expect(formKeys('\x159600\t7E\x7f\r', {})).toEqual([
      { type: 'clear' },
      { type: 'text', text: '9600' },
      { type: 'next' },
      { type: 'text', text: '7E' },
      { type: 'backspace' },
      { type: 'submit' },
    ]);
    expect(formKeys('a\x01b\x1b', {})).toEqual([{ type: 'text', text: 'a' }, { type: 'none' }, { type: 'text', text: 'b' }, { type: 'cancel' }]);
  });
});
