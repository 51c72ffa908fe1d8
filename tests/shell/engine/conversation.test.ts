import { describe, expect, test } from '@jest/globals';
import { harness, utf8 } from './harness.js';

const SETTLE = 82; // timingFor() at 115200 baud: 80 ms + 20 character times
const TIMER = '[TIMER] Calling autonomous_decision_tick()\r\n';
const QUIET_MS = 400; // timingFor(): output quiet this long

function bootToPrompt(h: ReturnType<typeof harness>, settle = SETTLE): void {
  h.engine.linkChanged(true, h.now());
  h.rx('=== SIS Kernel Shell ===\r\nsis> ');
  h.advance(settle);
}

/** A Linux shell's `/ # ` prompt, settled. */
function linuxAtPrompt(): ReturnType<typeof harness> {
  const h = harness({ prompt: '^/ # ' });
  h.engine.linkChanged(true, 0);
  h.rx('/ # ');
  h.advance(SETTLE);
  return h;
}

describe('prompt rule', () => {
  test('a SIS board that glues prompts to timer lines while booting gets its first line only at the trailing bare prompt', () => {
    const h = harness();
    h.engine.linkChanged(true, 0);
    h.engine.submit('help', 0);
    h.engine.submit('autoctl status', 0);
    h.rx('KERNEL(U)\r\nsis> ' + TIMER + 'sis> [AUTONOMY] tick 1\r\n');
    h.advance(40);
    h.rx('sis> ' + TIMER);
    h.advance(40);
    expect(h.sent()).toBe('');
    h.rx('sis> ');
    h.advance(SETTLE - 1);
    expect(h.sent()).toBe('');
    h.advance(1);
    expect(h.sent()).toBe('help\r');
  });

  test('the prompt showing before the echo finishes nothing; the second line waits for the first answer', () => {
    const h = harness();
    bootToPrompt(h);
    h.engine.submit('help', h.now());
    h.engine.submit('autoctl status', h.now());
    expect(h.sent()).toBe('help\r');
    h.advance(5000);
    expect(h.ofType('command-finished')).toHaveLength(0);
    h.rx('help\r\nCommands:\r\n  help\r\nsis> ');
    h.advance(SETTLE);
    expect(h.ofType('command-finished').map((e) => e.command.line)).toEqual(['help']);
    expect(h.sent()).toBe('help\rautoctl status\r');
  });

  test('text after the prompt keeps the command running; quiet output at a slow line rate still settles', () => {
    const h = harness({ baud: 9600 });
    bootToPrompt(h, 101);
    h.engine.submit('help', h.now());
    for (const ch of 'help\r\nok\r\nsis> ') {
      h.rx(ch);
      h.advance(1);
    }
    h.rx('[TIMER] tick\r\n');
    h.advance(101);
    expect(h.ofType('command-finished')).toHaveLength(0);
    h.rx('sis> ');
    h.advance(101);
    expect(h.ofType('command-finished')).toHaveLength(1);
  });

  test('a prompt buried under a glued timer line is asked for again with one Enter', () => {
    const h = harness();
    bootToPrompt(h);
    h.engine.submit('autoctl on', h.now());
    h.rx('autoctl on\r\n[AUTOCTL] Autonomous mode ENABLED\r\nsis> ' + TIMER);
    h.advance(499);
    expect(h.sent()).toBe('autoctl on\r');
    h.advance(1);
    expect(h.sent()).toBe('autoctl on\r\r');
    expect(h.ofType('wake')).toHaveLength(1);
    h.rx('\r\nsis> ');
    h.advance(SETTLE);
    expect(h.ofType('command-finished').map((e) => e.command.line)).toEqual(['autoctl on']);
  });

  test('a prompt regex with text after the match is not a prompt', () => {
    const h = harness({ prompt: '^/ # ' });
    h.engine.linkChanged(true, 0);
    h.rx('/ # echo hi');
    h.advance(1000);
    expect(h.engine.promptKnown).toBe(false);
    h.rx('\r\nhi\r\n/ # ');
    h.advance(SETTLE);
    expect(h.engine.promptKnown).toBe(true);
    expect(h.engine.mode).toBe('line');
  });
});

