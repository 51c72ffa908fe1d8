import { Box, Text } from 'ink';
import type { InputView } from './console-input.js';

export interface InputLineProps {
  /** Printed before the text, e.g. the far end's `sis> ` tail. */
  prompt: string;
  view: InputView;
  /** Default true; hide it while a command runs. */
  showCursor?: boolean;
}

/** `{prompt}{text}` with an inverse-video cursor; below it the search prompt, the candidates or the hint. */
export function InputLine({ prompt, view, showCursor = true }: InputLineProps) {
  const { text, cursor } = view;
  const under = Array.from(text.slice(cursor))[0] ?? '';
  const before = text.slice(0, cursor);
  const after = text.slice(cursor + under.length);
  const candidates = view.candidates.length > 0 ? view.candidates.join('  ') : undefined;
  return (
    <Box flexDirection="column">
      <Text>
        {prompt}
        {before}
        {showCursor ? <Text inverse>{under || ' '}</Text> : under}
        {after}
      </Text>
      {view.search !== undefined ? (
        <Text>{view.search}</Text>
      ) : candidates !== undefined ? (
        <Text>{candidates}</Text>
      ) : view.hint !== undefined ? (
        <Text color="yellow">{view.hint}</Text>
      ) : null}
    </Box>
  );
}
