import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { benchHeap } from './bench/heap-bench.js';
import { benchHistogram } from './bench/histogram-bench.js';
import { pacedRate } from './bench/pacing.js';
import { pasteLine } from './bench/paste.js';
import { buildBareInk, STARTUP_COMMANDS, timeToPrompt } from './bench/startup.js';
import { formatSpread, repeat, spread, type Spread } from './bench/stats.js';
import { terminalBytes } from './bench/terminal-bytes.js';
import { tuiFlood } from './bench/tui-flood.js';
import { bellStorm, tcpFloodEcho } from './bench/tui-tcp-flood.js';
import { compareDeviceFlood } from './bench/device-flood.js';
import { pipelineThroughput, rawMockThroughput } from './bench/uart-throughput.js';
import { loadConsumers, measureEscapeThroughput } from './bench/escape-throughput.js';
import { measureVirtualSpeed } from './bench/virtual-speed.js';
import { plainCommandsPerSecond, processVirtualSpeed } from './bench/process-speed.js';
import { coldSplit } from './bench/cold-split.js';

/**
 * `npm run bench`: every figure the issues name, measured in one run on this machine, each with its
 * anchor beside it; medians of several runs with their range, so the machine's noise shows.
 * Writes the table to stdout and everything to .bench/results.json. Run `npm run build` first.
 */
interface Row {
  figure: string;
  value: string;
  anchor: string;
  goal: string;
  met: boolean | null;
}

const rows: Row[] = [];
const json: Record<string, unknown> = {};
const fmt = (digits: number) => (x: number) => x.toFixed(digits);
const section = (name: string) => process.stderr.write(`bench: ${name}...\n`);

function add(row: Row, key: string, data: unknown): void {
  rows.push(row);
  json[key] = data;
}

