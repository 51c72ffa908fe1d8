import { afterEach, describe, expect, test } from '@jest/globals';
import { ConsoleInput } from '../../../../shell/tui/input/console-input.js';
import { visibleLine } from '../../../../shell/tui/input/visible-line.js';
import { waitFor } from '../../../helpers/wait.js';
import { GRAMMAR } from './fixtures.js';

const { render } = await import('ink-testing-library');
const { InputLine } = await import('../../../../shell/tui/input/input-line.js');
const { useLineEditor } = await import('../../../../shell/tui/input/use-line-editor.js');

const mounted: Array<{ unmount: () => void }> = [];
afterEach(() => {
  for (const ui of mounted.splice(0)) ui.unmount();
});

describe('visibleLine', () => {
  test('a line that fits is shown whole', () => {
    expect(visibleLine('help', 1, 80)).toEqual({ before: 'h', under: 'e', after: 'lp' });
    expect(visibleLine('help', 4, 80)).toEqual({ before: 'help', under: '', after: '' });
  });

  test('a long line is a window around the cursor, marked where it is cut', () => {
    const text = 'a'.repeat(500) + 'b'.repeat(500);
    const atEnd = visibleLine(text, text.length, 100);
    expect(atEnd.before).toBe(`…${'b'.repeat(98)}`);
    expect([atEnd.under, atEnd.after]).toEqual(['', '']);
    const atStart = visibleLine(text, 0, 100);
    expect(atStart).toEqual({ before: '', under: 'a', after: `${'a'.repeat(97)}…` });
    const middle = visibleLine(text, 500, 100);
    expect(middle.under).toBe('b');
    expect(middle.before.startsWith('…a')).toBe(true);
    expect(middle.after.endsWith('b…')).toBe(true);
    expect(middle.before.length + middle.under.length + middle.after.length).toBeLessThanOrEqual(102);
  });

  test('a window never splits a surrogate pair', () => {
    const text = '😀'.repeat(300);
    for (const cursor of [0, 2, 300, 598, 600]) {
      const shown = visibleLine(text, cursor, 51);
      for (const part of [shown.before, shown.under, shown.after]) expect(part.replace(/…/g, '')).toMatch(/^(😀)*$/u);
    }
  });
});

describe('a long line in the console input', () => {
  test('past four times the kernel line length the hint says how long it is, not what the grammar thinks', () => {
    const input = new ConsoleInput({ grammar: GRAMMAR });
    input.dispatch({ type: 'text', text: `stresstest memory --duration ${'9'.repeat(2000)}` });
    expect(input.view.hint).toBe('a line of 2029 characters: the SIS kernel reads the first 255');
  });
});

interface Log {
  lines: string[];
}

function Harness({ log }: { log: Log }) {
  const editor = useLineEditor({ grammar: GRAMMAR, onSubmit: (line) => log.lines.push(line) });
  return <InputLine prompt="sis> " view={editor.view} />;
}

describe('a 1 MB paste into the line editor', () => {
  test('is shown as one window around the cursor and stays editable: Home, type, End, Enter sends it all', async () => {
    const log: Log = { lines: [] };
    const ui = render(<Harness log={log} />);
    mounted.push(ui);
    const paste = `${'0123456789abcdef'.repeat(65_536)}END`;
    // A terminal hands a paste over in reads of at most 64 KiB.
    for (let at = 0; at < paste.length; at += 65_536) ui.stdin.write(paste.slice(at, at + 65_536));
    expect(await waitFor(() => (ui.lastFrame() ?? '').includes('END'), 20_000)).toBe(true);
    const frame = ui.lastFrame()!;
    expect(frame.startsWith('sis> …')).toBe(true);
    expect(frame.length).toBeLessThan(1_000);
    expect(frame).toContain('a line of 1048579 characters: the SIS kernel reads the first 255');
    ui.stdin.write('\x1b[H');
    expect(await waitFor(() => (ui.lastFrame() ?? '').startsWith('sis> 0123456789'), 5_000)).toBe(true);
    ui.stdin.write('X');
    expect(await waitFor(() => (ui.lastFrame() ?? '').startsWith('sis> X0123456789'), 5_000)).toBe(true);
    ui.stdin.write('\x1b[F');
    expect(await waitFor(() => (ui.lastFrame() ?? '').includes('END'), 5_000)).toBe(true);
    ui.stdin.write('\r');
    expect(await waitFor(() => log.lines.length === 1, 5_000)).toBe(true);
    expect(log.lines[0]).toBe(`X${paste}`);
  }, 60_000);
});
