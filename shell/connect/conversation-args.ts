import { createPromptPattern, SIS_PROMPT_SOURCE, timingFor, type EngineTiming, type PromptPattern } from '../engine/index.js';
import type { TargetSpec } from './connect-options.js';
import { integerIn, ValueReader } from './values.js';

/** The line rate the settle time scales with: a device's or paced model's baud; none for sockets. */
export function targetBaud(target: TargetSpec): number | null {
  if (target.kind === 'socket') return null;
  return target.line?.baudRate ?? null;
}

/** The `node:util` parseArgs options of every command that talks to a target through the engine. */
export const CONVERSATION_ARGS = {
  prompt: { type: 'string' },
  raw: { type: 'boolean' },
  'quiet-ms': { type: 'string' },
  'idle-exit': { type: 'string' },
} as const;

export const CONVERSATION_USAGE = `Conversation:
  --prompt REGEX      the target's prompt, tested on the current line once escapes and controls
                      are removed (default '${SIS_PROMPT_SOURCE}'). A command has finished when its
                      echo has come and a bare match is the last thing received for a settle time
                      (80 ms + 20 characters at the line rate); a match with text after it
                      ('sis> [TIMER] ...') finishes nothing. While a match is known the console is
                      in line mode (editor, completion, queue); until then keys pass through raw
  --raw               raw mode throughout: every key goes to the target as typed
  --quiet-ms MS       with the prompt unknown, a line is sent once the output has been quiet this
                      long (default 400)
  --idle-exit MS      plain mode, prompt unknown: after stdin ends, exit once the output has been
                      quiet this long (default 1000)`;

export interface ConversationSettings {
  prompt: PromptPattern;
  raw: boolean;
  timing: EngineTiming;
  idleExitMs: number;
}

type ConversationValues = Readonly<Record<string, unknown>>;

export type ConversationParse = { ok: true; settings: ConversationSettings } | { ok: false; message: string };

/** Reads the conversation options; `baud` scales the settle time to the line rate. */
export function readConversationOptions(values: ConversationValues, baud: number | null): ConversationParse {
  const reader = new ValueReader(values);
  const quietMs = reader.read('quiet-ms', integerIn(10, 600_000), 'an integer 10..600000 (ms)');
  const idleExitMs = reader.read('idle-exit', integerIn(10, 3_600_000), 'an integer 10..3600000 (ms)');
  if (reader.error !== undefined) return { ok: false, message: reader.error };
  const source = typeof values.prompt === 'string' ? values.prompt : SIS_PROMPT_SOURCE;
  const prompt = createPromptPattern(source);
  if (!prompt.ok) return prompt;
  return {
    ok: true,
    settings: {
      prompt: prompt.pattern,
      raw: values.raw === true,
      timing: timingFor({ baud, ...(quietMs !== undefined && { quietMs }) }),
      idleExitMs: idleExitMs ?? 1000,
    },
  };
}

export function defaultConversation(): ConversationSettings {
  const parsed = readConversationOptions({}, null);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.settings;
}
