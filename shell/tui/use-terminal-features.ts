import { useInput } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { formatMapping, MAP_FLAG_ROWS, readSendFile, toggleMapFlag, wholePercent, type SendProtocol } from '../connect/index.js';
import type { EngineDriver } from '../engine/index.js';
import { useHostClock } from './clock-context.js';
import type { MenuAction } from './console-menu.js';
import { formatHex, parseHexBytes } from './hex-bytes.js';
import { findMacro, type Macro } from './macros.js';
import { expandPath, sendFileFromConsole, type TerminalPort } from './send-file-task.js';
import { editPromptText } from './prompt-edit.js';

export interface TerminalOptions {
  /** The console port: mapping, hex and file sends need it; without one they say so. */
  readonly port?: TerminalPort;
  /** Local echo at start (`--echo`). */
  readonly echo?: boolean;
  /** `--macros FILE`. */
  readonly macros?: readonly Macro[];
  /** What Enter picks in Ctrl-T s (`--send-protocol`); default raw. */
  readonly sendProtocol?: SendProtocol;
}

export type Asking =
  | { readonly kind: 'hex'; readonly text: string }
  | { readonly kind: 'path'; readonly text: string }
  | { readonly kind: 'protocol'; readonly path: string; readonly bytes: Uint8Array }
  | { readonly kind: 'map'; readonly was: string }
  | { readonly kind: 'sending'; readonly path: string; readonly protocol: SendProtocol; readonly sent: number; readonly total: number };

export const PROTOCOL_KEYS: ReadonlyArray<readonly [string, SendProtocol]> = [
  ['r', 'raw'], ['x', 'xmodem'], ['k', 'xmodem-1k'], ['y', 'ymodem'],
];

const TERMINAL_ACTIONS: readonly MenuAction[] = ['echo', 'mapping', 'hex-send', 'send-file', 'macro'];
const encoder = new TextEncoder();

/** What local echo shows for keys sent raw: a line end starts a new line, DEL rubs out. */
function echoBytes(bytes: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(bytes).replace(/\r\n?|\n/g, '\r\n').replace(/\x7f/g, '\b');
  return encoder.encode(text);
}

export interface TerminalFeaturesArgs {
  engine: EngineDriver;
  scrollback: { push(chunk: Uint8Array): void };
  note: (text: string) => void;
  options: TerminalOptions;
}

/**
 * Ctrl-T e (local echo), n (CR/LF mapping), y (hex send), s (send a file) and 0-9 (macros): their
 * state, the prompts they open in place of the status line, and the keys those prompts read.
 */
