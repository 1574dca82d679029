// A bounded memo for pure functions of the proxy domain: the same NO_PROXY
// lists and proxy URLs repeat across the services of a file and the files of
// a tree, and analysing one entry probes every measured client.

export class BoundedMemo<V> {
  private readonly values = new Map<string, V>();

  /** Keys longer than `maxKeyLength` (a pasted blob) are computed every time rather than kept alive. */
  constructor(
    private readonly capacity: number,
    private readonly maxKeyLength = Number.POSITIVE_INFINITY,
  ) {}

  /** The value for `key`, computing (and keeping) it on a miss; the oldest key goes when full. */
  get(key: string, compute: () => V): V {
    if (key.length > this.maxKeyLength) return compute();
    const found = this.values.get(key);
    if (found !== undefined || this.values.has(key)) return found as V;
    const value = compute();
    if (this.values.size >= this.capacity) this.values.delete(this.values.keys().next().value as string);
    this.values.set(key, value);
    return value;
  }
}

/**
 * A bounded memo keyed by a string taken from the model as it is (a value, a name) and a small
 * number for the variant (file kind, readers): V8 keeps a string's hash with the string, so a lookup
 * costs next to nothing, where a key concatenated per lookup had to be hashed anew each time
 * (half a microsecond, more than some answers it saved).
 */
export class VariantMemo<V> {
  private readonly byText = new Map<string, Map<number, V>>();

  /** Texts longer than `maxKeyLength` (a pasted blob) are computed every time rather than kept alive. */
  constructor(
    private readonly capacity: number,
    private readonly maxKeyLength = Number.POSITIVE_INFINITY,
  ) {}

  /** A negative variant (one the caller cannot number) is computed every time. */
  get(text: string, variant: number, compute: () => V): V {
    if (variant < 0 || text.length > this.maxKeyLength) return compute();
    let variants = this.byText.get(text);
    if (variants === undefined) {
      // The oldest text goes when full, with all its variants.
      if (this.byText.size >= this.capacity) this.byText.delete(this.byText.keys().next().value as string);
      variants = new Map();
      this.byText.set(text, variants);
    }
    const found = variants.get(variant);
    if (found !== undefined || variants.has(variant)) return found as V;
    const value = compute();
    variants.set(variant, value);
    return value;
  }
}
