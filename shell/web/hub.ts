import { randomBytes } from 'node:crypto';
import type { EngineView } from '../engine/index.js';
import { createLiveFeed, type LiveFeed, type LiveSnapshot } from '../tui/live-state/index.js';
import type { Attachment, AttachEvent } from './attach.js';
import type { WireEngine, WireLaunch, WireMessage } from './wire.js';

export type StartResult =
  | { ok: true; launch: WireLaunch }
  | { ok: false; status: 409 | 503; code: 'busy' | 'link_down'; message: string };

export type CancelResult = { ok: true; launch: WireLaunch | null } | { ok: false; status: 409; code: 'idle'; message: string };

/**
 * The dashboard's one view of the target, shared by every viewer: the live state (the TUI's
 * live store behind its throttle), whether a command runs, the run launched from here, and the
 * fan-out of messages to WebSocket viewers. One run at a time; viewers come and go freely.
 */
export interface Hub {
  readonly attachment: Attachment;
  live(): LiveSnapshot;
  readonly busy: boolean;
  readonly launch: WireLaunch | null;
  start(line: string): StartResult;
  cancel(): CancelResult;
  /** `send` gets every message from now on; the caller sends `hello(write)` first. */
  subscribe(send: (message: WireMessage) => void): () => void;
  hello(write: boolean): WireMessage;
  close(): void;
}

/** Least time between two `live` snapshots sent to viewers, in ms (20 per second at most). */
const LIVE_INTERVAL_MS = 50;
/** UART bytes a new viewer's terminal starts with. */
const SCROLLBACK_BYTES = 64 * 1024;

export function wireEngine(view: EngineView): WireEngine {
  return { mode: view.mode, atPrompt: view.atPrompt, running: view.running?.line ?? null, queued: view.queued.length };
}

export function createHub(attachment: Attachment): Hub {
  const viewers = new Set<(message: WireMessage) => void>();
  const feed: LiveFeed = createLiveFeed({ minIntervalMs: LIVE_INTERVAL_MS });
  let seq = 0;
  let lastBusy = false;
  let launch: WireLaunch | null = null;
  let scrollback: Buffer[] = [];
  let scrollbackBytes = 0;
  const keep = (bytes: Uint8Array): void => {
    scrollback.push(Buffer.from(bytes));
    scrollbackBytes += bytes.length;
    while (scrollbackBytes - scrollback[0]!.length >= SCROLLBACK_BYTES) scrollbackBytes -= scrollback.shift()!.length;
  };

  const broadcast = (message: WireMessage): void => {
    for (const send of [...viewers]) send(message);
  };
  /** A command is running or queued, or the stream shows a test running (typed at the web terminal). */
  const isBusy = (): boolean => {
    const engine = attachment.engine;
    return engine.running !== null || engine.queued.length > 0 || launch?.status === 'running' || feed.getSnapshot().test?.phase === 'running';
  };
  const busyChanged = (): void => {
    const busy = isBusy();
    if (busy === lastBusy) return;
    lastBusy = busy;
    broadcast({ type: 'busy', busy });
  };
  const setLaunch = (next: WireLaunch): void => {
    launch = next;
    broadcast({ type: 'launch', launch: next });
    busyChanged();
  };
  const unsubscribeFeed = feed.subscribe(() => {
    broadcast({ type: 'live', live: feed.getSnapshot() });
    busyChanged();
  });
  const ours = (id: number): boolean => launch?.status === 'running' && launch.commandId === id;

  function onEvent(event: AttachEvent): void {
    switch (event.type) {
      case 'raw':
        keep(event.bytes);
        return broadcast({ type: 'raw', data: Buffer.from(event.bytes).toString('base64') });
      case 'link':
        return broadcast({ type: 'link', link: event.link });
      case 'engine':
        broadcast({ type: 'engine', engine: wireEngine(event.view) });
        // Never sent and no longer queued: Ctrl-C cleared the engine's queue.
        if (launch?.status === 'running' && launch.commandId === null && event.view.running === null && event.view.queued.length === 0) {
          setLaunch({ ...launch, status: 'lost', detail: 'dropped from the queue before it was sent' });
        }
        return busyChanged();
      case 'recorded':
        if (event.command !== null && ours(event.command)) setLaunch({ ...launch!, entryIds: [...launch!.entryIds, ...event.ids] });
        return broadcast({ type: 'recorded', ids: event.ids });
      case 'command':
        if (event.phase === 'refused') {
          if (launch?.status === 'running' && launch.commandId === null && event.line === launch.command) {
            setLaunch({ ...launch, status: 'refused', detail: event.message });
          }
        } else if (event.phase === 'sent') {
          if (launch?.status === 'running' && launch.commandId === null && event.command.line === launch.command) {
            setLaunch({ ...launch, commandId: event.command.id });
          }
        } else if (event.phase === 'finished' && ours(event.command.id)) {
          setLaunch({ ...launch!, status: 'finished' });
        } else if (event.phase === 'lost' && ours(event.command.id)) {
          setLaunch({ ...launch!, status: 'lost', detail: event.detail });
        }
        return;
      case 'parsed':
        for (const parsed of event.events) broadcast({ type: 'parsed', seq: seq++, command: event.command, event: parsed });
        feed.push(event.events);
        return busyChanged();
    }
  }
  const detach = attachment.onEvent(onEvent);

  return {
    attachment,
    live: () => feed.getSnapshot(),
    get busy() {
      return isBusy();
    },
    get launch() {
      return launch;
    },
    start(line) {
      if (attachment.link.status !== 'connected') {
        return { ok: false, status: 503, code: 'link_down', message: `the target is not connected (${attachment.link.status})` };
      }
      // The throttled snapshot may lag the stream by up to LIVE_INTERVAL_MS.
      feed.flush();
      if (isBusy()) {
        const running = attachment.engine.running?.line;
        const what = launch?.status === 'running' ? `run ${launch.id} (${launch.command})` : `'${running ?? 'a test'}'`;
        return { ok: false, status: 409, code: 'busy', message: `${what} is running; one run at a time` };
      }
      const started: WireLaunch = { id: randomBytes(6).toString('hex'), command: line, status: 'running', entryIds: [], commandId: null, detail: null };
      setLaunch(started);
      attachment.submit(line);
      return { ok: true, launch: started };
    },
    cancel() {
      feed.flush();
      if (!isBusy()) return { ok: false, status: 409, code: 'idle', message: 'nothing is running' };
      attachment.interrupt();
      return { ok: true, launch: launch?.status === 'running' ? launch : null };
    },
    subscribe(send) {
      viewers.add(send);
      return () => viewers.delete(send);
    },
    hello: (write) => ({
      type: 'hello',
      link: attachment.link,
      live: feed.getSnapshot(),
      launch,
      write,
      busy: isBusy(),
      engine: wireEngine(attachment.engine),
      scrollback: Buffer.concat(scrollback).subarray(-SCROLLBACK_BYTES).toString('base64'),
    }),
    close() {
      detach();
      unsubscribeFeed();
      feed.dispose();
      viewers.clear();
      scrollback = [];
    },
  };
}