describe('lost commands', () => {
  test('a target that reboots mid-command loses it, goes raw, and the next line waits for the new prompt', () => {
    const h = linuxAtPrompt();
    h.engine.submit('sleep 20', h.now());
    h.engine.submit('echo after', h.now());
    h.rx('sleep 20\r\n');
    h.advance(3000);
    h.rx('[    0.000000] Linux version 6.1.0-28-cloud-amd64 (debian-kernel@lists.debian.org)\r\nloading\r\n/ # ');
    const lost = h.ofType('command-lost');
    expect(lost.map((e) => [e.command.line, e.reason])).toEqual([['sleep 20', 'reboot']]);
    expect(h.engine.mode).toBe('raw');
    expect(h.sent()).toBe('sleep 20\r');
    h.advance(SETTLE);
    expect(h.sent()).toBe('sleep 20\recho after\r');
    expect(h.ofType('command-finished')).toHaveLength(0);
  });

  test('a link that drops mid-command loses it; queued lines stay and go after the reconnect wake', () => {
    const h = harness();
    bootToPrompt(h);
    h.engine.submit('stresstest memory', h.now());
    h.engine.submit('help', h.now());
    h.rx('stresstest memory\r\n=== Memory Stress Test ===\r\n');
    h.engine.linkChanged(false, h.now());
    expect(h.ofType('command-lost').map((e) => e.reason)).toEqual(['link-down']);
    expect(h.engine.queued).toEqual(['help']);
    h.advance(1000);
    h.engine.linkChanged(true, h.now());
    h.rx('[TIMER] Calling autonomous_decision_tick()\r\n[AUTONOMY] tick\r\n');
    h.advance(SETTLE);
    expect(h.ofType('wake')).toHaveLength(1);
    h.rx('\r\nsis> ');
    h.advance(SETTLE);
    expect(h.sent()).toBe('stresstest memory\r\rhelp\r');
  });

  test('a link that drops while the answered prompt is showing finishes the command instead of losing it', () => {
    const h = harness();
    bootToPrompt(h);
    h.engine.submit('help', h.now());
    h.rx('help\r\nCommands:\r\nsis> ');
    h.advance(SETTLE - 10);
    h.engine.linkChanged(false, h.now());
    expect(h.ofType('command-finished').map((e) => e.command.line)).toEqual(['help']);
    expect(h.ofType('command-lost')).toHaveLength(0);
  });

  test('a far end that glues noise behind every prompt, re-ask answers included: its glued prompt ends commands', () => {
    const h = harness();
    bootToPrompt(h);
    h.engine.submit('help', h.now());
    h.engine.submit('autoctl status', h.now());
    h.rx('help\r\nCommands:\r\nsis> ' + TIMER);
    h.advance(500);
    expect(h.ofType('wake')).toHaveLength(1);
    h.rx('\r\nsis> ' + TIMER);
    h.advance(SETTLE);
    expect(h.ofType('command-finished').map((e) => e.command.line)).toEqual(['help']);
    h.rx('autoctl status\r\nEnabled: no\r\nsis> ' + TIMER);
    h.advance(SETTLE);
    expect(h.ofType('command-finished').map((e) => e.command.line)).toEqual(['help', 'autoctl status']);
    expect(h.ofType('wake')).toHaveLength(1);
  });

  test('line mode is kept while a known link is down and for 3 s after it is back, then raw without a prompt', () => {
    const h = harness();
    bootToPrompt(h);
    h.engine.linkChanged(false, h.now());
    expect(h.engine.mode).toBe('line');
    h.advance(10_000);
    expect(h.engine.mode).toBe('line');
    h.engine.linkChanged(true, h.now());
    h.rx('login: ');
    h.advance(2999);
    expect(h.engine.mode).toBe('line');
    h.advance(1);
    expect(h.engine.mode).toBe('raw');
  });

  test('a prompt shown at connect and at once buried under timer lines still gets the wake Enter', () => {
    const h = harness();
    h.engine.linkChanged(true, 0);
    h.rx('\r\nsis> ');
    h.advance(5);
    h.rx(TIMER + '[AUTONOMY] tick\r\n');
    h.advance(200);
    expect(h.ofType('wake')).toHaveLength(1);
    h.rx('\r\nsis> ');
    h.advance(SETTLE);
    expect(h.engine.mode).toBe('line');
  });

  test('a wake whose answering prompt is glued to timer lines too is asked again once the output is quiet', () => {
    const h = harness();
    h.engine.linkChanged(true, 0);
    h.rx('\r\nsis> ');
    h.advance(5);
    h.rx(TIMER);
    h.advance(200);
    expect(h.ofType('wake')).toHaveLength(1);
    // The answer is glued at once, and timer lines keep coming for a while: no Enter while they do.
    h.rx('\r\nsis> ' + TIMER);
    for (let i = 0; i < 5; i++) {
      h.advance(125);
      h.rx(TIMER);
    }
    expect(h.ofType('wake')).toHaveLength(1);
    expect(h.engine.mode).toBe('raw');
    // Quiet now: one more Enter, whose bare prompt settles.
    h.advance(QUIET_MS - 1);
    expect(h.ofType('wake')).toHaveLength(1);
    h.advance(1);
    expect(h.ofType('wake')).toHaveLength(2);
    expect(h.sent()).toBe('\r\r');
    h.rx('\r\nsis> ');
    h.advance(SETTLE);
    expect(h.engine.mode).toBe('line');
    // Known now: quiet spells ask nothing more.
    h.advance(10 * QUIET_MS);
    expect(h.ofType('wake')).toHaveLength(2);
  });

  test('no Enter of ours once keys have gone to the target raw: it would end what the user is typing', () => {
    const h = harness();
    h.engine.linkChanged(true, 0);
    h.rx('\r\nsis> ');
    h.advance(5);
    h.rx(TIMER);
    h.advance(200);
    h.rx('\r\nsis> ' + TIMER);
    h.engine.key(utf8('stres'));
    h.rx('stres');
    h.advance(10 * QUIET_MS);
    expect(h.ofType('wake')).toHaveLength(1);
    expect(h.sent()).toBe('\rstres');
  });

  test('no wake when a bare prompt arrives within the settle time', () => {
    const h = harness();
    h.engine.linkChanged(true, 0);
    h.rx('\r\nsis> ');
    h.advance(1000);
    expect(h.ofType('wake')).toHaveLength(0);
    expect(h.sent()).toBe('');
  });
});

