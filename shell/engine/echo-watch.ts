/** Characters of a sent line the echo must show: the SIS kernel cuts lines at 255. */
const ECHO_PREFIX = 200;

/**
 * Whether the target has echoed the line sent last: its text (the first 200 characters) in the
 * cleaned output since the send, on one line. An empty line is echoed by a line end.
 */
export class EchoWatch {
  private wanted = '';
  private seen = true;
  private sawLineEnd = false;

  expect(line: string): void {
    this.wanted = line.slice(0, ECHO_PREFIX).trim();
    this.seen = false;
    this.sawLineEnd = false;
  }

  get echoed(): boolean {
    return this.seen;
  }

  /** A line end arrived since the send (the target answered, echo or not). */
  get answered(): boolean {
    return this.sawLineEnd;
  }

  /** The line shows the echo itself (`sis> help`), so a prompt on it is not glued output. */
  isEchoLine(line: string): boolean {
    return this.wanted !== '' && line.includes(this.wanted);
  }

  /** Feeds complete cleaned lines: an echo counts once its line has ended, however the stream was cut. */
  observe(lines: readonly string[]): void {
    if (lines.length > 0) this.sawLineEnd = true;
    if (this.seen) return;
    if (this.wanted === '') {
      this.seen = this.sawLineEnd;
      return;
    }
    this.seen = lines.some((line) => line.includes(this.wanted));
  }
}
