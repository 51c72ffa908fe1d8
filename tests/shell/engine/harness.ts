import { Conversation, createPromptPattern, timingFor, type ConversationOptions, type EngineEvent } from '../../../shell/engine/index.js';

export const latin1 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export interface Harness {
  readonly engine: Conversation;
  readonly events: EngineEvent[];
  /** Everything sent, as latin1 text. */
  sent(): string;
  now(): number;
  rx(text: string | Uint8Array): void;
  /** Moves time on by `ms`, running every deadline on the way, as a host's timers would. */
  advance(ms: number): void;
  ofType<T extends EngineEvent['type']>(type: T): Array<Extract<EngineEvent, { type: T }>>;
  /** Received bytes attributed to each command id ('null' for none), as latin1 text. */
  attributed(): Map<number | null, string>;
}

export function harness(options: Partial<Omit<ConversationOptions, 'prompt'>> & { prompt?: string; baud?: number } = {}): Harness {
  const parsed = createPromptPattern(options.prompt);
  if (!parsed.ok) throw new Error(parsed.message);
  let now = 0;
  const sends: Uint8Array[] = [];
  const events: EngineEvent[] = [];
  const engine = new Conversation({
    timing: timingFor({ baud: options.baud ?? null }),
    unknownPrompt: 'quiet',
    ...options,
    prompt: parsed.pattern,
    send: (bytes) => sends.push(bytes),
    emit: (event) => events.push(event),
  });
  const h: Harness = {
    engine,
    events,
    sent: () => sends.map((b) => Buffer.from(b).toString('latin1')).join(''),
    now: () => now,
    rx(text) {
      engine.receive(typeof text === 'string' ? latin1(text) : text, now);
    },
    advance(ms) {
      const end = now + ms;
      for (let next = engine.nextDeadline(); next !== null && next <= end; next = engine.nextDeadline()) {
        now = Math.max(now, next);
        engine.tick(now);
      }
      now = end;
    },
    ofType: (type) => events.filter((e) => e.type === type) as never,
    attributed() {
      const out = new Map<number | null, string>();
      for (const e of events) {
        if (e.type !== 'received') continue;
        out.set(e.command, (out.get(e.command) ?? '') + Buffer.from(e.chunk).toString('latin1'));
      }
      return out;
    },
  };
  return h;
}
