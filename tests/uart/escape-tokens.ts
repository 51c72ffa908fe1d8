import { CONTROL, EscapeTokenizer, NONE, TEXT, type EscapeTokenizerOptions, type Token } from '../../uart/index.js';

/** A token as a plain value, for comparing whole token sequences. */
export type Tok =
  | { text: string }
  | { control: number }
  | { kind: string; seq: string; final: number; ends?: string; preview?: string; length?: number };

function take(tokenizer: EscapeTokenizer, token: Token, out: Tok[]): void {
  for (let t = token; t !== NONE; t = tokenizer.next()) {
    if (t === TEXT) {
      const text = tokenizer.chunk.slice(tokenizer.start, tokenizer.stop);
      const last = out[out.length - 1];
      // A run cut by a chunk boundary comes as two runs: one run, however the stream was cut.
      if (last && 'text' in last) last.text += text;
      else out.push({ text });
    } else if (t === CONTROL) out.push({ control: tokenizer.code });
    else if (tokenizer.kind === 'string') {
      const { kind, seq, final, ends, preview, length } = tokenizer;
      out.push({ kind, seq, final, ends, preview, length });
    } else out.push({ kind: tokenizer.kind, seq: tokenizer.seq, final: tokenizer.final });
  }
}

/** Every token of `chunks` fed in order, then `end()`. */
export function tokens(chunks: readonly string[], options: EscapeTokenizerOptions = {}): Tok[] {
  const tokenizer = new EscapeTokenizer(options);
  const out: Tok[] = [];
  for (const chunk of chunks) {
    tokenizer.push(chunk);
    take(tokenizer, tokenizer.next(), out);
  }
  take(tokenizer, tokenizer.end(), out);
  return out;
}

/** `text` cut at `cuts` (sorted offsets). */
export function cutAt(text: string, cuts: readonly number[]): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    pieces.push(text.slice(from, cut));
    from = cut;
  }
  pieces.push(text.slice(from));
  return pieces;
}
