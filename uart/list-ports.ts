import { readdir, readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';

export interface PortInfo {
  readonly path: string;
  readonly manufacturer?: string;
  readonly serialNumber?: string;
  readonly vendorId?: string;
  readonly productId?: string;
  /** Stable `/dev/serial/by-id/…` names that point at this device. */
  readonly byId?: readonly string[];
}

export interface PortListing {
  readonly ports: PortInfo[];
  /** Set when the list may be incomplete (no udevadm: a /dev scan was used instead). */
  readonly note?: string;
}

export interface ListPortsOptions {
  /** Default SerialPort.list (udev based). */
  readonly list?: () => Promise<ReadonlyArray<{ path: string; manufacturer?: string | undefined;
    serialNumber?: string | undefined; vendorId?: string | undefined; productId?: string | undefined }>>;
  /** Default '/dev'. */
  readonly devDir?: string;
  /** Default '/sys/class/tty'. */
  readonly sysTtyDir?: string;
}

export const PTY_NOTE = 'ptys (/dev/pts/*) are never listed; pass their path directly';
const FALLBACK_NOTE = `enumeration is limited (udevadm not available): scanned /dev by name; ${PTY_NOTE}`;
const NAMES = /^tty(S|USB|ACM|AMA)\d+$/;

/** Serial devices on this machine, for `sis ports`. ptys are never listed. */
export async function listPorts(options: ListPortsOptions = {}): Promise<PortListing> {
  const devDir = options.devDir ?? '/dev';
  const byId = await byIdLinks(devDir);
  try {
    const found = await (options.list ?? (await import('serialport')).SerialPort.list)();
    const ports = await Promise.all(found
      .filter((port) => !port.path.startsWith('/dev/pts/'))
      .map((port) => withById({
        path: port.path,
        ...(port.manufacturer !== undefined && { manufacturer: port.manufacturer }),
        ...(port.serialNumber !== undefined && { serialNumber: port.serialNumber }),
        ...(port.vendorId !== undefined && { vendorId: port.vendorId }),
        ...(port.productId !== undefined && { productId: port.productId }),
      }, byId)));
    return { ports: sortPorts(ports) };
  } catch {
    const scanned = await scanDev(devDir, options.sysTtyDir ?? '/sys/class/tty');
    const paths = new Set([...scanned, ...byId.keys()]);
    const ports = await Promise.all([...paths].map((path) => withById({ path }, byId)));
    return { ports: sortPorts(ports), note: FALLBACK_NOTE };
  }
}

async function scanDev(devDir: string, sysTtyDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(devDir);
  } catch {
    return [];
  }
  const paths: string[] = [];
  for (const name of names) {
    if (!NAMES.test(name)) continue;
    // 8250 ttyS nodes exist whether or not a UART is behind them; type 0 means none is.
    if (name.startsWith('ttyS') && (await readSysType(join(sysTtyDir, name, 'type'))) === '0') continue;
    paths.push(join(devDir, name));
  }
  return paths;
}

async function readSysType(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch {
    return undefined;
  }
}

/** Resolved device path → the by-id links pointing at it. */
async function byIdLinks(devDir: string): Promise<Map<string, string[]>> {
  const links = new Map<string, string[]>();
  const dir = join(devDir, 'serial', 'by-id');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return links;
  }
  for (const name of names.sort()) {
    const link = join(dir, name);
    try {
      const target = await realpath(link);
      links.set(target, [...(links.get(target) ?? []), link]);
    } catch {
      // A dangling link: the device has gone.
    }
  }
  return links;
}

async function withById(port: PortInfo, links: Map<string, string[]>): Promise<PortInfo> {
  const ids = links.get(await realpath(port.path).catch(() => port.path));
  return ids === undefined ? port : { ...port, byId: ids };
}

/** ttyUSB2 before ttyUSB10. */
function sortPorts(ports: PortInfo[]): PortInfo[] {
  return [...ports].sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
}
