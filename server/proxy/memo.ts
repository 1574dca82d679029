// A bounded memo for pure functions of the proxy domain: the same NO_PROXY
// lists and proxy URLs repeat across the services of a file and the files of
// a tree, and analysing one entry probes every measured client.

export class BoundedMemo<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  /** The value for `key`, computing (and keeping) it on a miss; the oldest key goes when full. */
  get(key: string, compute: () => V): V {
    const found = this.values.get(key);
    if (found !== undefined || this.values.has(key)) return found as V;
    const value = compute();
    if (this.values.size >= this.capacity) this.values.delete(this.values.keys().next().value as string);
    this.values.set(key, value);
    return value;
  }
}
