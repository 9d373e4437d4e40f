// Several arrays read as one list without copying them into one: a list of 50k rows made of
// per-group arrays costs O(groups) to build instead of a 50k-element copy (and the garbage it
// leaves) each time one group changes.

/** What a list screen reads of its rows; an array is one. */
export interface ListLike<T> {
  readonly length: number;
  /** The item at `index` (0 ≤ index < length), else undefined; unlike Array.prototype.at, no negative indexes. */
  at(index: number): T | undefined;
  slice(start?: number, end?: number): T[];
}

export class JoinedList<T> implements ListLike<T> {
  readonly length: number;
  /** starts[i]: the index of parts[i][0] in the joined list. */
  private readonly starts: number[];

  constructor(private readonly parts: readonly (readonly T[])[]) {
    this.starts = [];
    let length = 0;
    for (const part of parts) {
      this.starts.push(length);
      length += part.length;
    }
    this.length = length;
  }

  at(index: number): T | undefined {
    if (!(index >= 0 && index < this.length)) return undefined;
    const part = this.partOf(index);
    return this.parts[part]![index - this.starts[part]!];
  }

  slice(start = 0, end = this.length): T[] {
    const from = clamp(start, this.length);
    const to = clamp(end, this.length);
    const out: T[] = [];
    if (from >= to) return out;
    for (let part = this.partOf(from), i = from; i < to; part++) {
      const items = this.parts[part]!;
      const offset = this.starts[part]!;
      for (let j = i - offset; j < items.length && i < to; j++, i++) out.push(items[j]!);
    }
    return out;
  }

  /** The last part starting at or before `index` (binary search; empty parts share a start). */
  private partOf(index: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= index) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

/** Array.prototype.slice's reading of a bound: negative counts from the end. */
const clamp = (bound: number, length: number): number => (bound < 0 ? Math.max(0, length + bound) : Math.min(bound, length));
