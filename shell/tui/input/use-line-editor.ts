import { useInput, useStdin, type Key } from 'ink';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useHostClock } from '../clock-context.js';
import { ConsoleInput, type InputView } from './console-input.js';
import type { InputGrammar } from './grammar.js';
import type { LineHistory } from './history.js';
import { keyToAction, type InputAction } from './key-map.js';

export interface UseLineEditorOptions {
  /** One call per finished line, in order (a paste may finish several). */
  onSubmit: (line: string) => void;
  /** Ctrl-C. The line is left as it is: call `clear()` to empty it. */
  onInterrupt?: () => void;
  /** Ctrl-D on an empty line. */
  onEof?: () => void;
  /** Ctrl-T, the console escape key; `next` is the key that came in the same read, if any (the menu's). */
  onEscape?: (next?: string) => void;
  /** Read once, at mount. Default: in-memory history. */
  history?: LineHistory;
  /** Read once, at mount. Default: COMMAND_GRAMMAR plus CONSOLE_OPTIONS. */
  grammar?: InputGrammar;
  /** Default true. */
  hints?: boolean;
  /** Default true; false stops reading keys (e.g. while a menu has the keyboard). */
  isActive?: boolean;
}

export interface LineEditorHandle {
  readonly view: InputView;
  /** Empties the line and ends a search. */
  clear(): void;
  /** Replaces the line; the cursor goes to `cursor` (default: the end). */
  setText(text: string, cursor?: number): void;
  /** Applies an action as if its key had been pressed. */
  dispatch(action: InputAction): void;
}

/**
 * Shortest time between two redraws of the line while keys keep coming: one frame for a line that
 * is typed, longer for a line past LONG_LINE characters (a paste), whose every redraw lays out the
 * whole console again.
 */
const VIEW_INTERVAL_MS = 16;
const LONG_VIEW_INTERVAL_MS = 150;
const LONG_LINE = 4096;

/**
 * Connects Ink's keyboard to a ConsoleInput. Render with `exitOnCtrlC: false` so Ctrl-C reaches
 * `onInterrupt`. The raw sequence of each key is read from Ink's input emitter (registered in a
 * layout effect, so before useInput's listener) to tell the Delete key from BSpace.
 */
export function useLineEditor(options: UseLineEditorOptions): LineEditorHandle {
  const [controller] = useState(
    () => new ConsoleInput({ history: options.history, grammar: options.grammar, hints: options.hints }),
  );
  const [view, setView] = useState(controller.view);
  const latest = useRef(options);
  latest.current = options;
  const lastRaw = useRef<string | undefined>(undefined);
  const isActive = options.isActive ?? true;
  const { internal_eventEmitter: emitter } = useStdin();

  useLayoutEffect(() => {
    if (!isActive || !emitter) return;
    const sniff = (raw: string): void => {
      lastRaw.current = raw;
    };
    emitter.on('input', sniff);
    return () => {
      emitter.off('input', sniff);
    };
  }, [emitter, isActive]);

  // A paste arrives as hundreds of reads: the line is redrawn at most once an interval meanwhile
  // (and once more after the last), so each read costs its own length, not the line's.
  const clock = useHostClock();
  const lastShown = useRef(0);
  const viewTimer = useRef<unknown>(undefined);
  const showView = useCallback((): void => {
    viewTimer.current = undefined;
    lastShown.current = clock.now();
    setView(controller.view);
  }, [controller, clock]);
  const scheduleView = useCallback((): void => {
    if (viewTimer.current !== undefined) return;
    const interval = controller.length > LONG_LINE ? LONG_VIEW_INTERVAL_MS : VIEW_INTERVAL_MS;
    const wait = lastShown.current + interval - clock.now();
    if (wait <= 0) showView();
    else viewTimer.current = clock.setTimer(showView, wait);
  }, [controller, showView, clock]);
  useLayoutEffect(() => () => {
    if (viewTimer.current !== undefined) clock.clearTimer(viewTimer.current);
  }, [clock]);

  const dispatch = useCallback(
    (action: InputAction): void => {
      const events = controller.dispatch(action);
      scheduleView();
      const callbacks = latest.current;
      for (const event of events) {
        if (event.type === 'submit') callbacks.onSubmit(event.line);
        else if (event.type === 'interrupt') callbacks.onInterrupt?.();
        else if (event.type === 'eof') callbacks.onEof?.();
        else callbacks.onEscape?.(event.next);
      }
    },
    [controller, scheduleView],
  );

  // Ink moves its key listeners in effects, after the frame: a key read in between goes to
  // whichever hook is active as rendered, never to this one once it has been switched off.
  const onKey = useCallback(
    (input: string, key: Key): void => {
      if (latest.current.isActive !== false) dispatch(keyToAction(input, key, lastRaw.current));
    },
    [dispatch],
  );
  useInput(onKey, { isActive });

  const commands = useMemo(
    () => ({
      clear: () => {
        controller.clear();
        setView(controller.view);
      },
      setText: (text: string, cursor?: number) => {
        controller.setText(text, cursor);
        setView(controller.view);
      },
      dispatch,
    }),
    [controller, dispatch],
  );
  return { view, ...commands };
}
