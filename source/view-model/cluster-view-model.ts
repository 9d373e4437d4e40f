import { addUsd } from '../domain/fargate-prices.js';
import { placePod } from '../domain/placement.js';
import type { NodeRecord, PlacementContext, PodRecord } from '../domain/types.js';
import type { ChangeLogReader, Changes } from '../store/change-log.js';
import type { Snapshot } from '../store/snapshot.js';
import { PodsByNode } from './pods-by-node.js';
import { parseKubeVersion, type KubeVersion } from '../domain/versions.js';
import {
  clusterFacts,
  compare,
  comparePodViews,
  placementContext,
  podSurroundings,
  podViewOf,
  profilesAreKnown,
  summarizeNamespace,
  summarizeProfile,
  totalsOf,
  upgradeView,
  withUpgradeWarnings,
  type ClusterView,
  type NamespaceSummary,
  type PodView,
  type ProfileSummary,
  type Totals,
} from './cluster-view.js';

/** What the live view follows (the store, as faces may see it): subscribe, then read the latest snapshot. */
export interface SnapshotFeed {
  subscribe(listener: () => void): () => void;
  getSnapshot(): Snapshot;
}

interface Row {
  view: PodView;
  /** The record of the node the pod was placed on: Fargate or EC2 is read from it. */
  node: NodeRecord | undefined;
}

/** One namespace's pods and their counts; rebuilt only when one of its pods changed. */
interface Part {
  rows: Row[];
  /** The same pods as `rows`, sorted by name: ClusterView.byNamespace's entry. */
  pods: PodView[];
  summary: NamespaceSummary;
  totals: Totals;
  /** Per snapshot profile (same order): its counts among this namespace's pods. */
  profiles: ProfileSummary[];
}

/** One namespace's new rows, for the namespaces an update touched ([] when its last pod went). */
type Touched = Map<string, Row[]>;

/**
 * The live TUI's view-model: the same ClusterView buildClusterView gives, kept up to date one
 * snapshot at a time. A watch event touches a few pods out of thousands, so an update asks the
 * store's change log which pods, nodes and event lists were written since the last snapshot it
 * read, places again only those pods (and the pods on a changed node: every new Fargate pod brings
 * its own node), slots them into their namespace's sorted rows and recounts only those
 * namespaces; every other PodView is reused. When the log cannot tell (a relist, or changed
 * profiles, context or control plane, which re-place every pod), it walks every row instead.
 */
export class ClusterViewModel {
  /** By namespace; each part's rows sorted by name. */
  private parts = new Map<string, Part>();
  /** Every pod shown, by key. */
  private readonly rows = new Map<string, Row>();
  /** The pods shown, by the node they name (present or not yet listed). */
  private readonly onNode = new PodsByNode();
  /** Profiles, whether they are known, claims, volumes and owner templates: when this changes every pod is placed again. */
  private token: string | null = null;
  private controlPlane: KubeVersion | null = null;
  private last: ClusterView | null = null;
  /** The change log the last snapshot came with: another one (or none) is another store's history. */
  private log: ChangeLogReader | undefined;

  update(snapshot: Snapshot): ClusterView {
    if (this.last?.snapshotVersion === snapshot.version) return this.last;
    const profilesKnown = profilesAreKnown(snapshot);
    // The control plane's version too: an upgrade seen live re-judges every pod's kubelet.
    const token = `${snapshot.profilesVersion}:${profilesKnown}:${snapshot.contextVersion}:${snapshot.controlPlaneVersion}`;
    const replaceAll = token !== this.token;
    this.token = token;
    this.controlPlane = parseKubeVersion(snapshot.controlPlaneVersion);
    const ctx = placementContext(snapshot, profilesKnown);

    const changes =
      !replaceAll && this.last !== null && this.last.snapshotVersion < snapshot.version && snapshot.changeLog !== undefined && snapshot.changeLog === this.log
        ? snapshot.changeLog.between(this.last.snapshotVersion, snapshot.version)
        : null;
    this.log = snapshot.changeLog;
    const touched = changes === null ? this.walk(snapshot, ctx, replaceAll) : this.apply(changes, snapshot, ctx);

    const parts = new Map(this.parts);
    for (const [namespace, rows] of touched) {
      if (rows.length === 0) parts.delete(namespace);
      else parts.set(namespace, summarizePart(namespace, rows, snapshot));
    }
    this.parts = parts;
    this.last = assemble(snapshot, profilesKnown, parts);
    return this.last;
  }

