import { Kernel } from '../../kernel/index.js';
import { startKernelHost } from '../../shell/connect/kernel-host.js';
import type { FrameSettings } from '../../uart/index.js';

/**
 * Bytes per virtual second the paced virtual UART delivers while saturated: the model answers
 * `help stresstest` several times (about 20 KB) and the rate is taken from the first to the last
 * delivered chunk, on the kernel's clock.
 */
export async function pacedRate(line: FrameSettings): Promise<number> {
  const kernel = new Kernel({ seed: 1 });
  // With autonomy off the controller prints no tick lines into the measured stream.
  kernel.setAutonomy(false);
  const chunks: Array<{ atUs: number; bytes: number }> = [];
  let text = '';
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const host = startKernelHost({
    kernel,
    speed: 'max',
    line,
    emit: (bytes) => {
      chunks.push({ atUs: kernel.nowUs, bytes: bytes.length });
      text += Buffer.from(bytes).toString('latin1');
      if (text.split('sis> ').length - 1 === 6) done();
    },
  });
  chunks.length = 0;
  host.receive(Buffer.from('help stresstest\r'.repeat(5)));
  await finished;
  host.stop();
  const first = chunks[0]!;
  const last = chunks[chunks.length - 1]!;
  const bytes = chunks.slice(1).reduce((sum, c) => sum + c.bytes, 0);
  return bytes / ((last.atUs - first.atUs) / 1e6);
}
