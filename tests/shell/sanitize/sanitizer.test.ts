import { describe, expect, test } from '@jest/globals';
import { createSanitizer, sanitizeText, type SanitizerOptions } from '../../../shell/sanitize/index.js';

const plain: SanitizerOptions = { markStyle: null };
const show = (text: string, options: SanitizerOptions = {}) => sanitizeText(text, { ...plain, ...options });
const drop = (text: string, options: SanitizerOptions = {}) => sanitizeText(text, { mode: 'drop', ...options });

/** Output of `text` pushed as the given pieces, then end(). */
function inPieces(pieces: string[], options: SanitizerOptions = plain): string {
  const s = createSanitizer(options);
  return pieces.map((p) => s.push(p)).join('') + s.end();
}

describe('SGR colours', () => {
  test.each([
    '\x1b[31mred\x1b[0m',
    '\x1b[mreset',
    '\x1b[1;32;4mx',
    '\x1b[38;5;208mo',
    '\x1b[38;2;255;128;0;48;2;0;0;0mrgb\x1b[39;49m',
    '\x1b[4:3mcurly',
  ])('pass unchanged: %j', (text) => {
    expect(show(text)).toBe(text);
    expect(drop(text)).toBe(text);
  });

  test('private or intermediate SGR forms are neutralised', () => {
    expect(show('\x1b[>4;1m')).toBe('␛[>4;1m');
    expect(show('\x1b[?5m')).toBe('␛[?5m');
    expect(show('\x1b[1 m')).toBe('␛[1 m');
  });

  test('passSgr false neutralises colours too', () => {
    expect(drop('\x1b[31mred\x1b[0m', { passSgr: false })).toBe('red');
  });
});

describe('neutralised sequences', () => {
  const cases: Array<[string, string, string, string]> = [
    ['erase display', 'a\x1b[2Jb', 'a␛[2Jb', 'ab'],
    ['cursor home', '\x1b[Hsis> ', '␛[Hsis> ', 'sis> '],
    ['erase line', 'x\x1b[K', 'x␛[K', 'x'],
    ['cursor movement', '\x1b[10;20H\x1b[3A\x1b[5D', '␛[10;20H␛[3A␛[5D', ''],
    ['alt screen', '\x1b[?1049h', '␛[?1049h', ''],
    ['hide cursor', '\x1b[?25l', '␛[?25l', ''],
    ['scroll region', '\x1b[1;5r', '␛[1;5r', ''],
    ['reset', 'a\x1bcb', 'a␛cb', 'ab'],
    ['save/restore cursor', '\x1b7x\x1b8', '␛7x␛8', 'x'],
    ['charset (nF)', '\x1b(0q\x1b(B', '␛(0q␛(B', 'q'],
    ['screen alignment (nF)', '\x1b#8', '␛#8', ''],
    ['stray ST', 'a\x1b\\b', 'a␛\\b', 'ab'],
    ['window title OSC 0, BEL', '\x1b]0;pwned\x07after', '␛]0;pwned␇after', 'after'],
    ['window title OSC 2, ST', '\x1b]2;t\x1b\\after', '␛]2;t␛\\after', 'after'],
    ['clipboard OSC 52', '\x1b]52;c;ZXZpbA==\x07x', '␛]52;c;ZXZpbA==␇x', 'x'],
    ['hyperlink', '\x1b]8;;http://e.x/\x1b\\link\x1b]8;;\x1b\\', '␛]8;;http://e.x/␛\\link␛]8;;␛\\', 'link'],
    ['DCS', '\x1bP1$r0m\x1b\\z', '␛P1$r0m␛\\z', 'z'],
    ['APC', '\x1b_Gf=100;AAAA\x1b\\', '␛_Gf=100;AAAA␛\\', ''],
    ['PM', '\x1b^private\x1b\\', '␛^private␛\\', ''],
    ['SOS', '\x1bXstring\x1b\\', '␛Xstring␛\\', ''],
    ['BEL', 'ding\x07', 'ding␇', 'ding'],
    ['NUL, SO, SI, VT, FF', '\x00\x0e\x0f\x0b\x0c', '␀␎␏␋␌', ''],
    ['DEL', 'a\x7fb', 'a␡b', 'ab'],
    ['C1 CSI alone', '\x9b2J', '<9B>2J', '2J'],
    ['C1 range', '\x80\x85\x9c\x9f', '<80><85><9C><9F>', ''],
    ['ESC then a control', '\x1b\x07', '␛␇', ''],
    ['ESC ESC [', '\x1b\x1b[2J', '␛␛[2J', ''],
  ];

  test.each(cases)('%s', (_name, input, visible, dropped) => {
    expect(show(input)).toBe(visible);
    expect(drop(input)).toBe(dropped);
  });

  test('latin1 text above the C1 range passes', () => {
    expect(show('caf\xe9 \xa0\xff')).toBe('caf\xe9 \xa0\xff');
  });
});

describe('controls the line splitter owns', () => {
  test('\\n, \\t, \\r and \\b pass by default', () => {
    expect(show('a\tb\r\nc \b \bd\n')).toBe('a\tb\r\nc \b \bd\n');
  });

  test('passControls narrows the set', () => {
    expect(show('a\r\nb\b', { passControls: '\n' })).toBe('a␍\nb␈');
  });
});

