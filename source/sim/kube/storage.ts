// The object store: one global resourceVersion counter, every object kept as its serialised JSON
// (parsed on demand, so readers always get a private copy and 50k pods stay compact), sorted keys
// for paging, an owner index for controllers and garbage collection, and a bounded change log
// that watches replay from. Longer than most files: the counter, indexes and change log must
// change together on every write.
import { fieldsOf, resourceById } from './resources.js';
import type { Obj, ResourceDef } from './resources.js';
import { alreadyExists, conflict, notFound } from './status.js';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One version of one object. Immutable: a write makes a new Entry. */
export interface Entry {
  rid: string;
  /** "ns/name" for namespaced objects, "name" otherwise (etcd key order). */
  key: string;
  ns: string;
  name: string;
  uid: string;
  rv: number;
  json: string;
  labels: Record<string, string> | undefined;
  fields: Record<string, string>;
  owners: string[];
  deleting: boolean;
  /** Pods: Ready condition True. */
  ready: boolean;
}

export interface Change {
  type: ChangeType;
  rid: string;
  entry: Entry;
  /** The previous version (MODIFIED / DELETED). */
  prev: Entry | undefined;
  /** The object as written; shared by all listeners, treat as read-only. */
  obj: Obj;
}

export type LoggedChange = Omit<Change, 'obj'>;

interface Table {
  def: ResourceDef;
  entries: Map<string, Entry>;
  sorted: string[] | null;
}

export const keyOf = (ns: string, name: string): string => (ns === '' ? name : `${ns}/${name}`);

function podReady(o: Obj): boolean {
  const conds: Obj[] = o.status?.conditions ?? [];
  return conds.some((c) => c.type === 'Ready' && c.status === 'True');
}

export interface StoreOptions {
  /** How many changes watches can replay; older resourceVersions answer 410. */
  watchWindow?: number;
}

export class Store {
  rv = 0;
  /** Watches from a resourceVersion below this answer 410 Expired. */
  compactedRv = 0;
  private readonly tables = new Map<string, Table>();
  private readonly owners = new Map<string, Set<string>>();
  /** The change log for watch replay; no parsed objects kept (they would pin megabytes). */
  private log: LoggedChange[] = [];
  private readonly window: number;
  private readonly listeners = new Set<(c: Change) => void>();

  constructor(opts: StoreOptions = {}) {
    this.window = opts.watchWindow ?? 20_000;
  }

  table(rid: string): Table {
    let t = this.tables.get(rid);
    if (t === undefined) {
      t = { def: resourceById(rid), entries: new Map(), sorted: null };
      this.tables.set(rid, t);
    }
    return t;
  }

  entry(rid: string, ns: string, name: string): Entry | undefined {
    return this.table(rid).entries.get(keyOf(ns, name));
  }

  get(rid: string, ns: string, name: string): Obj | undefined {
    const e = this.entry(rid, ns, name);
    return e === undefined ? undefined : JSON.parse(e.json);
  }

  mustGet(rid: string, ns: string, name: string): Obj {
    const o = this.get(rid, ns, name);
    if (o === undefined) {
      const def = resourceById(rid);
      throw notFound(def.plural, def.group, name);
    }
    return o;
  }

  count(rid: string): number {
    return this.table(rid).entries.size;
  }

  entries(rid: string): IterableIterator<Entry> {
    return this.table(rid).entries.values();
  }

  /** Entries of a namespace ('' = all), in key order. */
  *entriesIn(rid: string, ns: string): Generator<Entry> {
    const t = this.table(rid);
    const keys = this.sortedKeys(rid);
    let i = 0;
    if (ns !== '' && t.def.namespaced) i = lowerBound(keys, `${ns}/`);
    for (; i < keys.length; i++) {
      const e = t.entries.get(keys[i]!)!;
      if (ns !== '' && t.def.namespaced && e.ns !== ns) break;
      yield e;
    }
  }

  sortedKeys(rid: string): string[] {
    const t = this.table(rid);
    if (t.sorted === null) t.sorted = [...t.entries.keys()].sort();
    return t.sorted;
  }

  /** Dependents of an owner uid, as [rid, key] pairs. */
  dependents(ownerUid: string): { rid: string; ns: string; name: string }[] {
    const set = this.owners.get(ownerUid);
    if (set === undefined) return [];
    return [...set].map((s) => {
      const [rid, ns, name] = s.split('\u0000') as [string, string, string];
      return { rid, ns, name };
    });
  }

