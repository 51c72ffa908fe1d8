import type { LogSpec, TimestampMode } from '../connect/index.js';
import { choiceField, createForm, formValues, textField, type FormState } from './form-state.js';

/** The `--log-timestamps`, `--log-strip` and `--log-append` given on the command line. */
export interface LogDefaults {
  readonly timestamps?: TimestampMode;
  readonly strip: boolean;
  readonly append: boolean;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** `sis-20261207-113000.log`: local time, in the current directory. */
export function defaultLogName(now: Date): string {
  const date = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}`;
  const time = `${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
  return `sis-${date}-${time}.log`;
}

/** Ctrl-T l: the file name (a timestamped default) and the options `--log` takes. */
export function logForm(defaults: LogDefaults, now: Date): FormState {
  return createForm('Log to', [
    textField('file', 'file', defaultLogName(now)),
    choiceField('timestamps', 'timestamps', ['none', 'iso', 'relative', 'delta'], defaults.timestamps ?? 'none'),
    choiceField('strip', 'strip ANSI', ['no', 'yes'], defaults.strip ? 'yes' : 'no'),
    choiceField('append', 'append', ['no', 'yes'], defaults.append ? 'yes' : 'no'),
  ]);
}

export type FormLogSpec = { readonly ok: true; readonly spec: LogSpec } | { readonly ok: false; readonly message: string };

export function logSpecFromForm(form: FormState): FormLogSpec {
  const values = formValues(form);
  const path = values.file!.trim();
  if (path === '') return { ok: false, message: 'no file name given' };
  const timestamps = values.timestamps as TimestampMode | 'none';
  return {
    ok: true,
    spec: {
      path,
      append: values.append === 'yes',
      strip: values.strip === 'yes',
      ...(timestamps !== 'none' && { timestamps }),
    },
  };
}