describe('unknown prompts, raw mode, Ctrl-C', () => {
  test('a U-Boot-style target: raw mode, a line goes once output is quiet, and finishes when quiet again', () => {
    const h = harness();
    h.engine.linkChanged(true, 0);
    h.rx('U-Boot 2024.01\r\nHit any key to stop autoboot:  3 ');
    expect(h.engine.mode).toBe('raw');
    h.engine.submit('', h.now());
    h.advance(399);
    expect(h.sent()).toBe('\r');
    h.advance(1);
    expect(h.sent()).toBe('\r\r');
    h.rx('\r\n=> ');
    h.engine.submit('version', h.now());
    h.advance(399);
    expect(h.ofType('command-finished')).toHaveLength(0);
    h.advance(1);
    expect(h.ofType('command-finished')).toHaveLength(1);
    expect(JSON.stringify(h.sent())).toBe(JSON.stringify('\r\rversion\r'));
  });

  test('Ctrl-C while idle with lines queued clears them; a second Ctrl-C sends ^C', () => {
    const h = harness();
    bootToPrompt(h);
    h.engine.submit('stresstest chaos --duration 5000', h.now());
    h.rx('stresstest chaos --duration 5000\r\n');
    expect(h.engine.interrupt()).toBe('sent');
    h.rx('^C\r\nsis> ');
    h.advance(SETTLE);
    h.engine.linkChanged(false, h.now());
    h.engine.submit('help', h.now());
    expect(h.engine.interrupt()).toBe('cleared-queue');
    expect(h.ofType('queue-dropped').map((e) => e.lines)).toEqual([['help']]);
    h.engine.linkChanged(true, h.now());
    expect(h.engine.interrupt()).toBe('sent');
    expect(h.sent()).toBe('stresstest chaos --duration 5000\r\x03\x03');
  });

  test('UTF-8 goes out as UTF-8 and its echo is recognised', () => {
    const h = harness();
    bootToPrompt(h);
    h.engine.submit('echo é ✓', h.now());
    expect(Buffer.from(h.sent(), 'latin1').toString('hex')).toBe(Buffer.from('echo é ✓\r').toString('hex'));
    h.rx(utf8('echo é ✓\r\n'));
    expect(h.ofType('command-echoed')).toHaveLength(1);
  });

  test('terminal queries get the answers of a terminal of the console size, split or not', () => {
    const h = harness({ prompt: '^/ # ', terminal: { columns: 120, rows: 40 } });
    h.engine.linkChanged(true, 0);
    h.rx('/ # \x1b[');
    h.rx('6n');
    h.rx('\x1b[c\x1b[999;999H\x1b[6n\x1b[18t');
    expect(h.sent()).toBe('\x1b[40;5R\x1b[?1;2c\x1b[40;120R\x1b[8;40;120t');
  });
});

describe('received bytes', () => {
  test("a read's lines go out together until an event they caused, and split where the command changes", () => {
    const h = linuxAtPrompt();
    h.engine.submit('sleep 20', h.now());
    h.events.length = 0;
    h.rx('sleep 20\r\n[CHAOS] Network partition (120ms)\r\n  -> recovered in 5us\r\n[    0.000000] Linux version 6.1.0\r\n/ # ');
    const shape = h.events
      .filter((e) => e.type !== 'mode')
      .map((e) => (e.type === 'received' ? `${e.command}:${Buffer.from(e.chunk).toString('latin1')}` : e.type === 'parsed' ? e.event.type : e.type));
    expect(shape).toEqual([
      '1:sleep 20\r\n',
      'other',
      'command-echoed',
      '1:[CHAOS] Network partition (120ms)\r\n  -> recovered in 5us\r\n',
      'chaos-event',
      '1:[    0.000000] Linux version 6.1.0\r\n',
      'other',
      'command-lost',
      'null:/ # ',
    ]);
  });
});
