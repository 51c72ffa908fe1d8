import { render } from 'ink';
import { signalStatus, type ExitSignal } from '../connect/index.js';
import { SGR_RESET } from '../sanitize/index.js';
import type { HistoryEntry } from '../results/history/index.js';
import { App, type ConsoleInfo } from './app.js';
import { ClockContext } from './clock-context.js';
import { inCi, type StartedConsole } from './console-start.js';
import { SHOW_CURSOR } from './live-region.js';
import { FloodMeter } from './flood-meter.js';
import { FrameGate } from './frame-gate.js';
import { outputProcessingOff } from './terminal-output.js';
import { createCardWriter } from './result-cards.js';
import type { TerminalOptions } from './use-terminal-features.js';

export { startConsole } from './console-start.js';

export interface RunConsoleOptions {
  seed?: bigint;
  info?: Partial<ConsoleInfo>;
  /** The history store's entries for the past-results view. */
  pastResults?: () => Promise<readonly HistoryEntry[]>;
  /** Local echo, mapping, hex and file sends, macros (Ctrl-T e/n/y/s/0-9). */
  terminal?: TerminalOptions;
}

let lostTerminal = false;

/** Whether the console's terminal went away (writes failed): the process must not touch it again. */
export function terminalLost(): boolean {
  return lostTerminal;
}

/** Draws a started console (`startConsole`) with Ink until the user quits; resolves with the exit status. */
export async function runConsole(started: StartedConsole, options: RunConsoleOptions): Promise<number> {
  const { clock, port, conversation, scrollback, engine, feed, region, frames, screen, link, lineState, runtimeLog, history } = started;
  started.attachCards(createCardWriter({ scrollback, width: () => process.stdout.columns || 80 }));
  // While the far end floods, the unfinished line and the live panel draw together, five times a second:
  // each Ink frame costs milliseconds of CPU, and a flood scrolls faster than anyone reads.
  const meter = new FloodMeter({ clock });
  const stopMeter = port.onData((chunk) => meter.add(chunk.length));
  const pace = new FrameGate({ clock, flooding: () => meter.flooding });
  const showCursor = (): void => {
    if (process.stdout.isTTY && !lostTerminal) process.stdout.write(SHOW_CURSOR);
  };
  // However the process ends, the shell's prompt comes below the frame, with a cursor.
  const restoreOnExit = (): void => {
    if (!lostTerminal) region.close();
    showCursor();
  };
  process.once('exit', restoreOnExit);
  const info: ConsoleInfo = {
    transport: port.description,
    ...(options.seed !== undefined && { seed: String(options.seed) }),
    ...options.info,
  };
  const consoleApp = (closing: boolean) => (
    <ClockContext.Provider value={clock}>
      <App
        engine={engine}
        promptSource={conversation.prompt.source}
        scrollback={scrollback}
        feed={feed}
        info={info}
        link={link}
        history={history}
        line={{ state: lineState, log: runtimeLog }}
        closing={closing}
        {...(options.pastResults && { pastResults: options.pastResults })}
        {...(options.terminal && { terminal: options.terminal })}
        screen={screen}
        pace={pace}
      />
    </ClockContext.Provider>
  );
  // Ink writes each whole frame to `frames` (at most 60 a second) and leaves the terminal to the region.
  started.handOver();
  const app = render(consoleApp(false), { stdout: frames as unknown as NodeJS.WriteStream, debug: inCi(), maxFps: 60, exitOnCtrlC: false, patchConsole: false });
  // After Ink's first frame, not before: a flood is what it speeds up, and start-up pays nothing for it.
  const outputRaw = setImmediate(() => outputProcessingOff());
  let endedBy: ExitSignal | undefined;
  // The console's frame is erased before it ends, unless the terminal is gone.
  const quitOn = (signal: ExitSignal) => (): void => {
    endedBy = signal;
    if (lostTerminal) app.unmount();
    else app.rerender(consoleApp(true));
  };
  // A terminal that went away (its window closed: SIGHUP, then EIO on every write) ends the
  // console quietly; the log and results are still written by the caller.
  const onStdoutError = (): void => {
    lostTerminal = true;
    quitOn('SIGHUP')();
  };
  process.stdout.on('error', onStdoutError);
  const onTerm = quitOn('SIGTERM');
  const onHup = quitOn('SIGHUP');
  // SIGINT too ends the console through its own cleanup (the frame's cursor is at its top).
  const onInt = quitOn('SIGINT');
  process.once('SIGTERM', onTerm);
  process.once('SIGHUP', onHup);
  process.once('SIGINT', onInt);
  await started.opened;
  await app.waitUntilExit();
  clearImmediate(outputRaw);
  if (!lostTerminal) {
    // Lines received after the console's last (empty) frame still reach the scrollback, before the
    // link closes; then the region leaves the cursor where the frame began, for the shell's prompt.
    scrollback.setWriter(screen.print);
    scrollback.flush();
    scrollback.setWriter(undefined);
    region.close();
  }
  stopMeter();
  pace.dispose();
  await started.stop();
  // Whatever styling a device sequence left on, the user's shell gets the terminal back plain.
  if (process.stdout.isTTY && !lostTerminal) process.stdout.write(SGR_RESET);
  showCursor();
  process.off('exit', restoreOnExit);
  process.off('SIGTERM', onTerm);
  process.off('SIGHUP', onHup);
  process.off('SIGINT', onInt);
  process.stdout.off('error', onStdoutError);
  // A log started with Ctrl-T l that failed is reported as --log's is: one line, exit status 2.
  const failed = runtimeLog.failure;
  if (failed !== undefined && !lostTerminal) process.stderr.write(`sis: ${failed.message}\n`);
  // As in plain mode, a signal is 128 + its number; the caller then closes the link and flushes the log.
  if (endedBy !== undefined) return signalStatus(endedBy);
  return failed === undefined ? 0 : 2;
}
