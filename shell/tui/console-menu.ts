/** The console escape key, like tio's Ctrl-T: the next key picks a console action. */
export const ESCAPE_KEY_NAME = 'Ctrl-T';

export type MenuAction =
  | 'quit'
  | 'help'
  | 'timestamps'
  | 'metrics'
  | 'hex'
  | 'clear'
  | 'results'
  | 'keys-mode'
  | 'drop-queue'
  | 'break'
  | 'dtr'
  | 'rts'
  | 'line-settings'
  | 'log'
  | 'send-escape'
  | 'echo'
  | 'mapping'
  | 'hex-send'
  | 'send-file'
  | 'macro'
  | 'close';

export const MENU_KEYS: ReadonlyArray<readonly [string, MenuAction, string]> = [
  ['q', 'quit', 'quit sis'],
  // Second, so the menu line shows it however narrow the terminal.
  ['h', 'help', 'show these keys'],
  ['t', 'timestamps', 'line timestamps: off, iso, relative, delta (as --log-timestamps)'],
  ['m', 'metrics', 'show/hide METRIC lines'],
  ['x', 'hex', 'toggle hex view'],
  ['c', 'clear', 'clear the screen'],
  ['v', 'results', 'view past results'],
  ['k', 'keys-mode', 'keys raw (every key to the target) / line (editor, queue)'],
  ['u', 'drop-queue', 'drop the queued lines'],
  ['b', 'break', 'send a BREAK (--break-ms long)'],
  ['d', 'dtr', 'toggle DTR'],
  ['r', 'rts', 'toggle RTS'],
  ['o', 'line-settings', 'line settings: baud, data bits, parity, stop bits, flow control'],
  ['l', 'log', 'start logging to a file (asks for its name) / stop logging'],
  ['e', 'echo', 'local echo on/off (show what is sent)'],
  ['n', 'mapping', 'CR/LF mapping: toggle ICRNL IGNCR INLCRNL OCRNL OCRCRNL ODELBS (as --map)'],
  ['y', 'hex-send', 'send bytes typed as hex (1b 5b 41) or a control byte (^C), unmapped'],
  ['s', 'send-file', 'send a file: raw (paced), xmodem, xmodem-1k or ymodem (lrzsz), with progress'],
  ['0-9', 'macro', 'run that macro from --macros FILE (its commands queued, each after the prompt)'],
];

/** Maps the key pressed after the escape key to an action; Ctrl-T twice sends one Ctrl-T. */
export function menuAction(input: string, ctrl: boolean, escape: boolean): MenuAction {
  if (escape) return 'close';
  if (ctrl && input === 't') return 'send-escape';
  if (!ctrl && /^[0-9]$/.test(input)) return 'macro';
  return MENU_KEYS.find(([key]) => key === input.toLowerCase())?.[1] ?? 'close';
}

/** `extra`: lines after the keys (the macros of --macros FILE). */
export function menuHelpText(extra: readonly string[] = []): string {
  const lines = MENU_KEYS.map(([key, , text]) => `  ${ESCAPE_KEY_NAME} ${key}  ${text}`);
  return [
    `Console keys (${ESCAPE_KEY_NAME} then a key):`,
    ...lines,
    `  ${ESCAPE_KEY_NAME} ${ESCAPE_KEY_NAME}  send Ctrl-T to the target`,
    ...extra,
    'Editing: arrows, Home/End, Ctrl-A/E/U/W/K, Up/Down history, Ctrl-R search, Tab completion.',
    'Line mode (while the target prompt is known): Ctrl-C goes to the target while a command runs;',
    'idle, it clears the line, then the queue, then sends ^C. Ctrl-D on an empty line quits.',
    'Raw mode (prompt not known, or Ctrl-T k): every key, Tab, Esc, Ctrl-C and Ctrl-D included, goes',
    'to the target as typed.',
    'Status line: line settings and the modem lines where the port reports them, DTR/RTS while',
    'dropped, bytes received (RX) and sent (TX), the log file.',
    '',
  ].join('\n');
}

export function menuPrompt(): string {
  return `${ESCAPE_KEY_NAME}: ${MENU_KEYS.map(([key, action]) => `${key} ${action}`).join(' · ')} · Esc back`;
}
