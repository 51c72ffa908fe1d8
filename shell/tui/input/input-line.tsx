import { Box, Text, Transform, useStdout } from 'ink';
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
  /**
   * Drawn in place of the prompt's first character, which must be a one-column ASCII stand-in
   * (`…` where the far end's line was cut): Ink measures text with string-width, whose path for
   * any non-ASCII character costs about a hundred times its ASCII one, and during a flood the cut
   * line is new at every frame. A transform swaps the character in after Ink has measured.
   */
  promptLead?: string;
}

/** `{prompt}{text}` with an inverse-video cursor; below it the search prompt, the candidates or the hint. */
export function InputLine({ prompt, view, showCursor = true, promptLead }: InputLineProps) {
  const { stdout } = useStdout();
  const columns = stdout.columns > 0 ? stdout.columns : 80;
  const { before, under, after } = visibleLine(view.text, view.cursor, Math.max(20, columns * ROWS_SHOWN - prompt.length - 1));
  const candidates = view.candidates.length > 0 ? view.candidates.join('  ') : undefined;
  const line = (
    <Text>
      {prompt}
      {before}
      {showCursor ? <Text inverse>{under || ' '}</Text> : under}
      {after}
    </Text>
  );
  return (
    <Box flexDirection="column">
      {promptLead === undefined || prompt === '' ? line : <Transform transform={(text, row) => (row === 0 ? promptLead + text.slice(1) : text)}>{line}</Transform>}
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