export function useTerminalFeatures({ engine, scrollback, note, options }: TerminalFeaturesArgs) {
  const { port, macros = [] } = options;
  const clock = useHostClock();
  const [echo, setEcho] = useState(options.echo === true);
  const [asking, setAskingState] = useState<Asking | null>(null);
  // Keys that come before Ink has subscribed this render's handler reach the previous one: it reads the ref.
  const askingRef = useRef<Asking | null>(null);
  const setAsking = (next: Asking | null | ((now: Asking | null) => Asking | null)): void => {
    askingRef.current = typeof next === 'function' ? next(askingRef.current) : next;
    setAskingState(askingRef.current);
  };
  const [mapText, setMapText] = useState(port === undefined ? 'none' : formatMapping(port.mapping));
  const echoRef = useRef(echo);
  echoRef.current = echo;
  const abort = useRef<AbortController | null>(null);

  useEffect(() => engine.on((event) => {
    if (event.type === 'command-sent' && echoRef.current) scrollback.push(encoder.encode(`${event.command.line}\r\n`));
  }), [engine, scrollback]);
  useEffect(() => () => abort.current?.abort(), []);

  const needPort = (what: string): boolean => {
    if (port === undefined) note(`${what} needs a console port (not available here)`);
    return port !== undefined;
  };

  const startSend = (path: string, bytes: Uint8Array, protocol: SendProtocol): void => {
    const controller = new AbortController();
    abort.current = controller;
    setAsking({ kind: 'sending', path, protocol, sent: 0, total: bytes.length });
    // A frame per whole percent: lrzsz reports every 128-byte block, and each report drawn would slow the relay of its ACKs.
    const onProgress = (sent: number, total: number): void => {
      const now = askingRef.current;
      if (now?.kind !== 'sending' || wholePercent(sent, total) === wholePercent(now.sent, now.total)) return;
      setAsking({ ...now, sent, total });
    };
    void sendFileFromConsole({ port: port!, path, bytes, protocol, onProgress, signal: controller.signal, clock }).then((result) => {
      abort.current = null;
      setAsking(null);
      const how = protocol === 'raw' ? '' : ` by ${protocol}`;
      note(result.ok ? `sent ${path}${how} (${result.bytes} bytes in ${result.seconds.toFixed(2)} s)` : result.message);
    });
  };

  const submitText = (kind: 'hex' | 'path', text: string): void => {
    if (kind === 'hex') {
      setAsking(null);
      const parsed = parseHexBytes(text);
      if (!parsed.ok) return note(parsed.message);
      port!.writeRaw(parsed.bytes);
      return note(`sent ${parsed.bytes.length} byte${parsed.bytes.length === 1 ? '' : 's'}: ${formatHex(parsed.bytes)}`);
    }
    const path = text.trim();
    if (path === '') {
      setAsking(null);
      return note('send: no file given');
    }
    // The prompt stays while the file is read: the keyboard is not handed back in between.
    void readSendFile(expandPath(path), 'send').then((read) => {
      if (read.ok) return setAsking({ kind: 'protocol', path, bytes: read.bytes });
      setAsking(null);
      note(read.message.replace(expandPath(path), path));
    });
  };

  useInput((input, key) => {
    const asking = askingRef.current;
    if (asking === null) return;
    if (asking.kind === 'sending') {
      if (key.ctrl && input === 'c') abort.current?.abort();
      return;
    }
    if (asking.kind === 'map') {
      const rows = key.ctrl ? [] : [...input.toLowerCase()].map((ch) => MAP_FLAG_ROWS.find((r) => r.key === ch));
      if (rows.length > 0 && rows.every((row) => row !== undefined)) {
        for (const row of rows) port!.setMapping(toggleMapFlag(port!.mapping, row!.flag));
        return setMapText(formatMapping(port!.mapping));
      }
      if (key.escape || key.return || input.toLowerCase() === 'n' || (key.ctrl && input === 'c')) {
        setAsking(null);
        const now = formatMapping(port!.mapping);
        note(now === asking.was ? `map unchanged: ${now}` : `map now ${now} (was ${asking.was})`);
      }
      return;
    }
    if (asking.kind === 'protocol') {
      const chosen = key.return ? options.sendProtocol ?? 'raw' : PROTOCOL_KEYS.find(([k]) => k === input.toLowerCase())?.[1];
      if (chosen !== undefined) return startSend(asking.path, asking.bytes, chosen);
      if (key.escape || (key.ctrl && input === 'c')) setAsking(null);
      return;
    }
    const edit = editPromptText(asking.text, input, key);
    if (edit.kind === 'cancel') setAsking(null);
    else if (edit.kind === 'submit') submitText(asking.kind, edit.text);
    else setAsking({ ...asking, text: edit.text });
  }, { isActive: asking !== null });

  const act = (action: MenuAction, key: string): void => {
    switch (action) {
      case 'echo':
        setEcho(!echo);
        return note(`local echo ${echo ? 'off' : 'on'}`);
      case 'mapping':
        if (needPort('Ctrl-T n')) setAsking({ kind: 'map', was: formatMapping(port!.mapping) });
        return;
      case 'hex-send':
        if (needPort('Ctrl-T y')) setAsking({ kind: 'hex', text: '' });
        return;
      case 'send-file':
        if (needPort('Ctrl-T s')) setAsking({ kind: 'path', text: '' });
        return;
      case 'macro': {
        const macro = findMacro(macros, key);
        if (macro === undefined) {
          return note(macros.length === 0 ? `no macros: give --macros FILE (Ctrl-T ${key})`
            : `no macro on Ctrl-T ${key} (macros on ${macros.map((m) => m.key).join(' ')})`);
        }
        note(`macro ${macro.key} (${macro.name}): ${macro.commands.length} command${macro.commands.length === 1 ? '' : 's'} queued`);
        for (const command of macro.commands) engine.submit(command);
        return;
      }
      default:
        return;
    }
  };

  return {
    /** Whether `act` takes this menu action. */
    handles: (action: MenuAction): boolean => TERMINAL_ACTIONS.includes(action),
    act,
    /** A prompt or a transfer has the keyboard: the line editor and raw keys stand aside. */
    busy: asking !== null,
    asking,
    echo,
    /** Raw-mode keys as sent: shown when local echo is on. */
    echoKeys: (bytes: Uint8Array): void => {
      if (echoRef.current) scrollback.push(echoBytes(bytes));
    },
    /** For the status line: `echo`, `map ICRNL`. */
    flags: [echo && 'echo', mapText !== 'none' && `map ${mapText}`].filter((flag): flag is string => typeof flag === 'string'),
    mapText,
  };
}

export type TerminalFeatures = ReturnType<typeof useTerminalFeatures>;
