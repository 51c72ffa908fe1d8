import { describe, expect, test } from '@jest/globals';
import { formStep, formValues, type FormKey, type FormState } from '../../../shell/tui/form-state.js';
import { lineSettingsForm, settingsFromForm } from '../../../shell/tui/line-settings-form.js';
import { defaultLogName, logForm, logSpecFromForm } from '../../../shell/tui/log-form.js';

const press = (state: FormState, ...keys: FormKey[]): FormState => keys.reduce(formStep, state);
const text = (value: string): FormKey => ({ type: 'text', text: value });
const next: FormKey = { type: 'next' };
const clear: FormKey = { type: 'clear' };

describe('the line-settings form (Ctrl-T o)', () => {
  test('starts from the settings in effect, or 115200 8N1 with no flow control when the port has none', () => {
    expect(formValues(lineSettingsForm(undefined))).toEqual({ baud: '115200', data: '8', parity: 'none', stop: '1', flow: 'none' });
    expect(formValues(lineSettingsForm({ baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 2, flow: 'rtscts' }))).toEqual({
      baud: '9600', data: '7', parity: 'even', stop: '2', flow: 'rtscts',
    });
    expect(formValues(lineSettingsForm({ baudRate: 57600 }))).toEqual({ baud: '57600', data: '8', parity: 'none', stop: '1', flow: 'none' });
  });

  test('only what differs from the settings in effect is asked of the port', () => {
    const current = { baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, flow: 'none' } as const;
    const edited = press(lineSettingsForm(current), clear, text('9600'), next, text('7'), next, text('e'), next, next, text('x'));
    expect(settingsFromForm(edited, current)).toEqual({ ok: true, changes: { baudRate: 9600, dataBits: 7, parity: 'even', flow: 'xonxoff' } });
    const stop = press(lineSettingsForm(current), next, next, next, { type: 'left' });
    expect(settingsFromForm(stop, current)).toEqual({ ok: true, changes: { stopBits: 2 } });
    expect(settingsFromForm(lineSettingsForm(current), current)).toEqual({ ok: true, changes: {} });
    // A port with no settings of its own (the unpaced model): compared with the defaults.
    expect(settingsFromForm(press(lineSettingsForm(undefined), clear, text('300')), undefined)).toEqual({ ok: true, changes: { baudRate: 300 } });
  });

  test.each([
    ['', "invalid baud rate '' (expected an integer 1..16000000)"],
    ['fast', "invalid baud rate 'fast' (expected an integer 1..16000000)"],
    ['96.5', "invalid baud rate '96.5' (expected an integer 1..16000000)"],
    ['-9600', "invalid baud rate '-9600' (expected an integer 1..16000000)"],
    ['0', 'invalid baud rate 0 (expected an integer 1..16000000)'],
    ['16000001', 'invalid baud rate 16000001 (expected an integer 1..16000000)'],
  ])('baud %j is refused: %s', (baud, message) => {
    expect(settingsFromForm(press(lineSettingsForm(undefined), clear, text(baud)), undefined)).toEqual({ ok: false, message });
  });

  test('spaces around the baud rate are ignored', () => {
    expect(settingsFromForm(press(lineSettingsForm(undefined), clear, text(' 19200 ')), undefined)).toEqual({ ok: true, changes: { baudRate: 19200 } });
  });
});

describe('the log form (Ctrl-T l)', () => {
  const at = new Date(2026, 11, 7, 11, 30, 0);

  test('the default file name is the local time, in the current directory', () => {
    expect(defaultLogName(at)).toBe('sis-20261207-113000.log');
    expect(defaultLogName(new Date(2027, 0, 2, 3, 4, 5))).toBe('sis-20270102-030405.log');
  });

  test("starts from the command line's --log-* options and reads back a --log spec", () => {
    expect(formValues(logForm({ strip: false, append: false }, at))).toEqual({
      file: 'sis-20261207-113000.log', timestamps: 'none', strip: 'no', append: 'no',
    });
    const fromFlags = logForm({ timestamps: 'delta', strip: true, append: true }, at);
    expect(logSpecFromForm(fromFlags)).toEqual({
      ok: true, spec: { path: 'sis-20261207-113000.log', timestamps: 'delta', strip: true, append: true },
    });
    const edited = press(logForm({ strip: false, append: false }, at), clear, text('board.log'), next, { type: 'right' }, next, text('y'));
    expect(logSpecFromForm(edited)).toEqual({ ok: true, spec: { path: 'board.log', timestamps: 'iso', strip: true, append: false } });
  });

  test('an empty file name is refused', () => {
    expect(logSpecFromForm(press(logForm({ strip: false, append: false }, at), clear, text('  ')))).toEqual({ ok: false, message: 'no file name given' });
  });
});
