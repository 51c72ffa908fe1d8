import { DEFAULT_MAPPING, type LineMapping } from '../../uart/index.js';

/** The `--map` flags (tio's names; OCRCRNL is picocom's `--omap crcrlf`). */
export type MapFlag = 'ICRNL' | 'IGNCR' | 'INLCRNL' | 'OCRNL' | 'OCRCRNL' | 'ODELBS';

interface FlagRow {
  readonly flag: MapFlag;
  /** The key that toggles it in the Ctrl-T n menu. */
  readonly key: string;
  readonly text: string;
  readonly on: (mapping: LineMapping) => boolean;
  readonly set: (mapping: LineMapping, on: boolean) => LineMapping;
}

export const MAP_FLAG_ROWS: readonly FlagRow[] = [
  {
    flag: 'ICRNL', key: 'i', text: 'received CR becomes LF, CR LF one LF',
    on: (m) => m.incomingCr === 'to-lf', set: (m, on) => ({ ...m, incomingCr: on ? 'to-lf' : 'keep' }),
  },
  {
    flag: 'IGNCR', key: 'g', text: 'received CR dropped',
    on: (m) => m.incomingCr === 'drop', set: (m, on) => ({ ...m, incomingCr: on ? 'drop' : 'keep' }),
  },
  {
    flag: 'INLCRNL', key: 'l', text: 'received LF without CR becomes CR LF',
    on: (m) => m.lfToCrlf, set: (m, on) => ({ ...m, lfToCrlf: on }),
  },
  {
    flag: 'OCRNL', key: 'o', text: 'Enter (every line end sent) goes as LF',
    on: (m) => m.enter === 'lf', set: (m, on) => ({ ...m, enter: on ? 'lf' : 'cr' }),
  },
  {
    flag: 'OCRCRNL', key: 'c', text: 'Enter (every line end sent) goes as CR LF',
    on: (m) => m.enter === 'crlf', set: (m, on) => ({ ...m, enter: on ? 'crlf' : 'cr' }),
  },
  {
    flag: 'ODELBS', key: 'd', text: 'DEL (Backspace) sent as BS',
    on: (m) => m.delToBs, set: (m, on) => ({ ...m, delToBs: on }),
  },
];

const NAMES = MAP_FLAG_ROWS.map((row) => row.flag);
/** Flags that set the same thing: at most one of each pair. */
const EXCLUSIVE: ReadonlyArray<readonly [MapFlag, MapFlag, string]> = [
  ['ICRNL', 'IGNCR', 'both decide what becomes of a received CR'],
  ['OCRNL', 'OCRCRNL', 'both decide what Enter sends'],
];

export type MapParse = { ok: true; flags: readonly MapFlag[]; mapping: LineMapping } | { ok: false; message: string };

/** `ICRNL,ODELBS` (any case), or `none`: the flags and the mapping they make from the default. */
export function parseMapFlags(text: string): MapParse {
  const words = text.split(',').map((word) => word.trim());
  if (words.length === 1 && words[0]!.toLowerCase() === 'none') return { ok: true, flags: [], mapping: DEFAULT_MAPPING };
  const flags: MapFlag[] = [];
  for (const word of words) {
    if (word === '') return { ok: false, message: `--map: empty flag in '${text}' (flags are separated by single commas)` };
    const flag = NAMES.find((name) => name === word.toUpperCase());
    if (flag === undefined) return { ok: false, message: `--map: unknown flag '${word}' (known: ${NAMES.join(', ')}, or none)` };
    if (!flags.includes(flag)) flags.push(flag);
  }
  for (const [a, b, why] of EXCLUSIVE) {
    if (flags.includes(a) && flags.includes(b)) return { ok: false, message: `--map: ${a} and ${b} cannot be combined (${why})` };
  }
  let mapping = DEFAULT_MAPPING;
  for (const flag of flags) mapping = MAP_FLAG_ROWS.find((row) => row.flag === flag)!.set(mapping, true);
  return { ok: true, flags, mapping };
}

/** The flags `mapping` has on, in table order. */
export function mapFlagsOf(mapping: LineMapping): MapFlag[] {
  return MAP_FLAG_ROWS.filter((row) => row.on(mapping)).map((row) => row.flag);
}

/** `ICRNL,ODELBS`, or `none`. */
export function formatMapping(mapping: LineMapping): string {
  const flags = mapFlagsOf(mapping);
  return flags.length === 0 ? 'none' : flags.join(',');
}

/** Turns `flag` on or off; turning one on turns off the other of its pair. */
export function toggleMapFlag(mapping: LineMapping, flag: MapFlag): LineMapping {
  const row = MAP_FLAG_ROWS.find((r) => r.flag === flag)!;
  return row.set(mapping, !row.on(mapping));
}

export const MAP_USAGE = `  --map FLAGS         byte mapping, comma-separated (changeable with Ctrl-T n in the console):
${MAP_FLAG_ROWS.map((row) => `                        ${row.flag.padEnd(8)} ${row.text}`).join('\n')}
                      ICRNL/IGNCR are --incoming-cr to-lf/drop, OCRNL/OCRCRNL are --enter lf/crlf
                      (give either form, not both); files and hex sends are never mapped`;
