import { PROFILE_NAMES } from '../../kernel/index.js';
import { LINE_FLAGS_USAGE } from './line-flags.js';
import { MAP_USAGE } from './map-flags.js';

/** Help text for CONNECT_ARGS, shared by every command that opens a target. */
export const TARGET_USAGE = `Target (one; none = the embedded kernel model):
  PATH | --device PATH  a serial device (/dev/ttyUSB0, /dev/serial/by-id/..., a pty link)
  tcp:HOST:PORT         a TCP server: QEMU -serial tcp::PORT,server=on,wait=off, ser2net, sis serve
  unix:PATH             a unix socket server (also accepted after --device)
  rfc2217://HOST:PORT   a telnet server with RFC 2217 serial control (ser2net telnet(rfc2217), a lab's
                        console server): the line flags, BREAK and DTR/RTS reach its serial port
  telnet://HOST:PORT    a telnet server, bytes only (option negotiation and IAC escaping)`;

export const CONNECT_USAGE = `Serial line (devices, rfc2217://; for the model they pace its UART on virtual time, default unpaced):
  --baud N            bits per second (default 115200); 115200 8N1 moves 11520 bytes/s
  --databits N        5, 6, 7 or 8 (default 8)
  --parity P          none, even, odd, mark or space (default none)
  --stopbits N        1, 1.5 or 2 (default 1)
  --flow F            none, rtscts or xonxoff (devices and rfc2217:// only; default none)

${LINE_FLAGS_USAGE}

Connection:
  --no-reconnect      end when the connection drops, instead of retrying until it is back
                      (the first connection must succeed either way)

Log:
  --log FILE          write every byte received to FILE as it arrives (replaces FILE)
  --log-append        add to FILE instead of replacing it
  --log-timestamps M  prefix each line with iso, relative or delta time
  --log-strip         remove ANSI escape sequences from the log
                      (in the console Ctrl-T l starts or stops a log at run time, with these options)

Line endings:
  --enter E           what Enter sends: cr (default), lf or crlf
  --incoming-cr M     CR received: keep (default), drop, or to-lf (CR and CR LF become LF);
                      the log keeps the bytes as received
${MAP_USAGE}

Kernel model only:
  --seed N            kernel-wide seed (0..18446744073709551615): same seed + same input = same output
  --speed MODE        virtual time: realtime (default in the console), max (default in plain mode),
                      or a factor such as 10
  --profile NAME      calibration profile: ${PROFILE_NAMES.join(' or ')} (default ${PROFILE_NAMES[0]}); shown in
                      each test's Seed: line`;
