import { Box, Text } from 'ink';
import { fieldValue, type FormState } from './form-state.js';

/**
 * A form on the console's bottom lines, in place of the status line: `Line: baud 115200  data
 * bits 8 ...` with the focused value highlighted, then the keys or the last refusal.
 */
export function FormLine({ form }: { form: FormState }) {
  const focused = form.fields[form.focus]!;
  const keys = focused.kind === 'choice' ? '<- -> change' : 'type to edit';
  return (
    <Box flexDirection="column">
      <Text>
        <Text color="cyan">{form.title}:</Text>
        {form.fields.map((field, i) => (
          <Text key={field.name}>
            {i === 0 ? ' ' : '  '}
            {field.label}{' '}
            <Text inverse={i === form.focus} bold={i === form.focus}>
              {fieldValue(field)}
              {i === form.focus && field.kind === 'text' ? '_' : ''}
            </Text>
          </Text>
        ))}
      </Text>
      {form.error !== null ? (
        <Text color="red">{form.error}</Text>
      ) : (
        <Text dimColor wrap="truncate-end">{`Tab next field · ${keys} · Enter apply · Esc cancel`}</Text>
      )}
    </Box>
  );
}
