// The one store of the cluster's records. Longer than most files on purpose: every write keeps
// the versions, change marks and publish batching consistent, so they stay in one class.
import { resolvePrices, type ResolvedPrices } from '../domain/fargate-prices.js';
import { templateKeyOf } from '../domain/replacement.js';
import type {
  EventRecord,
  NamespaceRecord,
  NodeRecord,
  OwnerTemplateRecord,
  PersistentVolumeClaimRecord,
  PersistentVolumeRecord,
  PodRecord,
  Profile,
  StorageClassRecord,
  TemplateOwnerKind,
} from '../domain/types.js';
import { ChangeLog, type ChangeKind } from './change-log.js';
import {
  podKey,
  type ClusterIdentity,
  type ConnectionStatus,
  type ProfilesStatus,
  type Snapshot,
} from './snapshot.js';

type Listener = (snapshot: Snapshot) => void;

/** Kinds of records the store keeps in keyed collections. */
type Collections = {
  pods: PodRecord;
  namespaces: NamespaceRecord;
  nodes: NodeRecord;
  claims: PersistentVolumeClaimRecord;
  volumes: PersistentVolumeRecord;
  storageClasses: StorageClassRecord;
  templates: OwnerTemplateRecord;
};
export type CollectionName = keyof Collections;

const keyOf: { [K in CollectionName]: (record: Collections[K]) => string } = {
  pods: (p) => podKey(p.namespace, p.name),
  namespaces: (n) => n.name,
  nodes: (n) => n.name,
  claims: (c) => podKey(c.namespace, c.name),
  volumes: (v) => v.name,
  storageClasses: (c) => c.name,
  templates: templateKeyOf,
};

/** Collections every placement depends on: a change re-places all pods (contextVersion). */
const CONTEXT: ReadonlySet<CollectionName> = new Set(['claims', 'volumes', 'storageClasses', 'templates']);

/** Small records compared by value, so a watch event that changes nothing we keep (a status update) costs nothing. */
const sameRecord = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Collections whose writes are recorded key by key in the change log (the live view follows them row by row). */
const LOGGED: Partial<Record<CollectionName, ChangeKind>> = { pods: 'pods', nodes: 'nodes' };

const MAX_EVENTS_PER_POD = 10;
/** Event lists kept for pods the store does not hold, before those are pruned (see addEvent). */
const ORPHAN_EVENT_KEYS = 200;
const CHANGE_MARK_MS = 3000;

/**
 * The one snapshot of the cluster. Sources write into it; faces subscribe and read.
 * Writes are cheap (maps are mutated in place); listeners are notified at most once per
 * `batchMs` so a burst of watch events becomes one new Snapshot.
 */
export class ClusterStore {
  private readonly maps: { [K in CollectionName]: Map<string, Collections[K]> } = {
    pods: new Map(),
    namespaces: new Map(),
    nodes: new Map(),
    claims: new Map(),
    volumes: new Map(),
    storageClasses: new Map(),
    templates: new Map(),
  };
  private readonly templatesRead = new Map<TemplateOwnerKind, string | null>();
  private contextVersion = 0;
  /** The built-in table's rates for the identity's region until setPrices says otherwise (--price-file). */
  private prices: ResolvedPrices;
  private readonly events = new Map<string, EventRecord[]>();
  private readonly changedAt = new Map<string, number>();
  private liveProfiles: Profile[] = [];
  private fileProfiles: Profile[] = [];
  private profilesVersion = 0;
  private profilesStatus: ProfilesStatus = { state: 'loading', message: null, fetchedAt: null, stale: false };
  private connection: ConnectionStatus = { state: 'connecting', message: null, lastUpdateAt: null };
  private warnings: string[] = [];
  private controlPlaneVersion: string | null = null;
  private version = 0;
  private current: Snapshot;
  private readonly changeLog = new ChangeLog();
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | null = null;
  private scheduled = false;
  private lastPublishAt = -Infinity;