describe('marks', () => {
  test('are dim by default, one style run per mark', () => {
    expect(sanitizeText('a\x1b[2J\x1b[Hb')).toBe('a\x1b[2m␛[2J\x1b[22m\x1b[2m␛[H\x1b[22mb');
  });

  test('a custom style', () => {
    expect(sanitizeText('\x07', { markStyle: { open: '<', close: '>' } })).toBe('<␇>');
  });
});

describe('ends of control strings and sequences', () => {
  test('a newline ends an unterminated string and is kept', () => {
    expect(show('\x1b]0;title\nnext line\n')).toBe('␛]0;title\nnext line\n');
    expect(drop('\x1b]0;title\nnext line\n')).toBe('\nnext line\n');
  });

  test('CAN and SUB cancel a string', () => {
    expect(show('\x1b]0;a\x18b')).toBe('␛]0;a␘b');
    expect(drop('\x1bPq\x1ab')).toBe('b');
  });

  test('U+009C ends a string', () => {
    expect(show('\x1b]2;t\x9cz')).toBe('␛]2;t<9C>z');
  });

  test('ESC followed by something else ends a string and starts a new sequence', () => {
    expect(show('\x1b]0;t\x1b[31mred')).toBe('␛]0;t\x1b[31mred');
  });

  test('a control inside a CSI aborts it and is handled on its own', () => {
    expect(show('\x1b[12\nx')).toBe('␛[12\nx');
    expect(drop('\x1b[12\x07x')).toBe('x');
  });

  test('a long string body is previewed', () => {
    const body = 'x'.repeat(40);
    expect(show(`\x1b]0;${body}\x07`)).toBe(`␛]0;${'x'.repeat(30)}…␇`);
    expect(show(`\x1b]0;${body}\x07`, { previewLength: 4 })).toBe('␛]0;xx…␇');
  });

  test('a string past the cap is marked at once and the rest discarded until its end', () => {
    const s = createSanitizer({ ...plain, maxStringLength: 10, previewLength: 4 });
    expect(s.push('\x1b]52;c;' + 'A'.repeat(3))).toBe('');
    expect(s.push('A'.repeat(100))).toBe('␛]52;c…');
    expect(s.push('A'.repeat(100000))).toBe('');
    expect(s.push('AAA\x07after')).toBe('after');
    expect(s.end()).toBe('');
  });

  test('a discarded string also ends at a newline, ST or a new ESC', () => {
    const options = { ...plain, maxStringLength: 2, previewLength: 0 };
    expect(show('\x1b]abcdef\nok', options)).toBe('␛]…\nok');
    expect(show('\x1bPabcdef\x1b\\ok', options)).toBe('␛P…ok');
    expect(show('\x1b_abcdef\x1b[Kok', options)).toBe('␛_…␛[Kok');
  });

  test('an overlong CSI is marked and ignored up to its final byte', () => {
    const params = '1;'.repeat(50);
    expect(show(`\x1b[${params}mtext`, { maxSequenceLength: 10 })).toBe(`␛[${'1;'.repeat(5)}…text`);
    expect(drop(`\x1b[${params}mtext`, { maxSequenceLength: 10 })).toBe('text');
  });

  test('end() neutralises an incomplete sequence', () => {
    const s = createSanitizer(plain);
    expect(s.push('ok\x1b[3')).toBe('ok');
    expect(s.end()).toBe('␛[3');
    expect(s.push('\x1b]0;ti')).toBe('');
    expect(s.end()).toBe('␛]0;ti');
    expect(s.push('\x1b')).toBe('');
    expect(s.end()).toBe('␛');
    expect(s.push('plain')).toBe('plain');
  });
});

describe('chunk boundaries', () => {
  const samples = [
    'sis> \x1b[2J\x1b[Hsis> ',
    'a\x1b[38;2;1;2;3mcolour\x1b[0m\n',
    '\x1b]0;title\x07x\x1b]8;;u\x1b\\y',
    '\x1bP1$r\x1b\\\x1b(B\x1b7\x1bc\x9b\x07z',
    '\x1b]0;t\x1b[31mr\x1b[?1049h\r\n',
  ];

  test.each(samples)('every split of %j gives the same output', (text) => {
    for (const options of [plain, { mode: 'drop' } as SanitizerOptions, {}]) {
      const whole = sanitizeText(text, options);
      for (let i = 0; i <= text.length; i++) {
        expect(inPieces([text.slice(0, i), text.slice(i)], options)).toBe(whole);
      }
      expect(inPieces([...text], options)).toBe(whole);
    }
  });

  test('SGR split byte by byte is preserved exactly', () => {
    const text = '\x1b[1;31mERR\x1b[0m ok';
    const s = createSanitizer();
    const outs = [...text].map((c) => s.push(c));
    expect(outs.join('') + s.end()).toBe(text);
    expect(outs.slice(0, 7)).toEqual(['', '', '', '', '', '', '\x1b[1;31m']);
  });
});
