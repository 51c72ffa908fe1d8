import { lstatSync, readlinkSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { portError, type PortError } from './port.js';

/** One line for a log file that cannot be opened. */
export function openError(path: string, error: NodeJS.ErrnoException): PortError {
  switch (error.code) {
    case 'ENOENT': {
      const link = linkTarget(path);
      if (link !== null) {
        return portError('not-found', `cannot open log file ${path}: it is a symbolic link to ${link}, and directory ${dirname(resolve(dirname(path), link))} does not exist`);
      }
      return portError('not-found', `cannot open log file ${path}: directory ${dirname(path)} does not exist`);
    }
    case 'ENOTDIR':
      return portError('not-found', `cannot open log file ${path}: a parent of it is not a directory`);
    case 'EACCES':
    case 'EPERM':
      return portError('permission-denied', `cannot open log file ${path}: permission denied`);
    case 'EISDIR':
      return portError('io', `cannot open log file ${path}: it is a directory`);
    case 'EROFS':
      return portError('permission-denied', `cannot open log file ${path}: read-only file system`);
    default:
      return portError('io', `cannot open log file ${path}: ${error.message}`);
  }
}

function linkTarget(path: string): string | null {
  try {
    return lstatSync(path).isSymbolicLink() ? readlinkSync(path) : null;
  } catch {
    return null;
  }
}

export function writeError(path: string, error: NodeJS.ErrnoException): PortError {
  if (error.code === 'ENOSPC') return portError('io', `log file ${path}: no space left on device`);
  if (error.code === 'EDQUOT') return portError('io', `log file ${path}: disk quota exceeded`);
  return portError('io', `log file ${path}: write failed (${error.message})`);
}
