import type { ParserEvent } from '../parser/index.js';
import type { LiveSnapshot } from '../tui/live-state/index.js';

/** Link to the target as the dashboard shows it; `retryInMs` while waiting to reconnect. */
export type WireLink =
  | { status: 'connecting' | 'connected'; target: string }
  | { status: 'waiting'; target: string; attempt: number; retryInMs: number; error: string }
  | { status: 'disconnected'; target: string; error: string | null };

/** A run started from the dashboard, from the POST until its prompt returns. */
export interface WireLaunch {
  id: string;
  command: string;
  /** `running` until its prompt returns; `finished` with the history ids it produced; `lost` (link down, reboot) or `refused` with `detail`. */
  status: 'running' | 'finished' | 'lost' | 'refused';
  entryIds: string[];
  /** The conversation engine's id of the command, once sent. */
  commandId: number | null;
  detail: string | null;
}

/** The conversation engine as viewers see it. */
export interface WireEngine {
  /** `line` while the target's prompt is known; `raw` otherwise (keys pass through). */
  mode: 'line' | 'raw';
  atPrompt: boolean;
  /** The command running, as sent. */
  running: string | null;
  queued: number;
}

/**
 * Messages on `GET /events`, one JSON object per WebSocket message. `hello` comes first and
 * carries everything a late viewer needs; `parsed` is every parser event in order; `raw` is the
 * UART bytes for the terminal (base64, so any byte survives JSON).
 */
export type WireMessage =
  | {
      type: 'hello';
      link: WireLink;
      live: LiveSnapshot;
      launch: WireLaunch | null;
      write: boolean;
      busy: boolean;
      engine: WireEngine;
      /** The last 64 KiB of UART bytes (base64), for the terminal. */
      scrollback: string;
    }
  /** `command`: the engine's id of the command the event belongs to (null between commands). */
  | { type: 'parsed'; seq: number; command: number | null; event: ParserEvent }
  | { type: 'engine'; engine: WireEngine }
  | { type: 'raw'; data: string }
  /** The live state, at most every 50 ms while it changes. */
  | { type: 'live'; live: LiveSnapshot }
  | { type: 'link'; link: WireLink }
  | { type: 'busy'; busy: boolean }
  | { type: 'launch'; launch: WireLaunch }
  | { type: 'recorded'; ids: string[] };

/**
 * What a viewer may send: keys typed at the web terminal in raw mode (base64), a line edited
 * in the page in line mode (queued by the engine like the console's), or Ctrl-C.
 */
export type WireInput = { type: 'input'; data: string } | { type: 'line'; text: string } | { type: 'interrupt' };

/** One row of `GET /api/stress/runs`. */
export interface RunRow {
  id: string;
  recorded_at: string;
  kind: 'run' | 'compare';
  type: string;
  verdict: string | null;
  command: string | null;
  key_metrics: string;
  target: string;
  source: string;
}

export interface MetricDelta {
  key: string;
  a: number | null;
  b: number | null;
  /** b − a, null when either is missing. */
  delta: number | null;
  /** (b − a) / |a| × 100, null when a is 0 or missing. */
  delta_pct: number | null;
}
