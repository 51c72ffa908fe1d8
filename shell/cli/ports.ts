import { listPorts, PTY_NOTE, type PortInfo } from '../../uart/index.js';
import { parseOptions } from './strict-args.js';

export const PORTS_USAGE = `Usage: sis ports [--json]

Lists the serial ports of this machine, for sis PATH / sis --device PATH. ptys (/dev/pts/*, socat
pty links) are never listed: pass their path directly. Without udevadm the list comes from a scan
of /dev by name and carries no USB details; a note on stderr (and "note" in JSON) says so.

  --json      {"ports":[{"path","manufacturer","serialNumber","vendorId","productId","byId"}],"note"}
  -h, --help  show this help
`;

const ARGS = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

/** `sis ports [--json]`: always exits 0 once its arguments are valid; an empty list is an answer. */
export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseOptions(argv, ARGS);
  const message = !parsed.ok
    ? parsed.message
    : parsed.value.positionals.length > 0 ? `unexpected argument '${parsed.value.positionals[0]}'` : undefined;
  if (message !== undefined || !parsed.ok) {
    process.stderr.write(`sis ports: ${message}\nTry 'sis ports --help' for more information.\n`);
    return 2;
  }
  const { values } = parsed.value;
  if (values.help === true) {
    process.stdout.write(PORTS_USAGE);
    return 0;
  }
  const listing = await listPorts();
  if (values.json === true) {
    process.stdout.write(`${JSON.stringify({ ports: listing.ports, ...(listing.note !== undefined && { note: listing.note }) }, null, 2)}\n`);
    return 0;
  }
  if (listing.ports.length === 0) process.stdout.write('no serial ports found\n');
  for (const port of listing.ports) process.stdout.write(`${describePort(port)}\n`);
  process.stderr.write(`sis ports: note: ${listing.note ?? PTY_NOTE}\n`);
  return 0;
}

/** `/dev/ttyUSB0  FTDI  serial A1B2C3  usb 0403:6001  /dev/serial/by-id/usb-FTDI_…` */
export function describePort(port: PortInfo): string {
  const parts = [port.path];
  if (port.manufacturer !== undefined) parts.push(port.manufacturer);
  if (port.serialNumber !== undefined) parts.push(`serial ${port.serialNumber}`);
  if (port.vendorId !== undefined || port.productId !== undefined) {
    parts.push(`usb ${port.vendorId ?? '?'}:${port.productId ?? '?'}`);
  }
  for (const link of port.byId ?? []) parts.push(link);
  return parts.join('  ');
}
