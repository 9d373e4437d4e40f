// Which pods, nodes and pod event lists the store wrote at which version, so the live view-model
// can update only the rows a watch event touched instead of walking every pod on each snapshot.

/** Keys written between two store versions. */
export interface Changes {
  /** Pod keys (namespace/name) upserted or removed. */
  pods: ReadonlySet<string>;
  /** Node names upserted or removed. */
  nodes: ReadonlySet<string>;
  /** Pod keys whose event list changed. */
  events: ReadonlySet<string>;
}

export type ChangeKind = keyof Changes;

/** What a snapshot's reader may ask (the store alone records). */
export interface ChangeLogReader {
  /** What was written after version `from` up to and including `to`; null when that is no longer all known: read everything. */
  between(from: number, to: number): Changes | null;
}

/** Entries kept by default; a reader further behind than this reads everything (one walk). */
const MAX_ENTRIES = 8192;

export class ChangeLog implements ChangeLogReader {
  // Parallel arrays, oldest first: versions only grow.
  private versions: number[] = [];
  private kinds: ChangeKind[] = [];
  private keys: string[] = [];
  /** Changes at or before this version are not all recorded. */
  private floor = 0;

  constructor(private readonly maxEntries = MAX_ENTRIES) {}

  record(version: number, kind: ChangeKind, key: string): void {
    this.versions.push(version);
    this.kinds.push(kind);
    this.keys.push(key);
    if (this.versions.length > this.maxEntries) {
      // Drop the older half at once, so a steady stream costs O(1) per write on average.
      const drop = this.versions.length >> 1;
      this.floor = this.versions[drop - 1]!;
      this.versions.splice(0, drop);
      this.kinds.splice(0, drop);
      this.keys.splice(0, drop);
    }
  }

  /** A whole collection was replaced (a relist) at `version`: nothing before it can be told apart. */
  forget(version: number): void {
    this.versions = [];
    this.kinds = [];
    this.keys = [];
    this.floor = version;
  }

  between(from: number, to: number): Changes | null {
    if (from < this.floor) return null;
    const changes = { pods: new Set<string>(), nodes: new Set<string>(), events: new Set<string>() };
    // Newest last: walk back to `from` only, so a reader that keeps up reads a few entries.
    for (let i = this.versions.length - 1; i >= 0; i--) {
      const version = this.versions[i]!;
      if (version <= from) break;
      if (version <= to) changes[this.kinds[i]!].add(this.keys[i]!);
    }
    return changes;
  }
}
