import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPorts } from '../../uart/list-ports.js';

let root: string;
let dev: string;
let sys: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sis-ports-'));
  dev = join(root, 'dev');
  sys = join(root, 'sys');
  for (const name of ['ttyS0', 'ttyS1', 'ttyUSB10', 'ttyUSB2', 'ttyACM0', 'ttyAMA0', 'tty0', 'ttyprintk', 'null', 'ttyCH341USB0']) {
    mkdirSync(dev, { recursive: true });
    writeFileSync(join(dev, name), '');
  }
  mkdirSync(join(dev, 'pts'));
  writeFileSync(join(dev, 'pts', '3'), '');
  mkdirSync(join(dev, 'serial', 'by-id'), { recursive: true });
  symlinkSync('../../ttyUSB2', join(dev, 'serial', 'by-id', 'usb-FTDI_FT232R_A1B2-if00-port0'));
  symlinkSync('../../ttyCH341USB0', join(dev, 'serial', 'by-id', 'usb-1a86_USB_Serial-if00-port0'));
  symlinkSync('../../ttyUSB7', join(dev, 'serial', 'by-id', 'usb-gone-if00-port0'));
  for (const [name, type] of [['ttyS0', '4'], ['ttyS1', '0']] as const) {
    mkdirSync(join(sys, name), { recursive: true });
    writeFileSync(join(sys, name, 'type'), `${type}\n`);
  }
});

afterEach(() => { rmSync(root, { recursive: true, force: true }); });

const noUdevadm = (): Promise<never> =>
  Promise.reject(Object.assign(new Error('spawn udevadm ENOENT'), { code: 'ENOENT' }));

describe('listPorts', () => {
  test('without udevadm: scans /dev by name and by-id links, with a note', async () => {
    const listing = await listPorts({ list: noUdevadm, devDir: dev, sysTtyDir: sys });
    expect(listing).toEqual({
      ports: [
        { path: join(dev, 'ttyACM0') },
        { path: join(dev, 'ttyAMA0') },
        { path: join(dev, 'ttyCH341USB0'), byId: [join(dev, 'serial', 'by-id', 'usb-1a86_USB_Serial-if00-port0')] },
        { path: join(dev, 'ttyS0') },
        { path: join(dev, 'ttyUSB2'), byId: [join(dev, 'serial', 'by-id', 'usb-FTDI_FT232R_A1B2-if00-port0')] },
        { path: join(dev, 'ttyUSB10') },
      ],
      note: 'enumeration is limited (udevadm not available): scanned /dev by name; ptys (/dev/pts/*) are never listed; pass their path directly',
    });
  });

  test('with a working lister: its details, by-id names, no ptys, no note', async () => {
    const listing = await listPorts({
      devDir: dev,
      list: () => Promise.resolve([
        { path: join(dev, 'ttyUSB2'), manufacturer: 'FTDI', serialNumber: 'A1B2', vendorId: '0403', productId: '6001' },
        { path: '/dev/pts/3', manufacturer: undefined },
        { path: join(dev, 'ttyACM0'), manufacturer: undefined },
      ]),
    });
    expect(listing).toEqual({
      ports: [
        { path: join(dev, 'ttyACM0') },
        {
          path: join(dev, 'ttyUSB2'), manufacturer: 'FTDI', serialNumber: 'A1B2', vendorId: '0403', productId: '6001',
          byId: [join(dev, 'serial', 'by-id', 'usb-FTDI_FT232R_A1B2-if00-port0')],
        },
      ],
    });
  });

  test('on this machine it answers without throwing', async () => {
    const listing = await listPorts();
    expect(Array.isArray(listing.ports)).toBe(true);
    expect(listing.ports.some((port) => port.path.startsWith('/dev/pts/'))).toBe(false);
  });
});
