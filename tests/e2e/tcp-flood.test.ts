import { afterEach, expect, test } from '@jest/globals';
import { startFloodFarEnd, type FloodFarEnd } from '../../scripts/bench/flood-far-end.js';
import { PtyProcess } from '../../scripts/bench/pty.js';
import { CLI, TEST_HISTORY } from '../helpers/cli.js';
import { describeWithTools, requireTool } from '../helpers/tools.js';

const tools = [requireTool('script', 'util-linux')];

let far: FloodFarEnd | undefined;
let pty: PtyProcess | undefined;
afterEach(async () => {
  await pty?.kill();
  await far?.close();
});

/** The highest flood line number the console has shown so far (lines are `NNNNNNNN 0123…`). */
function lastLineNumber(output: string): number {
  const numbers = [...output.matchAll(/(\d{8}) 0123456789/g)].map((m) => Number(m[1]));
  return numbers.length > 0 ? Math.max(...numbers) : -1;
}

describeWithTools(tools, 'the console under a tcp flood from a far end it did not write', () => {
  test('typed keys show on the input line while the far end floods as fast as the socket takes, and the flood goes on after', async () => {
    // Long enough that it cannot end during the test: the echo must come while it runs.
    far = await startFloodFarEnd({ durationMs: 600_000 });
    pty = new PtyProcess(`node ${CLI} tcp:127.0.0.1:${far.port} --no-reconnect`, {
      env: { SIS_CONSOLE_HISTORY: '', SIS_HISTORY: TEST_HISTORY },
    });
    let output = '';
    pty.onOutput((text) => {
      output = (output + text).slice(-200_000);
    });
    await pty.waitFor('sis> ', 60_000);
    // Line mode once the prompt has settled: a typed key then shows on the console's own input line.
    for (;;) {
      const shown = pty.waitFor('sis> a', 2_000).then(() => true, () => false);
      pty.write('a');
      if (await shown) break;
    }
    pty.write('\x15flood\r');
    await pty.waitFor(/\d{8} 0123456789/, 60_000);
    for (const key of 'qzj') {
      const echoed = pty.waitFor(key === 'q' ? 'q' : key === 'z' ? 'qz' : 'qzj', 60_000);
      pty.write(key);
      await echoed;
    }
    const atEcho = lastLineNumber(output);
    expect(atEcho).toBeGreaterThan(0);
    // The far end is still sending: more numbered lines reach the screen after the echo.
    const later = await new Promise<number>((resolve) => {
      const off = pty!.onOutput(() => {
        const n = lastLineNumber(output);
        if (n > atEcho + 1000) {
          off();
          resolve(n);
        }
      });
    });
    expect(later).toBeGreaterThan(atEcho);
    expect(output).not.toContain('flood done');
  }, 180_000);
});
