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
      '* /dev/ttyUSB0 connected | autonomy ON | speed realtime | log sis.log | Ctrl-D quits',
    );
  });

  test('drops the least important segments first', () => {
    expect(frame({ ...full, width: 93 })).toBe(
      '* /dev/ttyUSB0 connected | autonomy ON | speed realtime | seed 42 | 115200 baud | log sis.log',
    );
    expect(frame({ ...full, width: 92 })).toBe('* /dev/ttyUSB0 connected | autonomy ON | speed realtime | seed 42 | 115200 baud');
    expect(frame({ ...full, width: 60 })).toBe('* /dev/ttyUSB0 connected | autonomy ON | speed realtime');
    expect(frame({ ...full, width: 38 })).toBe('* /dev/ttyUSB0 connected | autonomy ON');
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
});
