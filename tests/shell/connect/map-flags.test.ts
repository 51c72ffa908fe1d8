import { describe, expect, test } from '@jest/globals';
import { parseCliArgs } from '../../../shell/cli/console-args.js';
import { formatMapping, parseMapFlags, toggleMapFlag } from '../../../shell/connect/map-flags.js';
import { DEFAULT_MAPPING } from '../../../uart/index.js';

const connect = (...argv: string[]) => {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.options.connect;
};
const error = (...argv: string[]): string => {
  const parsed = parseCliArgs(argv);
  if (parsed.ok) throw new Error(`accepted ${argv.join(' ')}`);
  return parsed.message;
};

describe('--map FLAGS', () => {
  test('each flag sets one part of the mapping', () => {
    const mapped = (text: string) => {
      const parsed = parseMapFlags(text);
      if (!parsed.ok) throw new Error(parsed.message);
      return parsed.mapping;
    };
    expect(mapped('ICRNL')).toEqual({ enter: 'cr', incomingCr: 'to-lf', lfToCrlf: false, delToBs: false });
    expect(mapped('IGNCR')).toEqual({ enter: 'cr', incomingCr: 'drop', lfToCrlf: false, delToBs: false });
    expect(mapped('INLCRNL')).toEqual({ enter: 'cr', incomingCr: 'keep', lfToCrlf: true, delToBs: false });
    expect(mapped('OCRNL')).toEqual({ enter: 'lf', incomingCr: 'keep', lfToCrlf: false, delToBs: false });
    expect(mapped('OCRCRNL')).toEqual({ enter: 'crlf', incomingCr: 'keep', lfToCrlf: false, delToBs: false });
    expect(mapped('ODELBS')).toEqual({ enter: 'cr', incomingCr: 'keep', lfToCrlf: false, delToBs: true });
    expect(mapped('icrnl, ocrnl,INLCRNL,ODELBS')).toEqual({ enter: 'lf', incomingCr: 'to-lf', lfToCrlf: true, delToBs: true });
    expect(mapped('none')).toEqual(DEFAULT_MAPPING);
  });

  test('bad flag lists get one line each', () => {
    expect(parseMapFlags('ICRNL,FOO')).toEqual({
      ok: false, message: "--map: unknown flag 'FOO' (known: ICRNL, IGNCR, INLCRNL, OCRNL, OCRCRNL, ODELBS, or none)",
    });
    expect(parseMapFlags('ICRNL,,ODELBS')).toEqual({
      ok: false, message: "--map: empty flag in 'ICRNL,,ODELBS' (flags are separated by single commas)",
    });
    expect(parseMapFlags('ICRNL,IGNCR')).toEqual({
      ok: false, message: '--map: ICRNL and IGNCR cannot be combined (both decide what becomes of a received CR)',
    });
    expect(parseMapFlags('OCRCRNL,OCRNL')).toEqual({
      ok: false, message: '--map: OCRNL and OCRCRNL cannot be combined (both decide what Enter sends)',
    });
  });

  test('on the command line it folds into --enter and --incoming-cr', () => {
    expect(connect('--map', 'ICRNL,OCRNL,INLCRNL,ODELBS')).toMatchObject({
      enter: 'lf', incomingCr: 'to-lf', lfToCrlf: true, delToBs: true,
    });
    expect(connect('--map', 'ODELBS', '--enter', 'crlf', '--incoming-cr', 'drop')).toMatchObject({
      enter: 'crlf', incomingCr: 'drop', delToBs: true,
    });
    expect(connect('--map', 'none')).toMatchObject({ enter: 'cr', incomingCr: 'keep' });
    expect(error('--map', 'OCRNL', '--enter', 'crlf')).toBe('--map OCRNL and --enter both set what Enter sends: give one');
    expect(error('--map', 'IGNCR', '--incoming-cr', 'keep')).toBe(
      '--map IGNCR and --incoming-cr both set what becomes of a received CR: give one',
    );
    expect(error('--map', 'CRLF')).toBe("--map: unknown flag 'CRLF' (known: ICRNL, IGNCR, INLCRNL, OCRNL, OCRCRNL, ODELBS, or none)");
  });

  test('Ctrl-T n toggles: one of a pair turns the other off', () => {
    let mapping = DEFAULT_MAPPING;
    mapping = toggleMapFlag(mapping, 'ICRNL');
    expect(formatMapping(mapping)).toBe('ICRNL');
    mapping = toggleMapFlag(mapping, 'IGNCR');
    expect(formatMapping(mapping)).toBe('IGNCR');
    mapping = toggleMapFlag(toggleMapFlag(mapping, 'OCRNL'), 'ODELBS');
    expect(formatMapping(mapping)).toBe('IGNCR,OCRNL,ODELBS');
    mapping = toggleMapFlag(mapping, 'OCRCRNL');
    expect(formatMapping(mapping)).toBe('IGNCR,OCRCRNL,ODELBS');
    mapping = toggleMapFlag(toggleMapFlag(toggleMapFlag(mapping, 'IGNCR'), 'OCRCRNL'), 'ODELBS');
    expect(mapping).toEqual(DEFAULT_MAPPING);
    expect(formatMapping(mapping)).toBe('none');
  });
});
