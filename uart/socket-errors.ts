import { portError, type PortError } from './port.js';

/** What a Node socket error (`err.code`) means to the user, for a port named `description`. */
export function socketErrorToPortError(
  description: string,
  error: { code?: string; message?: string },
  host?: string,
): PortError {
  switch (error.code) {
    case 'ECONNREFUSED':
      return portError('refused', `${description}: connection refused`);
    case 'ENOTFOUND':
    case 'EAI_NONAME':
    case 'EAI_FAIL':
      return portError('unreachable', `${description}: unknown host '${host ?? ''}'`);
    case 'EAI_AGAIN':
      return portError('unreachable', `${description}: cannot resolve host '${host ?? ''}' (DNS lookup failed)`);
    case 'ENOENT':
      return portError('not-found', `${description}: no such socket`);
    case 'ENOTDIR':
      return portError('not-found', `${description}: a component of the path is not a directory`);
    case 'EACCES':
    case 'EPERM':
      return portError('permission-denied', `${description}: permission denied`);
    case 'ETIMEDOUT':
      return portError('unreachable', `${description}: connection timed out`);
    case 'EHOSTUNREACH':
    case 'EHOSTDOWN':
      return portError('unreachable', `${description}: host unreachable`);
    case 'ENETUNREACH':
    case 'ENETDOWN':
      return portError('unreachable', `${description}: network unreachable`);
    case 'ECONNRESET':
    case 'EPIPE':
      return portError('disconnected', `${description}: connection reset by the remote end`);
    case 'ECONNABORTED':
      return portError('disconnected', `${description}: connection aborted`);
    case 'EADDRINUSE':
      return portError('locked', `${description}: address already in use`);
    case 'EADDRNOTAVAIL':
      return portError('unreachable', `${description}: address not available on this machine`);
    default:
      return portError('io', `${description}: ${error.message ?? 'unknown socket error'}`);
  }
}
