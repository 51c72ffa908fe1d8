/** The interactive console's own options (no Ink here: the CLI reads them before loading the TUI). */
export const TERMINAL_ARGS = {
  echo: { type: 'boolean' },
  macros: { type: 'string' },
} as const;

export const TERMINAL_USAGE = `Interactive console (plain mode does not use them; a bad --macros file is refused either way):
  --echo              local echo: show what is sent, for targets that do not echo (Ctrl-T e toggles)
  --macros FILE       macros for Ctrl-T 0-9, one a line: 'KEY NAME: command; command' (KEY a digit
                      0-9, '#' starts a comment, '\\;' is a ';' in a command); a macro's commands are
                      queued as if typed, each sent once the prompt is back
  At run time: Ctrl-T n toggles the --map flags, Ctrl-T y sends bytes typed as hex (1b 5b 41) or a
  control byte (^C) unmapped, Ctrl-T s sends a file raw (paced) or by xmodem, xmodem-1k or ymodem
  (sx/sb from lrzsz) with a progress bar; Ctrl-C cancels it.`;

export interface TerminalFlags {
  readonly echo: boolean;
  readonly macrosPath?: string;
}

export function readTerminalFlags(values: Readonly<Record<string, unknown>>): { ok: true; flags: TerminalFlags } | { ok: false; message: string } {
  const path = values.macros;
  if (path === '') return { ok: false, message: '--macros: empty file name' };
  return { ok: true, flags: { echo: values.echo === true, ...(typeof path === 'string' && { macrosPath: path }) } };
}
