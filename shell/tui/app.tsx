import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ConsoleSession } from '../console-session.js';

export interface AppProps {
  session: ConsoleSession;
  /** Lines that arrived before the app mounted. */
  takeBacklog: () => string;
  setWriter: (write: ((text: string) => void) | undefined) => void;
  description: string;
}

const QUIT_COMMANDS = new Set(['exit', 'quit']);

/** The `sis>` console: output scrolls above, the live tail and the input line sit below. */
export function App({ session, takeBacklog, setWriter, description }: AppProps) {
  const { exit } = useApp();
  const { write } = useStdout();
  const view = useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.state,
  );
  const [input, setInput] = useState('');

  useEffect(() => {
    const backlog = takeBacklog();
    if (backlog) write(backlog);
    setWriter(write);
    return () => setWriter(undefined);
  }, [write]);

  useInput((text, key) => {
    if (key.ctrl && text === 'c') {
      if (view.busy) session.interrupt();
      else setInput('');
      return;
    }
    if (key.ctrl && text === 'd') {
      if (input === '') exit();
      return;
    }
    if (key.backspace || key.delete) {
      setInput((current) => current.slice(0, -1));
      return;
    }
    if (key.return) {
      submit(input);
      setInput('');
      return;
    }
    if (key.ctrl || key.meta || key.escape || key.upArrow || key.downArrow || key.tab) return;
    const parts = text.split(/\r\n|\r|\n/);
    if (parts.length === 1) {
      setInput((current) => current + text);
      return;
    }
    const last = parts.pop()!;
    parts.forEach((part, i) => submit(i === 0 ? input + part : part));
    setInput(last);
  });

  const submit = (line: string): void => {
    if (QUIT_COMMANDS.has(line.trim())) {
      exit();
      return;
    }
    session.submit(line);
  };

  const promptLine = view.busy ? view.tail : `${view.tail}${input}`;
  return (
    <Box flexDirection="column">
      <Text>
        {promptLine}
        {view.busy ? '' : <Text inverse> </Text>}
      </Text>
      <Text dimColor>
        {description} · {view.connected ? 'connected' : 'disconnected'}
        {view.busy ? ' · running (Ctrl-C cancels)' : ''}
        {view.busy && input ? ` · typed: ${input}` : ''} · Ctrl-D quits
      </Text>
    </Box>
  );
}
