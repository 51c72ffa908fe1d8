import { randomBytes } from 'node:crypto';
import { createLiveFeed, type LiveFeed, type LiveSnapshot } from '../tui/live-state/index.js';
import type { Attachment, AttachEvent } from './attach.js';
import type { WireLaunch, WireMessage } from './wire.js';

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

export function createHub(attachment: Attachment): Hub {
  const viewers = new Set<(message: WireMessage) => void>();
  const feed: LiveFeed = createLiveFeed({ minIntervalMs: LIVE_INTERVAL_MS });
  let seq = 0;
  /** A line was sent and its echo has not come back yet. */
  let pending = false;
  /** An echoed command whose prompt has not returned. */
  let inCommand = false;
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
  const isBusy = (): boolean => pending || inCommand || feed.getSnapshot().test?.phase === 'running';
  const busyChanged = (): void => {
    const busy = isBusy();
    if (busy === lastBusy) return;
    lastBusy = busy;
    broadcast({ type: 'busy', busy });
  };
  const setLaunch = (next: WireLaunch): void => {
    launch = next;
    broadcast({ type: 'launch', launch: next });
  };
  const unsubscribeFeed = feed.subscribe(() => {
    broadcast({ type: 'live', live: feed.getSnapshot() });
    busyChanged();
  });

  function onEvent(event: AttachEvent): void {
    switch (event.type) {
      case 'raw':
        keep(event.bytes);
        broadcast({ type: 'raw', data: Buffer.from(event.bytes).toString('base64') });
        return;
      case 'link':
        broadcast({ type: 'link', link: event.link });
        if (event.link.status !== 'connected') {
          pending = false;
          inCommand = false;
          if (launch?.status === 'running') setLaunch({ ...launch, status: 'lost' });
          busyChanged();
        }
        return;
      case 'recorded':
        if (launch?.status === 'running' && (event.command === launch.command || (event.command === null && inCommand))) {
          setLaunch({ ...launch, entryIds: [...launch.entryIds, ...event.ids] });
        }
        broadcast({ type: 'recorded', ids: event.ids });
        return;
      case 'parsed':
        for (const parsed of event.events) {
          broadcast({ type: 'parsed', seq: seq++, event: parsed });
          const echo = parsed.type === 'command' || (pending && parsed.type === 'other' && parsed.text.trim() === launch?.command);
          if (echo) {
            pending = false;
            inCommand = true;
          } else if (parsed.type === 'prompt') {
            const ended = inCommand;
            inCommand = false;
            if (launch?.status === 'running' && ended) setLaunch({ ...launch, status: 'finished' });
          }
        }
        feed.push(event.events);
        busyChanged();
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
        const what = launch?.status === 'running' ? `run ${launch.id} (${launch.command})` : 'a command';
        return { ok: false, status: 409, code: 'busy', message: `${what} is running; one run at a time` };
      }
      pending = true;
      const started: WireLaunch = { id: randomBytes(6).toString('hex'), command: line, status: 'running', entryIds: [] };
      setLaunch(started);
      busyChanged();
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
