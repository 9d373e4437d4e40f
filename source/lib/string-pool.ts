// One copy of each string value that many records repeat. JSON.parse makes a new string for every
// value it reads, so 50k pods hold 50k copies of "ReplicaSet", of each image name, namespace and
// label value: measured at 5k pods, a third of the pods' string bytes were such copies.

/**
 * Strings seen before, each kept once. Bounded: when `limit` distinct values have been seen the
 * pool starts again (the strings it gave out stay with the records that hold them), so a long
 * session with ever-new values (hashes, timestamps) does not grow it without end.
 */
export class StringPool {
  private readonly seen = new Map<string, string>();

  constructor(private readonly limit = 100_000) {}

  /** The pool's copy of `value` (the value itself the first time). */
  intern(value: string): string {
    const kept = this.seen.get(value);
    if (kept !== undefined) return kept;
    if (this.seen.size >= this.limit) this.seen.clear();
    this.seen.set(value, value);
    return value;
  }

  /** How many distinct values it holds now. */
  get size(): number {
    return this.seen.size;
  }
}