  /** Only what the change log names: the changed pods and event lists, and the pods on changed nodes. */
  private apply(changes: Changes, snapshot: Snapshot, ctx: PlacementContext): Touched {
    const keys = new Set<string>([...changes.pods, ...changes.events]);
    for (const node of changes.nodes) for (const key of this.onNode.keysOn(node)) keys.add(key);

    const edits = new Map<string, { replaced: Row[]; removed: Set<string>; added: Row[] }>();
    const editOf = (namespace: string) => {
      let edit = edits.get(namespace);
      if (edit === undefined) edits.set(namespace, (edit = { replaced: [], removed: new Set(), added: [] }));
      return edit;
    };
    for (const key of keys) {
      const previous = this.rows.get(key);
      const pod = snapshot.pods.get(key);
      if (pod === undefined) {
        if (previous === undefined) continue;
        this.forgetRow(previous);
        editOf(previous.view.pod.namespace).removed.add(key);
        continue;
      }
      const next = this.place(key, pod, snapshot, ctx, previous);
      if (next === previous) continue;
      this.keepRow(next, previous);
      if (previous === undefined) editOf(pod.namespace).added.push(next);
      else editOf(pod.namespace).replaced.push(next);
    }

    const touched: Touched = new Map();
    for (const [namespace, { replaced, removed, added }] of edits) {
      let rows = (this.parts.get(namespace)?.rows ?? []).slice();
      // A key names its namespace and pod, so a replaced row keeps its place in the name order.
      for (const row of replaced) {
        const at = indexOfRow(rows, row);
        if (at >= 0) rows[at] = row;
        else added.push(row);
      }
      if (removed.size > 0) rows = rows.filter((row) => !removed.has(row.view.key));
      if (added.length > 0) rows = mergeSorted(rows, added.sort((a, b) => comparePodViews(a.view, b.view)));
      touched.set(namespace, rows);
    }
    return touched;
  }

  /** Every row: re-placed when its pod, node or events changed (all of them when `replaceAll`), dropped when gone. */
  private walk(snapshot: Snapshot, ctx: PlacementContext, replaceAll: boolean): Touched {
    const touched: Touched = new Map();
    for (const [namespace, part] of this.parts) {
      const rows: Row[] = [];
      let changed = replaceAll;
      for (const row of part.rows) {
        const pod = snapshot.pods.get(row.view.key);
        if (pod === undefined) {
          this.forgetRow(row);
          changed = true;
          continue;
        }
        const next = this.place(row.view.key, pod, snapshot, ctx, replaceAll ? undefined : row);
        if (next !== row) {
          this.keepRow(next, row);
          changed = true;
        }
        rows.push(next);
      }
      if (changed) touched.set(namespace, rows);
    }

    // Every row kept is in the snapshot, so equal sizes mean no pod was added.
    if (this.rows.size !== snapshot.pods.size) {
      const added = new Map<string, Row[]>();
      for (const [key, pod] of snapshot.pods) {
        if (this.rows.has(key)) continue;
        const row = this.place(key, pod, snapshot, ctx, undefined);
        this.keepRow(row, undefined);
        const rows = added.get(pod.namespace) ?? [];
        rows.push(row);
        added.set(pod.namespace, rows);
      }
      for (const [namespace, rows] of added) {
        const kept = touched.get(namespace) ?? this.parts.get(namespace)?.rows ?? [];
        touched.set(namespace, mergeSorted(kept, rows.sort((a, b) => comparePodViews(a.view, b.view))));
      }
    }
    return touched;
  }

  /** Remember `row` (replacing `previous`, the same pod's last row), and the node it names. */
  private keepRow(row: Row, previous: Row | undefined): void {
    this.rows.set(row.view.key, row);
    const node = row.view.pod.nodeName;
    if (previous?.view.pod.nodeName === node) return;
    if (previous !== undefined) this.unindex(previous);
    if (node) this.onNode.add(node, row.view.key);
  }

  private forgetRow(row: Row): void {
    this.rows.delete(row.view.key);
    this.unindex(row);
  }

  private unindex(row: Row): void {
    const node = row.view.pod.nodeName;
    if (node) this.onNode.delete(node, row.view.key);
  }

