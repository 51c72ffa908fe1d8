export interface RssSample {
  /** Wall ms since sampling started. */
  readonly atMs: number;
  readonly rssBytes: number;
}

export interface RssReport {
  readonly samples: number;
  readonly startMb: number;
  readonly peakMb: number;
  readonly endMb: number;
  /** Least-squares slope over all samples, MB per minute. */
  readonly slopeMbPerMin: number;
  /** The same over the second half only (start-up growth left out). */
  readonly lateSlopeMbPerMin: number;
}

const MB = 1024 * 1024;

/** Samples this process's resident set size every `everyMs` until stopped. */
export function sampleRss(everyMs: number, rss: () => number = () => process.memoryUsage.rss()): { stop(): RssReport } {
  const started = Date.now();
  const samples: RssSample[] = [{ atMs: 0, rssBytes: rss() }];
  const timer = setInterval(() => samples.push({ atMs: Date.now() - started, rssBytes: rss() }), everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      samples.push({ atMs: Date.now() - started, rssBytes: rss() });
      return summarise(samples);
    },
  };
}

export function summarise(samples: readonly RssSample[]): RssReport {
  const mb = (s: RssSample): number => s.rssBytes / MB;
  return {
    samples: samples.length,
    startMb: mb(samples[0]!),
    peakMb: Math.max(...samples.map(mb)),
    endMb: mb(samples[samples.length - 1]!),
    slopeMbPerMin: slope(samples),
    lateSlopeMbPerMin: slope(samples.slice(Math.floor(samples.length / 2))),
  };
}

/** Least-squares slope of RSS (MB) over time (minutes); 0 with fewer than two samples. */
function slope(samples: readonly RssSample[]): number {
  if (samples.length < 2) return 0;
  const xs = samples.map((s) => s.atMs / 60_000);
  const ys = samples.map((s) => s.rssBytes / MB);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}