async function main(): Promise<void> {
  json.machine = { cpus: cpus().length, model: cpus()[0]?.model, loadavgAtStart: loadavg(), node: process.version };

  // Start-up first, while this process is small: a large heap here would slow reading the pty.
  section('start-up (10 runs each, interleaved)');
  await buildBareInk();
  // Node reads the file NODE_EXTRA_CA_CERTS names before any script runs; where the machine sets
  // it, start-up is measured without it too, as most users' Node starts.
  const extraCerts = process.env.NODE_EXTRA_CA_CERTS !== undefined;
  const startupCommands: Record<string, string> = { ...STARTUP_COMMANDS };
  if (extraCerts) {
    startupCommands.sisNoCerts = `env -u NODE_EXTRA_CA_CERTS ${STARTUP_COMMANDS.sis}`;
    startupCommands.nodeENoCerts = `env -u NODE_EXTRA_CA_CERTS ${STARTUP_COMMANDS.nodeE}`;
  }
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(startupCommands).map((name) => [name, []]));
  for (let i = 0; i < 10; i++) for (const [name, command] of Object.entries(startupCommands)) times[name]!.push(await timeToPrompt(command));
  const startup: Record<string, Spread> = Object.fromEntries(Object.entries(times).map(([name, values]) => [name, spread(values)]));
  const withoutCerts = extraCerts
    ? `; without this machine's NODE_EXTRA_CA_CERTS: sis ${formatSpread(startup.sisNoCerts!, fmt(0))}, node -e ${formatSpread(startup.nodeENoCerts!, fmt(0))}`
    : '';
  add(
    {
      figure: 'start-up: time to `sis> ` on a pty (ms)',
      value: formatSpread(startup.sis!, fmt(0)),
      anchor: `bare Ink app, same build ${formatSpread(startup.bareInk!, fmt(0))}; node -e ${formatSpread(startup.nodeE!, fmt(0))}${withoutCerts}`,
      goal: '<= 200',
      met: startup.sis!.median <= 200,
    },
    'startup',
    startup,
  );

  section('1 MB paste (5 runs)');
  const pastes = [];
  for (let i = 0; i < 5; i++) pastes.push(await pasteLine(1_000_000));
  const pasteShown = spread(pastes.map((p) => p.shownMs));
  const pasteEdited = spread(pastes.map((p) => p.editedMs));
  add(
    {
      figure: '1 MB single-line paste: shown / Ctrl-A and a key shown (ms)',
      value: `${formatSpread(pasteShown, fmt(0))} / ${formatSpread(pasteEdited, fmt(0))}`,
      anchor: '-',
      goal: '< 1000',
      met: pasteEdited.median < 1000,
    },
    'paste',
    { shown: pasteShown, edited: pasteEdited },
  );

  section('virtual-time speed');
  for (const [name, command] of [
    ['memory', 'stresstest memory --duration 60000 --seed 1'],
    ['chaos', 'stresstest chaos --duration 60000 --seed 1'],
  ] as const) {
    const ratio = await repeat(7, () => measureVirtualSpeed(command).ratio);
    add(
      { figure: `virtual speed, 60 s ${name} (sim ms / wall ms)`, value: formatSpread(ratio, fmt(0)), anchor: 'real kernel in QEMU: 1', goal: '>= 1000', met: ratio.median >= 1000 },
      `virtualSpeed_${name}`,
      ratio,
    );
  }

  section('virtual-time speed, whole process (plain mode, METRIC on)');
  for (const name of ['memory', 'chaos'] as const) {
    const ratio = await repeat(5, () => processVirtualSpeed(name));
    add(
      {
        figure: `virtual speed, 60 s ${name}, whole process (sim ms / wall ms)`,
        value: formatSpread(ratio, fmt(0)),
        anchor: 'the kernel alone, row above',
        goal: '>= 2000',
        met: ratio.median >= 2000,
      },
      `processSpeed_${name}`,
      ratio,
    );
  }

  section('whole process: kernel and host path, each cold');
  for (const name of ['memory', 'chaos'] as const) {
    const splits = [0, 1, 2, 3, 4].map(() => coldSplit(name));
    const kernelMs = spread(splits.map((s) => s.kernelMs));
    const hostMs = spread(splits.map((s) => s.hostMs));
    add(
      {
        figure: `60 s ${name} in a fresh process: kernel alone / engine+parser+results on its ${splits[0]!.lines} lines (wall ms)`,
        value: `${formatSpread(kernelMs, fmt(0))} / ${formatSpread(hostMs, fmt(0))}`,
        anchor: `kernel alone cold = ${fmt(0)(60_000 / kernelMs.median)}x, the bound for the whole process`,
        goal: '-',
        met: null,
      },
      `coldSplit_${name}`,
      { kernelMs, hostMs, lines: splits[0]!.lines },
    );
  }

  section('plain mode: 2000 help commands');
  const commands = await repeat(5, () => plainCommandsPerSecond());
  add(
    { figure: 'commands per second through plain mode (2000 `help`, start-up subtracted)', value: formatSpread(commands, fmt(0)), anchor: '-', goal: 'within 10 % of before the engine', met: null },
    'plainCommands',
    commands,
  );

  section('histogram');
  const histogramRuns = [benchHistogram(), benchHistogram(), benchHistogram()];
  const ours = spread(histogramRuns.map((r) => r.oursNsPerRecord));
  const hdr = spread(histogramRuns.map((r) => r.hdrNsPerRecord));
  const worst = Math.max(...histogramRuns.map((r) => r.oursWorstErrorPct));
  add(
    {
      figure: 'histogram record (ns) / worst percentile error',
      value: `${formatSpread(ours, fmt(1))} / ${worst.toFixed(3)} %`,
      anchor: `hdr-histogram-js (JS): ${formatSpread(hdr, fmt(1))} / ${Math.max(...histogramRuns.map((r) => r.hdrWorstErrorPct)).toFixed(3)} %`,
      goal: '>= 5x faster, <= 1 %',
      met: hdr.median / ours.median >= 5 && worst <= 1,
    },
    'histogram',
    { ours, hdr, speedup: hdr.median / ours.median, worstErrorPct: worst, runs: histogramRuns },
  );

  section('heap');
  const heap = spread([benchHeap().nsPerOp, benchHeap().nsPerOp, benchHeap().nsPerOp]);
  add({ figure: 'heap alloc/free (ns/op)', value: formatSpread(heap, fmt(0)), anchor: '-', goal: '-', met: null }, 'heap', heap);

  section('UART throughput');
  const raw = await repeat(3, () => rawMockThroughput());
  const pipeline = await repeat(3, async () => (await pipelineThroughput('help stresstest')).mbPerSecond);
  add(
    {
      figure: 'kernel -> virtual UART -> console parser -> log (MB/s; 2000 pasted `help stresstest`)',
      value: formatSpread(pipeline, fmt(1)),
      anchor: `raw mock binding, 4 KiB chunks: ${formatSpread(raw, fmt(1))}`,
      goal: '>= 20',
      met: pipeline.median >= 20,
    },
    'uartThroughput',
    { pipeline, raw },
  );

  section('escape-sequence consumers');
  const escapes = measureEscapeThroughput([await loadConsumers('.')], 5);
  const escapeCell = (consumer: string) =>
    escapes
      .filter((r) => r.consumer === consumer)
      .map((r) => r.spreads[0]!.median.toFixed(0))
      .join(' / ');
  const slowest = Math.min(...escapes.filter((r) => r.consumer !== 'clear').map((r) => r.spreads[0]!.median));
  add(
    {
      figure: 'escape tokenizer consumers, plain / SGR-full 80-char lines (MB per CPU s): log strip; sanitise; parser clean',
      value: `${escapeCell('strip')}; ${escapeCell('sanitize')}; ${escapeCell('clean')}`,
      anchor: 'device flood at 160 000 lines/s: 13 MB/s',
      goal: '>= 13',
      met: slowest >= 13,
    },
    'escapeThroughput',
    escapes,
  );

  section('pacing');
  for (const [baud, expected] of [
    [115200, 11520],
    [9600, 960],
  ] as const) {
    const rate = await pacedRate({ baud });
    const errorPct = ((rate - expected) / expected) * 100;
    add(
      { figure: `pacing ${baud} 8N1 (B/s, virtual time)`, value: `${rate.toFixed(1)} (${errorPct >= 0 ? '+' : ''}${errorPct.toFixed(2)} %)`, anchor: `line rate ${expected}`, goal: '±2 %', met: Math.abs(errorPct) <= 2 },
      `pacing_${baud}`,
      { rate, expected, errorPct },
    );
  }

  section('terminal bytes per device byte, 10 s memory test (3 runs, about 40 s)');
  const bytesRuns = [await terminalBytes(), await terminalBytes(), await terminalBytes()];
  const bytesRatio = spread(bytesRuns.map((r) => r.ratio));
  add(
    {
      figure: 'terminal bytes written per device byte, 10 s memory test on 120x40',
      value: `${formatSpread(bytesRatio, fmt(2))} (${bytesRuns[0]!.terminalBytes} B for ${bytesRuns[0]!.deviceBytes} B)`,
      anchor: 'before the live region: 12.4 (274 KB for 22 KB)',
      goal: '<= 3',
      met: bytesRatio.median <= 3,
    },
    'terminalBytes',
    { ratio: bytesRatio, runs: bytesRuns },
  );

  section('console flood (about a minute)');
  const flood = await tuiFlood();
  add(
    { figure: 'console flood (lines/s shown)', value: flood.linesPerSecond.toFixed(0), anchor: 'Ink <Static> per line ~7 000; chunked stdout ~270 000', goal: '>= 50 000', met: flood.linesPerSecond >= 50_000 },
    'flood',
    flood,
  );
  add(
    { figure: 'keystroke echo during the flood, p99 (ms)', value: `${flood.echoMs.p99.toFixed(1)} (median ${flood.echoMs.median.toFixed(1)}, n=${flood.keystrokes})`, anchor: '-', goal: '<= 50', met: flood.echoMs.p99 <= 50 },
    'echo',
    flood.echoMs,
  );
  add(
    { figure: `console RSS after ${flood.totalLines.toLocaleString('en-US')} lines (MB)`, value: flood.rssMiB.toFixed(0), anchor: '-', goal: '< 200, flat', met: flood.rssMiB < 200 },
    'rss',
    { rssMiB: flood.rssMiB, lines: flood.totalLines },
  );

  section('tcp flood from a plain node server: echo, 3 runs each at 5 MB/s and unpaced');
  for (const [name, rate] of [
    ['5 MB/s', 5_000_000],
    ['unpaced', undefined],
  ] as const) {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await tcpFloodEcho(rate));
    const p99 = spread(runs.map((r) => r.echoMs.p99));
    const median = spread(runs.map((r) => r.echoMs.median));
    const mbps = spread(runs.map((r) => r.receivedMBps));
    add(
      {
        figure: `keystroke echo under a ${name} tcp flood, p99 (ms)`,
        value: `${formatSpread(p99, fmt(1))} (median ${median.median.toFixed(1)}, n=${runs.reduce((n, r) => n + r.keystrokes, 0)})`,
        anchor: `far end sent ${formatSpread(mbps, fmt(1))} MB/s`,
        goal: '<= 50',
        met: p99.median <= 50,
      },
      `tcpFloodEcho_${name === 'unpaced' ? 'unpaced' : '5MBps'}`,
      { p99, median, mbps, runs },
    );
  }

  section('bell storm: 3 s of BEL bytes at 5 MB/s over tcp');
  const storm = await bellStorm();
  add(
    {
      figure: 'bell storm, 3 s: bells rung (most in one second) / bytes written to the terminal',
      value: `${storm.bellsRung} (${storm.mostInOneSecond}) / ${storm.terminalBytes.toLocaleString('en-US')}`,
      anchor: `${storm.bellsSent.toLocaleString('en-US')} BEL bytes received`,
      goal: '<= 4 bells a second',
      met: storm.mostInOneSecond <= 4,
    },
    'bellStorm',
    storm,
  );

  // Seven runs each, in turns: on two cores either console's rate moves by a third from run to run.
  section('device flood beside picocom: socat pty pair, 200 000 lines, 7 runs each');
  for (const content of ['plain', 'chaos'] as const) {
    const flood = await compareDeviceFlood(content, 7);
    add(
      {
        figure: `device flood, ${content === 'plain' ? '80-character lines' : '[CHAOS] lines (live panel)'}: sis lines/s (ratio to picocom)`,
        value: `${formatSpread(flood.sis, fmt(0))} (${formatSpread(flood.ratio, fmt(2))})`,
        anchor: `picocom ${formatSpread(flood.picocom, fmt(0))}`,
        goal: 'ratio >= 1.0',
        met: flood.ratio.median >= 1,
      },
      `deviceFlood_${content}`,
      flood,
    );
  }

  json.loadavgAtEnd = loadavg();
  mkdirSync('.bench', { recursive: true });
  writeFileSync('.bench/results.json', `${JSON.stringify(json, null, 2)}\n`);
  printTable();
}

function printTable(): void {
  const header: Row = { figure: 'figure', value: 'measured (median, range)', anchor: 'anchor', goal: 'goal', met: null };
  const cells = [header, ...rows].map((r) => [r.figure, r.value, r.anchor, r.goal, r.met === null ? '' : r.met ? 'met' : 'MISSED']);
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
  for (const c of cells) process.stdout.write(`${c.map((v, i) => v.padEnd(widths[i]!)).join(' | ')}\n`);
  process.stdout.write(`\n(also in .bench/results.json; machine: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')})\n`);
}

await main();
