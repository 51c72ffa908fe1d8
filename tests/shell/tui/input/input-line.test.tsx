import { afterEach, describe, expect, test } from '@jest/globals';
import type { InputView } from '../../../../shell/tui/input/console-input.js';
import { createHistoryList, type LineHistory } from '../../../../shell/tui/input/history.js';
import { waitFor } from '../../../helpers/wait.js';
import { GRAMMAR } from './fixtures.js';

// Colours on, so the inverse-video cursor shows in the frames; restored before other files load Ink.
const savedForceColor = process.env.FORCE_COLOR;
process.env.FORCE_COLOR = '1';
const { render } = await import('ink-testing-library');
const { InputLine } = await import('../../../../shell/tui/input/input-line.js');
const { useLineEditor } = await import('../../../../shell/tui/input/use-line-editor.js');
if (savedForceColor === undefined) delete process.env.FORCE_COLOR;
else process.env.FORCE_COLOR = savedForceColor;

const INV = (s: string) => `\x1b[7m${s}\x1b[27m`;
const YELLOW = (s: string) => `\x1b[33m${s}\x1b[39m`;

const mounted: Array<{ unmount: () => void }> = [];
afterEach(() => {
  for (const ui of mounted.splice(0)) ui.unmount();
});

const view = (change: Partial<InputView>): InputView => ({
  text: '',
  cursor: 0,
  hint: undefined,
  candidates: [],
  search: undefined,
  ...change,
});

describe('InputLine frames', () => {
  const frame = (props: Parameters<typeof InputLine>[0]) => {
    const ui = render(<InputLine {...props} />);
    mounted.push(ui);
    return ui.lastFrame();
  };

  test('plain text with the cursor at the end and in the middle', () => {
    expect(frame({ prompt: 'sis> ', view: view({ text: 'help', cursor: 4 }) })).toBe(`sis> help${INV(' ')}`);
    expect(frame({ prompt: 'sis> ', view: view({ text: 'help', cursor: 1 }) })).toBe(`sis> h${INV('e')}lp`);
  });

  test('without the cursor', () => {
    expect(frame({ prompt: 'sis> ', view: view({ text: 'help', cursor: 1 }), showCursor: false })).toBe('sis> help');
  });

  test('the hint on the second line', () => {
    const text = 'stresstest memory --duration 0';
    expect(frame({ prompt: 'sis> ', view: view({ text, cursor: text.length, hint: '--duration: 1..3600000 ms' }) })).toBe(
      `sis> ${text}${INV(' ')}\n${YELLOW('--duration: 1..3600000 ms')}`,
    );
  });

  test('completion candidates replace the hint', () => {
    expect(
      frame({ prompt: 'sis> ', view: view({ text: 'stresstest m', cursor: 12, hint: 'x', candidates: ['memory', 'multi'] }) }),
    ).toBe(`sis> stresstest m${INV(' ')}\nmemory  multi`);
  });

  test('a prompt lead replaces the stand-in at the start of the first row only, the rows wrapped as before', () => {
    const prompt = `.${'x'.repeat(9)}`;
    const text = 'y'.repeat(200);
    const plain = frame({ prompt, view: view({ text, cursor: text.length }) });
    const led = frame({ prompt, promptLead: '…', view: view({ text, cursor: text.length }) });
    expect(led).toBe(`…${plain!.slice(1)}`);
    expect(led!.split('\n')).toHaveLength(3);
    expect(frame({ prompt: '', promptLead: '…', view: view({ text: 'ab', cursor: 2 }) })).toBe(`ab${INV(' ')}`);
  });

  test('the reverse search prompt', () => {
    const search = "(reverse-i-search)'chaos': stresstest chaos --quiet";
    expect(frame({ prompt: 'sis> ', view: view({ text: 'stresstest chaos --quiet', cursor: 11, search }) })).toBe(
      `sis> stresstest ${INV('c')}haos --quiet\n${search}`,
    );
  });
});

interface Log {
  events: string[];
}

function Harness({ log, history }: { log: Log; history?: LineHistory }) {
  const editor = useLineEditor({
    grammar: GRAMMAR,
    history,
    onSubmit: (line) => log.events.push(`submit ${line}`),
    onInterrupt: () => {
      log.events.push('interrupt');
      editor.clear();
    },
    onEof: () => log.events.push('eof'),
    onEscape: () => log.events.push('escape'),
  });
  return <InputLine prompt="sis> " view={editor.view} />;
}

function mount(history?: LineHistory) {
  const log: Log = { events: [] };
  const ui = render(<Harness log={log} history={history} />);
  mounted.push(ui);
  const type = async (bytes: string, expected: string) => {
    ui.stdin.write(bytes);
    await waitFor(() => ui.lastFrame() === expected, 2000);
    expect(ui.lastFrame()).toBe(expected);
  };
  return { ui, log, type };
}

