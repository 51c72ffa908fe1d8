import { useInput } from 'ink';
import { useEffect, useRef, useState, useSyncExternalStore, type ReactElement } from 'react';
import type { LineAction } from '../connect/line-control.js';
import { useHostClock } from './clock-context.js';
import type { MenuAction } from './console-menu.js';
import { FormLine } from './form-line.js';
import { formError, formKeys, formStep, type FormState } from './form-state.js';
import { lineSettingsForm, settingsFromForm } from './line-settings-form.js';
import type { LineState, LineView } from './line-state.js';
import { logForm, logSpecFromForm } from './log-form.js';
import type { RuntimeLog, RuntimeLogView } from './runtime-log.js';

/** The console's line: its state and actions, and the log started and stopped at run time. */
export interface LineConsole {
  readonly state: LineState;
  readonly log: RuntimeLog;
}

export interface LineMenu {
  /** Runs a Ctrl-T line action (b d r o l); false: the action is not one of them. */
  run(action: MenuAction): boolean;
  /** A form is open and takes the keys. */
  readonly open: boolean;
  /** The open form, drawn in place of the status line. */
  readonly overlay: ReactElement | null;
  /** For the status line. */
  readonly status: { line: LineView | null; logFile: string | null; logError: string | null };
}

type OpenForm = { kind: 'settings' | 'log'; form: FormState };

const NO_LINE = { get: (): null => null, subscribe: () => () => {} };
const NO_LOG_VIEW: RuntimeLogView = { path: null, error: null };
const NO_LOG: { get(): RuntimeLogView; subscribe(l: () => void): () => void } = {
  get: () => NO_LOG_VIEW,
  subscribe: () => () => {},
};

/**
 * Ctrl-T b/d/r/o/l: BREAK, DTR and RTS toggles, the line-settings form and the log form. Each
 * outcome is one line through `note`; a console without `line` says so.
 */
export function useLineMenu(line: LineConsole | undefined, note: (text: string) => void): LineMenu {
  const clock = useHostClock();
  const [open, setOpenState] = useState<OpenForm | null>(null);
  // Keys that arrive before the next render must see the form as the previous key left it.
  const openRef = useRef<OpenForm | null>(null);
  const setOpen = (next: OpenForm | null): void => {
    openRef.current = next;
    setOpenState(next);
  };
  const lineStore = line?.state ?? NO_LINE;
  const logStore = line?.log ?? NO_LOG;
  const view = useSyncExternalStore(lineStore.subscribe, lineStore.get);
  const logView = useSyncExternalStore(logStore.subscribe, logStore.get);
  // A log's first write failure, `--log`'s included, is one line in the scrollback at once.
  useEffect(() => line?.log.onError((error) => note(error.message)), [line]);
  const report = (action: Promise<LineAction>): void => void action.then((done) => note(done.message));

  const submit = (current: OpenForm): void => {
    if (line === undefined) return setOpen(null);
    if (current.kind === 'settings') {
      const read = settingsFromForm(current.form, line.state.settings);
      if (!read.ok) return setOpen({ ...current, form: formError(current.form, read.message) });
      setOpen(null);
      if (Object.keys(read.changes).length === 0) return note('line settings unchanged');
      return report(line.state.changeSettings(read.changes));
    }
    const read = logSpecFromForm(current.form);
    const started = read.ok ? line.log.start(read.spec) : read;
    if (!started.ok) return setOpen({ ...current, form: formError(current.form, started.message) });
    setOpen(null);
    note(started.message);
  };

  useInput(
    (input, key) => {
      const current = openRef.current;
      if (current === null) return;
      let form = current.form;
      for (const pressed of formKeys(input, key)) {
        if (pressed.type === 'cancel') return setOpen(null);
        if (pressed.type === 'submit') return submit({ ...current, form });
        form = formStep(form, pressed);
      }
      setOpen({ ...current, form });
    },
    { isActive: open !== null },
  );

  const run = (action: MenuAction): boolean => {
    const actions: Partial<Record<MenuAction, () => void>> = {
      break: () => report(line!.state.sendBreak()),
      dtr: () => report(line!.state.toggleDtr()),
      rts: () => report(line!.state.toggleRts()),
      'line-settings': () => setOpen({ kind: 'settings', form: lineSettingsForm(line!.state.settings) }),
      log: () => {
        if (line!.log.active) void line!.log.stop().then((message) => message !== undefined && note(message));
        else setOpen({ kind: 'log', form: logForm(line!.log.defaults, new Date(clock.wallMs())) });
      },
    };
    const handler = actions[action];
    if (handler === undefined) return false;
    if (line === undefined) note('line control and logging are not available in this console');
    else handler();
    return true;
  };

  return {
    run,
    open: open !== null,
    overlay: open === null ? null : <FormLine form={open.form} />,
    status: { line: view, logFile: logView.path, logError: logView.error },
  };
}