  /** The pod's row: `previous` itself when nothing the placement depends on changed. */
  private place(key: string, pod: PodRecord, snapshot: Snapshot, ctx: PlacementContext, previous: Row | undefined): Row {
    const around = podSurroundings(snapshot, key, pod);
    const { node } = around;
    if (previous !== undefined && previous.node === node) {
      const view = previous.view;
      if (view.pod === pod && view.events === around.events) return previous;
      // The same version of the pod (same uid and resourceVersion): the placement stands.
      if (view.pod.uid === pod.uid && view.pod.resourceVersion === pod.resourceVersion) {
        return { view: podViewOf(key, pod, view.placement, around, this.controlPlane, snapshot.templates), node };
      }
    }
    return { view: podViewOf(key, pod, placePod(pod, ctx), around, this.controlPlane, snapshot.templates), node };
  }
}

/** Where a row of the same pod as `row` is in `rows` (sorted by name), by binary search; -1 if none. */
function indexOfRow(rows: readonly Row[], row: Row): number {
  let low = 0;
  let high = rows.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const order = comparePodViews(rows[mid]!.view, row.view);
    if (order === 0) return mid;
    if (order < 0) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

function summarizePart(namespace: string, rows: Row[], snapshot: Snapshot): Part {
  const pods = rows.map((r) => r.view);
  return {
    rows,
    pods,
    summary: summarizeNamespace(namespace, pods, snapshot.profiles),
    totals: totalsOf(pods),
    profiles: snapshot.profiles.map((profile) => summarizeProfile(profile, pods)),
  };
}

/** The ClusterView from the parts: cluster counts are the sums of the namespaces' counts. */
function assemble(snapshot: Snapshot, profilesKnown: boolean, parts: ReadonlyMap<string, Part>): ClusterView {
  const names = new Set<string>([...snapshot.namespaces.keys(), ...parts.keys()]);
  const sorted = [...names].sort(compare);
  const segments: PodView[][] = [];
  const byNamespace = new Map<string, PodView[]>();
  const totals = totalsOf([]);
  const profiles = snapshot.profiles.map((profile) => summarizeProfile(profile, []));
  const namespaces = sorted.map((name) => {
    const part = parts.get(name);
    if (part === undefined) return summarizeNamespace(name, [], snapshot.profiles);
    segments.push(part.pods);
    byNamespace.set(name, part.pods);
    for (const field of Object.keys(totals) as (keyof Totals)[]) totals[field] += part.totals[field];
    part.profiles.forEach((counts, i) => {
      profiles[i]!.running += counts.running;
      profiles[i]!.wouldCapture += counts.wouldCapture;
      profiles[i]!.hourlyUsd = addUsd(profiles[i]!.hourlyUsd, counts.hourlyUsd);
    });
    return part.summary;
  });
  const facts = clusterFacts(snapshot);
  const upgrade = upgradeView(parseKubeVersion(snapshot.controlPlaneVersion));
  const view: ClusterView = { ...facts, warnings: withUpgradeWarnings(facts.warnings, totals), snapshotVersion: snapshot.version, profilesKnown, pods: [], byNamespace, namespaces, profiles, totals, upgrade };
  // The flat list is joined when first read: the live screens read byNamespace (the pods list of
  // every namespace reads its arrays as one), so most snapshots never pay a 50k-row copy, nor
  // leave one to the garbage collector, on every watch event.
  let pods: PodView[] | undefined;
  Object.defineProperty(view, 'pods', { enumerable: true, configurable: true, get: () => (pods ??= concatAll(segments)) });
  return view;
}

/** The arrays joined in order: concat copies whole arrays at once, several times faster than pushing 50k rows one by one. */
function concatAll<T>(arrays: readonly T[][]): T[] {
  // In chunks: a cluster with very many namespaces must not overflow the argument list.
  const CHUNK = 4096;
  if (arrays.length <= CHUNK) return ([] as T[]).concat(...arrays);
  let out: T[] = [];
  for (let i = 0; i < arrays.length; i += CHUNK) out = out.concat(...arrays.slice(i, i + CHUNK));
  return out;
}

/** Merge two row arrays sorted by name into one, in O(a + b). */
function mergeSorted(a: readonly Row[], b: readonly Row[]): Row[] {
  const out: Row[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(comparePodViews(b[j]!.view, a[i]!.view) < 0 ? b[j++]! : a[i++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