  constructor(
    private identity: ClusterIdentity,
    private readonly batchMs = 16,
    private readonly now: () => number = Date.now,
  ) {
    this.prices = resolvePrices(identity.region);
    this.current = this.build();
  }

  getSnapshot = (): Snapshot => {
    // Nobody subscribed (one-shot faces): build on read instead of on every write.
    if (this.listeners.size === 0 && this.current.version !== this.version) this.current = this.build();
    return this.current;
  };

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  // ---- writes (called by sources and actions) ----

  upsert<K extends CollectionName>(kind: K, record: Collections[K]): void {
    const key = keyOf[kind](record);
    const map = this.maps[kind];
    if (CONTEXT.has(kind)) {
      const previous = map.get(key);
      if (previous !== undefined && sameRecord(previous, record)) return;
      this.contextVersion++;
    }
    map.set(key, record);
    if (kind === 'pods') this.changedAt.set(key, this.now());
    this.touch();
    this.logChange(kind, key);
  }

  remove<K extends CollectionName>(kind: K, key: string): void {
    if (this.maps[kind].delete(key)) {
      if (CONTEXT.has(kind)) this.contextVersion++;
      this.touch();
      this.logChange(kind, key);
    }
    if (kind === 'pods') {
      this.changedAt.delete(key);
      this.events.delete(key);
    }
  }

  /** Replace a whole collection after a (re)list: rows that vanished during a watch gap disappear. */
  replaceAll<K extends CollectionName>(kind: K, records: Iterable<Collections[K]>): void {
    const next = new Map<string, Collections[K]>();
    for (const record of records) next.set(keyOf[kind](record), record);
    const map = this.maps[kind];
    for (const key of map.keys()) if (!next.has(key) && kind === 'pods') this.events.delete(key);
    map.clear();
    for (const [key, record] of next) map.set(key, record);
    if (CONTEXT.has(kind)) this.contextVersion++;
    this.touch();
    if (LOGGED[kind] !== undefined) this.changeLog.forget(this.version);
  }

  /** A (re)list of one controller kind's templates: replaces that kind's records only, then marks the kind read. */
  replaceTemplates(kind: TemplateOwnerKind, records: Iterable<OwnerTemplateRecord>): void {
    const map = this.maps.templates;
    for (const [key, record] of map) if (record.kind === kind) map.delete(key);
    for (const record of records) map.set(templateKeyOf(record), record);
    this.contextVersion++;
    this.setTemplatesRead(kind, null);
    this.touch();
  }

  /** Owner templates of `kind` were listed (null), or could not be (why): pods they own are judged accordingly. */
  setTemplatesRead(kind: TemplateOwnerKind, state: string | null): void {
    if (this.templatesRead.get(kind) === state && this.templatesRead.has(kind)) return;
    this.templatesRead.set(kind, state);
    this.contextVersion++;
    this.touch();
  }

  addEvent(event: EventRecord): void {
    const key = podKey(event.namespace, event.podName);
    // Pods and events come on separate watches: an event may arrive for a pod not listed yet
    // (kept: the pod follows) or for one already deleted (a replayed events watch after a
    // reconnect). Prune the latter once there are many, or a long session with churn grows.
    const pods = this.maps.pods;
    if (pods.size > 0 && !pods.has(key) && this.events.size >= pods.size + ORPHAN_EVENT_KEYS) {
      for (const k of this.events.keys()) if (!this.maps.pods.has(k)) this.events.delete(k);
    }
    const list = (this.events.get(key) ?? []).filter(
      (e) => !(e.reason === event.reason && e.message === event.message && e.source === event.source),
    );
    list.push(event);
    list.sort((a, b) => a.lastSeen - b.lastSeen);
    this.events.set(key, list.slice(-MAX_EVENTS_PER_POD));
    this.touch();
    this.changeLog.record(this.version, 'events', key);
  }

