import { Text } from 'ink';
import { MAP_FLAG_ROWS, wholePercent } from '../connect/index.js';
import { PROTOCOL_KEYS, type Asking } from './use-terminal-features.js';
import { progressBar } from './views/progress-bar.js';

/** What the bottom line says while a Ctrl-T e/n/y/s prompt or a transfer is open. */
export function promptLine(asking: Asking, mapText: string, defaultProtocol: string, width: number): string {
  switch (asking.kind) {
    case 'hex':
      return `hex bytes> ${asking.text}_   (e.g. 1b 5b 41 or ^C; Enter sends, Esc cancels)`;
    case 'path':
      return `send file> ${asking.text}_   (Enter, then the protocol; Esc cancels)`;
    case 'protocol':
      return `send ${asking.path} (${asking.bytes.length} bytes) as: ${PROTOCOL_KEYS.map(([k, p]) => `${k} ${p}`).join(' · ')}` +
        ` · Enter ${defaultProtocol} · Esc cancels`;
    case 'map':
      return `map ${mapText}: toggle ${MAP_FLAG_ROWS.map((row) => `${row.key} ${row.flag}`).join(' · ')} · Enter done`;
    case 'sending': {
      const pct = asking.total === 0 ? 100 : (asking.sent / asking.total) * 100;
      const how = asking.protocol === 'raw' ? '' : ` by ${asking.protocol}`;
      const head = `sending ${asking.path}${how} `;
      const tail = ` ${wholePercent(asking.sent, asking.total)}%  ${asking.sent}/${asking.total} bytes  Ctrl-C cancels`;
      const room = Math.max(0, Math.min(40, width - head.length - tail.length - 1));
      const bar = progressBar(pct, room);
      return `${head}${bar.filled}${bar.empty}${tail}`;
    }
  }
}

export function TerminalPrompt(props: { asking: Asking; mapText: string; defaultProtocol: string; width: number }) {
  return (
    <Text color="cyan" wrap="truncate-end">
      {promptLine(props.asking, props.mapText, props.defaultProtocol, props.width)}
    </Text>
  );
}
