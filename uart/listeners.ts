/** A minimal ordered listener set, so ports need no EventEmitter typing. */
export class Listeners<T extends unknown[]> {
  private readonly set = new Set<(...args: T) => void>();

  add(listener: (...args: T) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }

  emit(...args: T): void {
    for (const listener of this.set) listener(...args);
  }

  get size(): number {
    return this.set.size;
  }
}
