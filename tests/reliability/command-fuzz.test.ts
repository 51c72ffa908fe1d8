import { describe, test } from '@jest/globals';
import fc from 'fast-check';
import { arbitraryLine, plannedLine, type PlannedLine } from './command-grammar.js';
import { check, fuzzParams, fuzzTimeout } from './fuzz-runs.js';
import { bootKernel, endsAtPrompt, firstNonAscii, submitLine } from './kernel-drive.js';

/** Virtual µs a started command runs before it gets Ctrl-C (0: at once). */
const cancelAfter = fc.integer({ min: 0, max: 20_000 });
const FLAG_ERROR = /^\[ERROR\] (--[\w-]+: |unknown flag )/;

/** The text between the echoed line's CRLF and the final prompt. */
function response(text: string): string {
  return text.slice(text.indexOf('\r\n') + 2, -'sis> '.length);
}

function expectedError(planned: PlannedLine): { prefix: string; exact: boolean } {
  const { fault, test } = planned;
  switch (fault.kind) {
    case 'unknown-flag':
      return { prefix: `[ERROR] unknown flag '${fault.flag}' for '${test}'`, exact: false };
    case 'bad-value':
      return { prefix: `[ERROR] ${fault.flag}: invalid value '${fault.value}' (expected an integer `, exact: false };
    case 'missing-value':
      return { prefix: `[ERROR] ${fault.flag}: missing value (expected an integer `, exact: false };
    case 'bool-value':
      return { prefix: `[ERROR] ${fault.flag}: takes no value (got '1')`, exact: true };
    case 'stray':
      return { prefix: `[ERROR] unexpected argument '${fault.token}' for '${test}'`, exact: true };
    case 'none':
      throw new Error('no fault planted');
  }
}

/** Most planned lines run a real test up to its end or Ctrl-C: ~1 ms a case, so 10^4 would take ~10 s. */
const PLANNED_BUDGET = 2_000;

// Each property runs its cases one after another on one kernel, as a long session would: what is
// checked does not depend on the state earlier lines left (a fresh kernel per case would cost more
// than the case: it allocates ~2 MB of heap-model arrays). FUZZ_SEED replays the same sequence.
describe('the kernel interpreter under arbitrary command lines', () => {
  test(
    'arbitrary token lines: no throw, back at the prompt, 7-bit output, an error is one line (plus usage)',
    () => {
      const kernel = bootKernel();
      fc.assert(
        fc.property(arbitraryLine, cancelAfter, (line, cancelAfterUs) => {
          const reply = submitLine(kernel, line, cancelAfterUs);
          check(reply.idle, 'still running after Ctrl-C');
          check(firstNonAscii(reply.bytes) < 0, 'a byte >= 0x80 in the output', reply.text);
          check(endsAtPrompt(reply.text), 'the output does not end with the prompt at a line start', reply.text);
          const body = response(reply.text);
          if (!body.includes('[ERROR]')) return;
          const lines = body.split('\n').slice(0, -1);
          check(lines.filter((l) => l.includes('[ERROR]')).length === 1, 'more than one [ERROR] line', body);
          check(lines[0]!.startsWith('[ERROR] '), 'the [ERROR] line is not the first', body);
          check(lines.slice(1).every((l) => l.startsWith('Usage: ')), 'an [ERROR] followed by more than usage', body);
          if (FLAG_ERROR.test(lines[0]!)) check(lines.length === 1, 'a flag error of more than one line', body);
        }),
        fuzzParams(),
      );
    },
    fuzzTimeout(0.5),
  );

  test(
    'grammar lines with one planted fault: exactly one line naming it, nothing run; without a fault the test runs',
    () => {
      const kernel = bootKernel();
      fc.assert(
        fc.property(plannedLine, cancelAfter, (planned, cancelAfterUs) => {
          const reply = submitLine(kernel, planned.line, cancelAfterUs);
          check(reply.idle, 'still running after Ctrl-C');
          check(firstNonAscii(reply.bytes) < 0, 'a byte >= 0x80 in the output', reply.text);
          check(reply.text.startsWith(`${planned.line}\r\n`), 'the line was not echoed whole', reply.text);
          check(endsAtPrompt(reply.text), 'the output does not end with the prompt at a line start', reply.text);
          if (planned.fault.kind === 'none') {
            check(!reply.text.includes('[ERROR]'), 'a valid line was refused', reply.text);
            if (!reply.interrupted) check(/^=== .+ ===$/m.test(reply.text), 'a valid line ran no test', reply.text);
            return;
          }
          check(!reply.interrupted, 'a refused line started a command');
          const body = response(reply.text);
          const { prefix, exact } = expectedError(planned);
          check(exact ? body === `${prefix}\n` : body.startsWith(prefix) && body.indexOf('\n') === body.length - 1,
            `expected one line ${exact ? '' : 'starting with '}${JSON.stringify(prefix)}`, body);
        }),
        fuzzParams(PLANNED_BUDGET),
      );
    },
    fuzzTimeout(2, PLANNED_BUDGET),
  );
});
