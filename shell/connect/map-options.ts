import type { EnterMode, IncomingCrMode } from '../../uart/index.js';
import { parseMapFlags } from './map-flags.js';

export interface MapOptions {
  readonly enter: EnterMode;
  readonly incomingCr: IncomingCrMode;
  readonly lfToCrlf?: boolean;
  readonly delToBs?: boolean;
}

/**
 * Folds `--map FLAGS` into `--enter` and `--incoming-cr` (already read, with their defaults): a
 * flag that sets what one of them sets, given together with it, is refused.
 */
export function readMapOptions(
  values: Readonly<Record<string, unknown>>,
  given: { enter: EnterMode; incomingCr: IncomingCrMode },
): { ok: true; options: MapOptions } | { ok: false; message: string } {
  if (typeof values.map !== 'string') return { ok: true, options: given };
  const parsed = parseMapFlags(values.map);
  if (!parsed.ok) return parsed;
  const { flags, mapping } = parsed;
  const enterFlag = flags.find((flag) => flag === 'OCRNL' || flag === 'OCRCRNL');
  const crFlag = flags.find((flag) => flag === 'ICRNL' || flag === 'IGNCR');
  if (enterFlag !== undefined && values.enter !== undefined) {
    return { ok: false, message: `--map ${enterFlag} and --enter both set what Enter sends: give one` };
  }
  if (crFlag !== undefined && values['incoming-cr'] !== undefined) {
    return { ok: false, message: `--map ${crFlag} and --incoming-cr both set what becomes of a received CR: give one` };
  }
  return {
    ok: true,
    options: {
      enter: enterFlag === undefined ? given.enter : mapping.enter,
      incomingCr: crFlag === undefined ? given.incomingCr : mapping.incomingCr,
      ...(mapping.lfToCrlf && { lfToCrlf: true }),
      ...(mapping.delToBs && { delToBs: true }),
    },
  };
}
