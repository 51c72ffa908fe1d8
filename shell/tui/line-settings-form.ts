import {
  checkLineSettings,
  DEFAULT_BAUD_RATE,
  type DataBits,
  type FlowControl,
  type LineSettings,
  type Parity,
  type StopBits,
} from '../../uart/index.js';
import { choiceField, createForm, formValues, textField, type FormState } from './form-state.js';

/** Every setting filled in: what the port has, else the defaults (115200 8N1, no flow control). */
export function fullSettings(current: LineSettings | undefined): Required<LineSettings> {
  return {
    baudRate: current?.baudRate ?? DEFAULT_BAUD_RATE,
    dataBits: current?.dataBits ?? 8,
    parity: current?.parity ?? 'none',
    stopBits: current?.stopBits ?? 1,
    flow: current?.flow ?? 'none',
  };
}

/** Ctrl-T o: the form, filled in with the settings in effect. */
export function lineSettingsForm(current: LineSettings | undefined): FormState {
  const now = fullSettings(current);
  return createForm('Line', [
    textField('baud', 'baud', String(now.baudRate)),
    choiceField('data', 'data bits', ['5', '6', '7', '8'], String(now.dataBits)),
    choiceField('parity', 'parity', ['none', 'even', 'odd', 'mark', 'space'], now.parity),
    choiceField('stop', 'stop bits', ['1', '1.5', '2'], String(now.stopBits)),
    choiceField('flow', 'flow', ['none', 'rtscts', 'xonxoff'], now.flow),
  ]);
}

export type FormSettings =
  | { readonly ok: true; readonly changes: LineSettings }
  | { readonly ok: false; readonly message: string };

/**
 * The form's settings, validated, as the changes from `current`: only what differs is asked of the
 * port (a serial device refuses framing changes, an RFC 2217 server answers each request).
 */
export function settingsFromForm(form: FormState, current: LineSettings | undefined): FormSettings {
  const values = formValues(form);
  const baudText = values.baud!.trim();
  if (!/^\d+$/.test(baudText)) {
    return { ok: false, message: `invalid baud rate '${baudText}' (expected an integer 1..16000000)` };
  }
  const wanted: Required<LineSettings> = {
    baudRate: Number(baudText),
    dataBits: Number(values.data) as DataBits,
    parity: values.parity as Parity,
    stopBits: Number(values.stop) as StopBits,
    flow: values.flow as FlowControl,
  };
  const invalid = checkLineSettings(wanted);
  if (invalid !== undefined) return { ok: false, message: invalid };
  const now = fullSettings(current);
  const changes = Object.fromEntries(
    (Object.keys(wanted) as Array<keyof LineSettings>)
      .filter((key) => wanted[key] !== now[key])
      .map((key) => [key, wanted[key]]),
  ) as LineSettings;
  return { ok: true, changes };
}
