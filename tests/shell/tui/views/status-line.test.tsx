import { describe, expect, test } from '@jest/globals';
import { render } from 'ink-testing-library';
import { StatusLine, type StatusLineProps } from '../../../../shell/tui/views/index.js';

const frame = (props: StatusLineProps) => {
  const ui = render(<StatusLine {...props} />);
  const text = ui.lastFrame();
  ui.unmount();
  return text;
};

const full: StatusLineProps = {
  transport: '/dev/ttyUSB0',
  link: { kind: 'connected' },
  width: 100,
  baud: 115200,
  autonomy: true,
  logFile: 'sis.log',
  seed: '42',
  speed: 'realtime',
  hint: 'Ctrl-D quits',
};

describe('StatusLine', () => {
  test('everything on one line when it fits', () => {
    expect(frame({ ...full, seed: null, baud: null })).toBe(
      '* /dev/ttyUSB0 connected | log sis.log | autonomy ON | speed realtime | Ctrl-D quits',
    );
  });

  test('drops the least important segments first', () => {
    expect(frame({ ...full, width: 93 })).toBe(
      '* /dev/ttyUSB0 connected | log sis.log | autonomy ON | speed realtime | seed 42 | 115200 baud',
    );
    expect(frame({ ...full, width: 92 })).toBe('* /dev/ttyUSB0 connected | log sis.log | autonomy ON | speed realtime | seed 42');
    expect(frame({ ...full, width: 60 })).toBe('* /dev/ttyUSB0 connected | log sis.log | autonomy ON');
    expect(frame({ ...full, width: 52 })).toBe('* /dev/ttyUSB0 connected | log sis.log | autonomy ON');
    expect(frame({ ...full, width: 51 })).toBe('* /dev/ttyUSB0 connected | log sis.log');
    expect(frame({ ...full, width: 37 })).toBe('* /dev/ttyUSB0 connected');
  });

  test('a transport too long for the width loses its start', () => {
    const transport = '/dev/serial/by-id/usb-FTDI_FT232R-if00-port0';
    expect(frame({ ...full, transport, width: 20 })).toBe('* …0-port0 connected');
  });

  test('link states', () => {
    const base = { transport: 'tcp:127.0.0.1:4444', width: 80 };
    expect(frame({ ...base, link: { kind: 'waiting', retryInMs: 2500 } })).toBe('o tcp:127.0.0.1:4444 waiting, retry in 3s');
    expect(frame({ ...base, link: { kind: 'connecting' }, autonomy: false })).toBe(
      'o tcp:127.0.0.1:4444 connecting... | autonomy OFF',
    );
    expect(frame({ ...base, link: { kind: 'disconnected', reason: 'ECONNREFUSED' } })).toBe(
      'x tcp:127.0.0.1:4444 disconnected (ECONNREFUSED)',
    );
    expect(frame({ ...base, transport: 'virtual', link: { kind: 'disconnected' }, autonomy: null, speed: 'max' })).toBe(
      'x virtual disconnected | speed max',
    );
  });

  test('line settings, modem lines the port reports, DTR/RTS while dropped, RX/TX bytes', () => {
    const base = { transport: '/dev/ttyUSB0', link: { kind: 'connected' as const }, width: 200, baud: 9600, mode: 'line' as const };
    expect(frame({
      ...base,
      line: {
        settings: { baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 1, flow: 'none' },
        modem: { cts: true, dsr: false, dcd: true },
        control: { dtr: true, rts: true },
        traffic: { rxBytes: 1234, txBytes: 40 },
      },
    })).toBe('* /dev/ttyUSB0 connected | line mode | 9600 7E1 | CTS+ DSR- DCD+ | RX 1.2k TX 40');
    expect(frame({
      transport: 'virtual',
      link: { kind: 'connected' },
      width: 100,
      line: {
        settings: { baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 2, flow: 'rtscts' },
        modem: { cts: false, dsr: false, dcd: true, ri: false },
        control: { dtr: false, rts: false },
        traffic: { rxBytes: 2_500_000, txBytes: 12_000 },
      },
    })).toBe('* virtual connected | DTR off RTS off | 115200 8N2 rtscts | CTS- DSR- DCD+ RI- | RX 2.5M TX 12k');
    expect(frame({ ...base, line: { control: { dtr: true, rts: false } } })).toBe('* /dev/ttyUSB0 connected | line mode | RTS off | 9600 baud');
  });

  test('what the port does not report is not shown: no settings, no modem lines, no counts', () => {
    const base = { transport: 'tcp:127.0.0.1:4444', link: { kind: 'connected' as const }, width: 120 };
    expect(frame({ ...base, line: { control: { dtr: true, rts: true } } })).toBe('* tcp:127.0.0.1:4444 connected');
    expect(frame({ ...base, line: { modem: {}, traffic: { rxBytes: 0, txBytes: 0 } } })).toBe('* tcp:127.0.0.1:4444 connected | RX 0 TX 0');
  });

  test("a log's write failure replaces `log FILE` and comes right after the queue", () => {
    expect(frame({
      transport: 'virtual',
      link: { kind: 'connected' },
      width: 120,
      queue: '1 queued: help',
      mode: 'line',
      logFile: '/dev/full',
      logError: 'log file /dev/full: no space left on device',
    })).toBe('* virtual connected | 1 queued: help | log file /dev/full: no space left on device | line mode');
  });
});
