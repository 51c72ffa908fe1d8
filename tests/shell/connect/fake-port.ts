import { Listeners, portError, type BytePort, type PortError } from '../../../uart/index.js';

/** A port the test plays the far end of: it opens at once, records writes, and can hang up. */
export class FakePort implements BytePort {
  readonly written: string[] = [];
  private readonly data = new Listeners<[Uint8Array]>();
  private readonly closes = new Listeners<[PortError | undefined]>();
  private closed = false;

  constructor(readonly description = 'fake', private readonly failWith?: PortError) {}

  open(): Promise<void> {
    return this.failWith !== undefined ? Promise.reject(this.failWith) : Promise.resolve();
  }

  /** The far end prints `text` (latin1). */
  send(text: string): void {
    this.data.emit(new Uint8Array(Buffer.from(text, 'latin1')));
  }

  hangUp(): void {
    if (this.closed) return;
    this.closed = true;
    this.closes.emit(portError('disconnected', `${this.description}: device disconnected`));
  }

  write(data: Uint8Array): void {
    this.written.push(Buffer.from(data).toString('latin1'));
  }

  drain(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.closes.emit(undefined);
    }
    return Promise.resolve();
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onClose(listener: (reason?: PortError) => void): () => void {
    return this.closes.add(listener);
  }
}
