import { Text } from 'ink';
import type { ControlLines, LineSettings, ModemLines, Traffic } from '../../../uart/index.js';
import { textWidth, truncateStart } from './format.js';
import { controlLinesText, lineSettingsText, modemLinesText, trafficText } from './line-status.js';

export type LinkState =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'waiting'; retryInMs: number }
  | { kind: 'disconnected'; reason?: string | null };

export interface StatusLineProps {
  /** `virtual`, `/dev/ttyUSB0`, `tcp:127.0.0.1:4444`, … */
  transport: string;
  link: LinkState;
  /** Terminal columns available. */
  width: number;
  baud?: number | null;
  /** As last seen on the stream; omitted while unknown. */
  autonomy?: boolean | null;
  logFile?: string | null;
  seed?: string | null;
  /** `realtime`, `max`, `10x`, … */
  speed?: string | null;
  /** Lines waiting to be sent, e.g. `2 queued: help`; shown before anything else optional. */
  queue?: string | null;
  /** The engine's mode: `raw` (keys pass through) or `line` (editor and queue). */
  mode?: 'raw' | 'line' | null;
  /** Trailing hint such as `Ctrl-D quits`. */
  hint?: string | null;
  /** The line as the port reports it; parts it does not report are absent and not shown. */
  line?: {
    readonly settings?: LineSettings;
    readonly modem?: ModemLines;
    readonly control?: Required<ControlLines>;
    readonly traffic?: Traffic;
  } | null;
  /** The log's write failure: shown early, in red, instead of `log FILE`. */
  logError?: string | null;
}

interface Segment {
  text: string;
  color?: string;
  dim?: boolean;
}

/**
 * Plain ASCII on purpose: the status line is in the console's first frame, which is drawn before
 * Ink is loaded, and outside the bundle Ink's string-width builds its emoji tables (tens of ms) on
 * the first text that is not ASCII.
 */
const SEPARATOR = ' | ';

function linkText(link: LinkState): { mark: string; state: string; color: string } {
  switch (link.kind) {
    case 'connected':
      return { mark: '*', state: 'connected', color: 'green' };
    case 'connecting':
      return { mark: 'o', state: 'connecting...', color: 'yellow' };
    case 'waiting':
      return { mark: 'o', state: `waiting, retry in ${Math.ceil(Math.max(0, link.retryInMs) / 1000)}s`, color: 'yellow' };
    case 'disconnected':
      return { mark: 'x', state: link.reason ? `disconnected (${link.reason})` : 'disconnected', color: 'red' };
  }
}

/** Optional segments, most important first: the last ones are dropped first when space runs out. */
function optionalSegments(p: StatusLineProps): Segment[] {
  const out: Segment[] = [];
  const line = p.line ?? {};
  const dropped = line.control && controlLinesText(line.control);
  const modem = line.modem && modemLinesText(line.modem);
  if (p.queue) out.push({ text: p.queue, color: 'yellow' });
  if (p.logError) out.push({ text: p.logError, color: 'red' });
  if (p.mode) out.push({ text: p.mode === 'raw' ? 'keys raw' : 'line mode', color: p.mode === 'raw' ? 'cyan' : undefined });
  if (dropped) out.push({ text: dropped, color: 'yellow' });
  if (line.settings) out.push({ text: lineSettingsText(line.settings) });
  if (p.logFile && !p.logError) out.push({ text: `log ${p.logFile}` });
  if (p.autonomy != null) out.push({ text: `autonomy ${p.autonomy ? 'ON' : 'OFF'}`, color: p.autonomy ? 'green' : 'gray' });
  if (modem) out.push({ text: modem });
  if (line.traffic) out.push({ text: trafficText(line.traffic) });
  if (p.speed) out.push({ text: `speed ${p.speed}` });
  if (p.seed) out.push({ text: `seed ${p.seed}` });
  if (p.baud && !line.settings) out.push({ text: `${p.baud} baud` });
  if (p.hint) out.push({ text: p.hint, dim: true });
  return out;
}

/**
 * One line: link mark, transport and state, then the queue, a log failure, the key mode, DTR/RTS
 * while dropped, line settings, log file, autonomy, modem lines, RX/TX bytes, speed, seed, baud and hint.
 * Segments that do not fit are dropped from the end; a transport still too long loses its start.
 */
export function StatusLine(props: StatusLineProps) {
  const width = Math.max(1, props.width);
  const link = linkText(props.link);
  const stateText = ` ${link.state}`;
  const fixed = textWidth(link.mark) + 1 + textWidth(stateText);
  const transport = truncateStart(props.transport, width - fixed);
  let used = fixed + textWidth(transport);
  const segments: Segment[] = [];
  for (const segment of optionalSegments(props)) {
    const w = SEPARATOR.length + textWidth(segment.text);
    if (used + w > width) break;
    segments.push(segment);
    used += w;
  }
  return (
    <Text wrap="truncate-end">
      <Text color={link.color}>{link.mark}</Text> <Text bold>{transport}</Text>
      <Text color={link.color}>{stateText}</Text>
      {segments.map((s, i) => (
        <Text key={i}>
          <Text dimColor>{SEPARATOR}</Text>
          <Text color={s.color} dimColor={s.dim}>
            {s.text}
          </Text>
        </Text>
      ))}
    </Text>
  );
}
