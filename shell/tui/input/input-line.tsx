import { Box, Text, useStdout } from 'ink';
import type { InputView } from './console-input.js';
import { visibleLine } from './visible-line.js';

/** Rows of the terminal a long line may take before it is shown as a window around the cursor. */
const ROWS_SHOWN = 3;

export interface InputLineProps {
  /** Printed before the text, e.g. the far end's `sis> ` tail. */
  prompt: string;
  view: InputView;
  /** Default true; hide it while a command runs. */
  showCursor?: boolean;
}

/** `{prompt}{text}` with an inverse-video cursor; below it the search prompt, the candidates or the hint. */
export function InputLine({ prompt, view, showCursor = true }: InputLineProps) {
  const { stdout } = useStdout();
  const columns = stdout.columns > 0 ? stdout.columns : 80;
  const { before, under, after } = visibleLine(view.text, view.cursor, Math.max(20, columns * ROWS_SHOWN - prompt.length - 1));
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
