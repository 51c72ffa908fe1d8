import { useStdin } from 'ink';
import { useLayoutEffect, useRef } from 'react';

const CTRL_T = '\x14';
const encoder = new TextEncoder();

export interface UseRawKeysOptions {
  isActive: boolean;
  /** Bytes to send to the target exactly as typed (UTF-8). */
  onBytes: (bytes: Uint8Array) => void;
  /** Ctrl-T; `next` is the key that came in the same read, if any (it belongs to the menu). */
  onEscape: (next: string | undefined) => void;
}

/**
 * Raw mode, as picocom: every key read from the terminal goes to the target unchanged (Tab, Esc,
 * arrows, Ctrl-C, Ctrl-D, Ctrl-Z), except the console escape Ctrl-T. Reads Ink's raw input
 * stream, so nothing is lost to key parsing.
 */
export function useRawKeys(options: UseRawKeysOptions): void {
  const latest = useRef(options);
  latest.current = options;
  const { internal_eventEmitter: emitter, setRawMode, isRawModeSupported } = useStdin();
  useLayoutEffect(() => {
    if (!options.isActive || isRawModeSupported !== true) return;
    // Ink counts raw-mode users: keep the terminal raw while no line editor reads keys.
    setRawMode(true);
    return () => setRawMode(false);
  }, [options.isActive, isRawModeSupported, setRawMode]);
  useLayoutEffect(() => {
    if (!options.isActive || !emitter) return;
    const onInput = (raw: string): void => {
      if (!latest.current.isActive) return;
      const escape = raw.indexOf(CTRL_T);
      const typed = escape < 0 ? raw : raw.slice(0, escape);
      if (typed !== '') latest.current.onBytes(encoder.encode(typed));
      if (escape >= 0) {
        const next = raw.slice(escape + 1);
        latest.current.onEscape(next === '' ? undefined : next);
      }
    };
    emitter.on('input', onInput);
    return () => {
      emitter.off('input', onInput);
    };
  }, [emitter, options.isActive]);
}