describe('useLineEditor with real key bytes', () => {
  test('typing, arrows, Home/End, Ctrl-A/E, BSpace (0x7f) and the Delete key (ESC [3~)', async () => {
    const { type } = mount();
    await type('help', `sis> help${INV(' ')}`);
    await type('\x1b[D', `sis> hel${INV('p')}`);
    await type('\x1b[D', `sis> he${INV('l')}p`);
    await type('\x7f', `sis> h${INV('l')}p`);
    await type('\x1b[3~', `sis> h${INV('p')}`);
    await type('\x1b[H', `sis> ${INV('h')}p`);
    await type('\x1b[F', `sis> hp${INV(' ')}`);
    await type('\x01', `sis> ${INV('h')}p`);
    await type('\x05', `sis> hp${INV(' ')}`);
    await type('\x08', `sis> h${INV(' ')}`);
  });

  test('Ctrl-W, Ctrl-U, Ctrl-K, Alt-B, Alt-F', async () => {
    const { type } = mount();
    await type('metricsctl status', `sis> metricsctl status${INV(' ')}`);
    await type('\x1bb', `sis> metricsctl ${INV('s')}tatus`);
    await type('\x1bf', `sis> metricsctl status${INV(' ')}`);
    await type('\x17', `sis> metricsctl ${INV(' ')}`);
    await type('on', `sis> metricsctl on${INV(' ')}`);
    await type('\x1b[D\x1b[D', `sis> metricsctl ${INV('o')}n`);
    await type('\x0b', `sis> metricsctl ${INV(' ')}`);
    await type('\x1b[D', `sis> metricsctl${INV(' ')}`);
    await type('\x15', `sis> ${INV(' ')}`);
  });

  test('Ctrl-Left/Right and Alt-Left/Right move a word in every encoding terminals send', async () => {
    const { type } = mount();
    await type('stresstest memory --quiet', `sis> stresstest memory --quiet${INV(' ')}`);
    // xterm, VTE, tmux, Windows Terminal: CSI 1;5 D/C; older xterm: CSI 5 D/C; rxvt: SS3 d/c.
    await type('\x1b[1;5D', `sis> stresstest memory --${INV('q')}uiet`);
    await type('\x1b[5D', `sis> stresstest ${INV('m')}emory --quiet`);
    await type('\x1bOd', `sis> ${INV('s')}tresstest memory --quiet`);
    await type('\x1b[1;5C', `sis> stresstest${INV(' ')}memory --quiet`);
    await type('\x1b[5C', `sis> stresstest memory${INV(' ')}--quiet`);
    await type('\x1bOc', `sis> stresstest memory --quiet${INV(' ')}`);
    // Alt-Left/Right as xterm (CSI 1;3), iTerm2 (ESC ESC [) and readline's Alt-B/F send them.
    await type('\x1b[1;3D', `sis> stresstest memory --${INV('q')}uiet`);
    await type('\x1b\x1b[D', `sis> stresstest ${INV('m')}emory --quiet`);
    await type('\x1bb', `sis> ${INV('s')}tresstest memory --quiet`);
    await type('\x1b[1;3C', `sis> stresstest${INV(' ')}memory --quiet`);
    await type('\x1b\x1b[C', `sis> stresstest memory${INV(' ')}--quiet`);
    await type('\x1bf', `sis> stresstest memory --quiet${INV(' ')}`);
    // Held down: repeats arrive in one read.
    await type('\x1b[1;5D\x1b[1;5D', `sis> stresstest ${INV('m')}emory --quiet`);
  });

  test('Enter and a paste submit lines in order; Ctrl-C, Ctrl-D and Ctrl-T reach the app', async () => {
    const { type, log } = mount();
    await type('help', `sis> help${INV(' ')}`);
    await type('\r', `sis> ${INV(' ')}`);
    await type('metricsctl off\rmetricsctl status\rauto', `sis> auto${INV(' ')}`);
    await type('\x14', `sis> auto${INV(' ')}`);
    await type('\x03', `sis> ${INV(' ')}`);
    await type('\x04', `sis> ${INV(' ')}`);
    expect(log.events).toEqual(['submit help', 'submit metricsctl off', 'submit metricsctl status', 'escape', 'interrupt', 'eof']);
  });

  test('↑ recalls history; Tab completes, a second Tab lists; the hint shows as typed', async () => {
    const { type } = mount(createHistoryList({ entries: ['autoctl status'] }));
    await type('\x1b[A', `sis> autoctl status${INV(' ')}`);
    await type('\x1b[B', `sis> ${INV(' ')}`);
    await type('stresstest me\t', `sis> stresstest memory ${INV(' ')}`);
    await type('--fa\t', `sis> stresstest memory --fail${INV(' ')}`);
    await type('\t', `sis> stresstest memory --fail${INV(' ')}\n--fail-rate  --failure-rate`);
    await type('-rate 101', `sis> stresstest memory --fail-rate 101${INV(' ')}\n${YELLOW('--fail-rate: 0..100 %')}`);
  });

  test('Ctrl-R searches, Esc restores, Ctrl-R then Enter runs the match', async () => {
    const { type, log } = mount(createHistoryList({ entries: ['stresstest chaos --quiet', 'help'] }));
    await type('x', `sis> x${INV(' ')}`);
    await type('\x12', `sis> x${INV(' ')}\n(reverse-i-search)'': x`);
    await type('chaos', `sis> stresstest ${INV('c')}haos --quiet\n(reverse-i-search)'chaos': stresstest chaos --quiet`);
    await type('\x1b', `sis> x${INV(' ')}`);
    await type('\x12hel', `sis> ${INV('h')}elp\n(reverse-i-search)'hel': help`);
    await type('\r', `sis> ${INV(' ')}`);
    expect(log.events).toEqual(['submit help']);
  });
});