  replaceEvents(events: Iterable<EventRecord>): void {
    this.events.clear();
    this.touch();
    this.changeLog.forget(this.version);
    for (const e of events) this.addEvent(e);
    this.touch();
  }

  setLiveProfiles(profiles: Profile[], status: ProfilesStatus): void {
    this.liveProfiles = profiles;
    this.profilesStatus = status;
    this.profilesVersion++;
    this.touch();
  }

  /** A failed re-read: keep the profiles we had, mark them stale if there were any. */
  setProfilesStatus(status: ProfilesStatus): void {
    this.profilesStatus = status;
    this.touch();
  }

  setFileProfiles(profiles: Profile[]): void {
    this.fileProfiles = profiles;
    this.profilesVersion++;
    this.touch();
  }

  setConnection(connection: Partial<ConnectionStatus>): void {
    this.connection = { ...this.connection, ...connection };
    this.touch();
  }

  markUpdated(): void {
    this.connection = { ...this.connection, lastUpdateAt: this.now() };
    this.touch();
  }

  /** The cluster region's Fargate rates and where they come from; every pod is priced again. */
  setPrices(prices: ResolvedPrices): void {
    this.prices = prices;
    this.contextVersion++;
    this.touch();
  }

  /** /version's gitVersion; a change (an upgrade seen live) re-judges every pod's kubelet. */
  setControlPlaneVersion(gitVersion: string | null): void {
    if (gitVersion === this.controlPlaneVersion) return;
    this.controlPlaneVersion = gitVersion;
    this.touch();
  }

  setIdentity(identity: ClusterIdentity): void {
    this.identity = identity;
    this.touch();
  }

  addWarning(message: string): void {
    if (!this.warnings.includes(message)) this.warnings = [...this.warnings, message];
    this.touch();
  }

  /** Publish now instead of waiting for the batch timer (one-shot faces call this before reading). */
  flush(): Snapshot {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.scheduled = false;
    this.publish();
    return this.current;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  /** After touch(): the write's version is the current one. */
  private logChange(kind: CollectionName, key: string): void {
    const logged = LOGGED[kind];
    if (logged !== undefined) this.changeLog.record(this.version, logged, key);
  }

  private touch(): void {
    this.version++;
    if (this.scheduled || this.listeners.size === 0) return;
    this.scheduled = true;
    // Leading edge: an isolated change is published once the current job is done (a microtask),
    // so one watch event reaches the screen without waiting; a burst is coalesced into at most
    // one snapshot per batchMs.
    const wait = this.lastPublishAt + this.batchMs - this.now();
    const run = () => {
      this.timer = null;
      this.scheduled = false;
      this.publish();
    };
    if (wait <= 0) queueMicrotask(run);
    else this.timer = setTimeout(run, wait);
  }

  private publish(): void {
    if (this.current.version === this.version) return;
    this.lastPublishAt = this.now();
    this.current = this.build();
    for (const listener of this.listeners) listener(this.current);
  }

  private build(): Snapshot {
    const now = this.now();
    for (const [key, at] of this.changedAt) if (now - at > CHANGE_MARK_MS) this.changedAt.delete(key);
    return {
      version: this.version,
      identity: this.identity,
      pods: this.maps.pods,
      namespaces: this.maps.namespaces,
      nodes: this.maps.nodes,
      claims: this.maps.claims,
      volumes: this.maps.volumes,
      storageClasses: this.maps.storageClasses,
      templates: this.maps.templates,
      templatesRead: new Map(this.templatesRead),
      contextVersion: this.contextVersion,
      prices: this.prices,
      events: this.events,
      changeLog: this.changeLog,
      profiles: [...this.liveProfiles, ...this.fileProfiles],
      profilesVersion: this.profilesVersion,
      profilesStatus: this.profilesStatus,
      connection: this.connection,
      controlPlaneVersion: this.controlPlaneVersion,
      changedAt: new Map(this.changedAt),
      warnings: this.warnings,
    };
  }
}