  subscribe(fn: (c: Change) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  create(rid: string, obj: Obj): Entry {
    const t = this.table(rid);
    const ns = t.def.namespaced ? String(obj.metadata.namespace ?? '') : '';
    const name = String(obj.metadata.name);
    const key = keyOf(ns, name);
    if (t.entries.has(key)) throw alreadyExists(t.def.plural, t.def.group, name);
    const e = this.write(t, obj, ns, name);
    t.sorted = null;
    this.emit({ type: 'ADDED', rid, entry: e, prev: undefined, obj });
    return e;
  }

  /** Replace an object. When `expectRv` is given and differs, 409 Conflict like the real server. */
  update(rid: string, obj: Obj, expectRv?: string): Entry {
    const t = this.table(rid);
    const ns = t.def.namespaced ? String(obj.metadata.namespace ?? '') : '';
    const name = String(obj.metadata.name);
    const prev = t.entries.get(keyOf(ns, name));
    if (prev === undefined) throw notFound(t.def.plural, t.def.group, name);
    if (expectRv !== undefined && expectRv !== '' && expectRv !== String(prev.rv)) {
      throw conflict(t.def.plural, t.def.group, name, 'the object has been modified; please apply your changes to the latest version and try again');
    }
    const e = this.write(t, obj, ns, name, prev);
    this.emit({ type: 'MODIFIED', rid, entry: e, prev, obj });
    return e;
  }

  remove(rid: string, ns: string, name: string): Entry | undefined {
    const t = this.table(rid);
    const key = keyOf(t.def.namespaced ? ns : '', name);
    const prev = t.entries.get(key);
    if (prev === undefined) return undefined;
    const obj = JSON.parse(prev.json);
    obj.metadata.resourceVersion = String(++this.rv);
    const e: Entry = { ...prev, rv: this.rv, json: JSON.stringify(obj) };
    t.entries.delete(key);
    t.sorted = null;
    this.indexOwners(prev, undefined);
    this.emit({ type: 'DELETED', rid, entry: e, prev, obj });
    return e;
  }

  private write(t: Table, obj: Obj, ns: string, name: string, prev?: Entry): Entry {
    obj.metadata.resourceVersion = String(++this.rv);
    const owners: string[] = (obj.metadata.ownerReferences ?? []).map((r: Obj) => String(r.uid));
    const e: Entry = {
      rid: t.def.id,
      key: keyOf(ns, name),
      ns,
      name,
      uid: String(obj.metadata.uid ?? ''),
      rv: this.rv,
      json: JSON.stringify(obj),
      labels: obj.metadata.labels,
      fields: fieldsOf(t.def, obj),
      owners,
      deleting: obj.metadata.deletionTimestamp !== undefined && obj.metadata.deletionTimestamp !== null,
      ready: t.def.id === 'pods' && podReady(obj),
    };
    t.entries.set(e.key, e);
    this.indexOwners(prev, e);
    return e;
  }

  private indexOwners(prev: Entry | undefined, next: Entry | undefined): void {
    const ref = (e: Entry): string => `${e.rid}\u0000${e.ns}\u0000${e.name}`;
    if (prev !== undefined && (next === undefined || prev.owners.join() !== next.owners.join())) {
      for (const o of prev.owners) {
        const s = this.owners.get(o);
        s?.delete(ref(prev));
        if (s?.size === 0) this.owners.delete(o);
      }
    }
    if (next !== undefined && (prev === undefined || prev.owners.join() !== next.owners.join())) {
      for (const o of next.owners) {
        let s = this.owners.get(o);
        if (s === undefined) this.owners.set(o, (s = new Set()));
        s.add(ref(next));
      }
    }
  }

  private emit(c: Change): void {
    this.log.push({ type: c.type, rid: c.rid, entry: c.entry, prev: c.prev });
    if (this.log.length > this.window * 2) {
      const dropped = this.log.length - this.window;
      this.compactedRv = Math.max(this.compactedRv, this.log[dropped - 1]!.entry.rv);
      this.log = this.log.slice(dropped);
    }
    for (const fn of this.listeners) fn(c);
  }

  /** Changes after `rv`, or null when some of them were already dropped (the caller answers 410). */
  changesSince(rv: number): LoggedChange[] | null {
    if (rv < this.compactedRv) return null;
    const i = lowerBoundBy(this.log, rv + 1);
    return this.log.slice(i);
  }

  /** Forget history: every resourceVersion older than now answers 410 on watch and continue. */
  compact(): void {
    this.compactedRv = this.rv;
    this.log = [];
  }
}

function lowerBound(keys: string[], k: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lowerBoundBy(log: LoggedChange[], rv: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (log[mid]!.entry.rv < rv) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export { lowerBound };
