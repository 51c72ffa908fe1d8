import { portError, type PortError } from './port.js';

/** What a failed `stat()`/`access()` of a device path means to the user. */
export function deviceStatErrorToPortError(path: string, error: { code?: string; message?: string }): PortError {
  switch (error.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return portError('not-found', `cannot open ${path}: no such device`);
    case 'EACCES':
    case 'EPERM':
      return portError('permission-denied', `${path}: permission denied`);
    case 'ELOOP':
      return portError('not-found', `cannot open ${path}: too many levels of symbolic links`);
    default:
      return portError('io', `cannot open ${path}: ${error.message ?? 'unknown error'}`);
  }
}

/**
 * What an open error from serialport's native binding means to the user. The binding reports
 * errors as text, e.g. `Error Resource temporarily unavailable Cannot lock port`,
 * `Error: Permission denied, cannot open /dev/ttyS0`.
 */
export function serialOpenErrorToPortError(path: string, error: { code?: string; message?: string }): PortError {
  const text = error.message ?? '';
  if (/cannot lock port/i.test(text)) return portError('locked', `${path}: port is locked by another program`);
  if (error.code === 'EACCES' || /permission denied/i.test(text)) {
    return portError('permission-denied', `${path}: permission denied`);
  }
  if (error.code === 'ENOENT' || /no such file or directory/i.test(text)) {
    return portError('not-found', `cannot open ${path}: no such device`);
  }
  if (error.code === 'ENXIO' || error.code === 'ENODEV' || /no such device/i.test(text)) {
    return portError('not-found', `cannot open ${path}: no such device`);
  }
  if (/inappropriate ioctl/i.test(text)) return portError('not-a-tty', `${path}: is not a tty`);
  if (error.code === 'EBUSY' || /resource busy/i.test(text)) {
    return portError('locked', `${path}: device is busy (in use by another program)`);
  }
  return portError('io', `cannot open ${path}: ${cleanBindingMessage(text)}`);
}

/** `Error: Foo, cannot open /dev/x` → `foo`; keeps unknown text readable on one line. */
function cleanBindingMessage(text: string): string {
  const cleaned = text
    .replace(/^Error:?\s*/, '')
    .replace(/,\s*cannot open .*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.length === 0 ? 'unknown error' : cleaned.charAt(0).toLowerCase() + cleaned.slice(1);
}
