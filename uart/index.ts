export type { BytePort, PortError, PortErrorKind } from './port.js';
export { portError, isPortError } from './port.js';
export { Listeners } from './listeners.js';
export { createVirtualPair, type VirtualPair, type VirtualDevice, type VirtualPairOptions } from './virtual-port.js';
