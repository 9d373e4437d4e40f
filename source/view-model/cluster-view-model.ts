import { addUsd } from '../domain/fargate-prices.js';
import { placePod } from '../domain/placement.js';
import type { EventRecord, NodeRecord, PlacementContext, PodRecord } from '../domain/types.js';
import type { Snapshot } from '../store/snapshot.js';
import { parseKubeVersion, type KubeVersion } from '../domain/versions.js';
import {
  clusterFacts,
  compare,
  comparePodViews,
  placementContext,
  profilesAreKnown,
  summarizeNamespace,
  summarizeProfile,
  totalsOf,
  upgradeFields,
  upgradeView,
  withUpgradeWarnings,
  type ClusterView,
  type NamespaceSummary,
  type PodView,
  type ProfileSummary,
  type Totals,
} from './cluster-view.js';

const NO_EVENTS: readonly EventRecord[] = Object.freeze([]);

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

/**
 * The live TUI's view-model: the same ClusterView buildClusterView gives, kept up to date one
 * snapshot at a time. A watch event touches a few pods out of thousands, so an update walks the
 * previous rows once, places again only pods whose record or node changed (reusing every other
 * PodView), sorts only pods that are new, and recounts only the namespaces they are in.
 * Placements are remembered per pod, like evaluatePods' cache, but a node watch event (every new
 * Fargate pod brings its own node) re-places only the pods on that node, not all of them.
 */
export class ClusterViewModel {
  /** By namespace; each part's rows sorted by name. */
  private parts = new Map<string, Part>();
  private readonly keys = new Set<string>();
  /** Profiles, whether they are known, claims, volumes and owner templates: when this changes every pod is placed again. */
  private token: string | null = null;
  private controlPlane: KubeVersion | null = null;
  private last: ClusterView | null = null;

  update(snapshot: Snapshot): ClusterView {
    if (this.last?.snapshotVersion === snapshot.version) return this.last;
    const profilesKnown = profilesAreKnown(snapshot);
    // The control plane's version too: an upgrade seen live re-judges every pod's kubelet.
    const token = `${snapshot.profilesVersion}:${profilesKnown}:${snapshot.contextVersion}:${snapshot.controlPlaneVersion}`;
    const replaceAll = token !== this.token;
    this.token = token;
    this.controlPlane = parseKubeVersion(snapshot.controlPlaneVersion);
    const ctx = placementContext(snapshot, profilesKnown);

    // Pods already shown: re-placed when they changed, dropped when gone; each part stays sorted.
    const rowsByNamespace = new Map<string, Row[]>();
    const changed = new Set<string>();
    for (const [namespace, part] of this.parts) {
      const rows: Row[] = [];
      for (const row of part.rows) {
        const pod = snapshot.pods.get(row.view.key);
        if (pod === undefined) {
          this.keys.delete(row.view.key);
          changed.add(namespace);
          continue;
        }
        const next = this.place(row.view.key, pod, snapshot, ctx, replaceAll ? undefined : row);
        if (next !== row) changed.add(namespace);
        rows.push(next);
      }
      rowsByNamespace.set(namespace, rows);
    }

    // Every key kept is in the snapshot, so equal sizes mean no pod was added.
    if (this.keys.size !== snapshot.pods.size) {
      const added = new Map<string, Row[]>();
      for (const [key, pod] of snapshot.pods) {
        if (this.keys.has(key)) continue;
        this.keys.add(key);
        const rows = added.get(pod.namespace) ?? [];
        rows.push(this.place(key, pod, snapshot, ctx, undefined));
        added.set(pod.namespace, rows);
      }
      for (const [namespace, rows] of added) {
        rowsByNamespace.set(namespace, mergeSorted(rowsByNamespace.get(namespace) ?? [], rows.sort((a, b) => comparePodViews(a.view, b.view))));
        changed.add(namespace);
      }
    }

    const parts = new Map<string, Part>();
    for (const [namespace, rows] of rowsByNamespace) {
      if (rows.length === 0) continue;
      const previous = this.parts.get(namespace);
      parts.set(namespace, previous !== undefined && !replaceAll && !changed.has(namespace) ? previous : summarizePart(namespace, rows, snapshot));
    }
    this.parts = parts;
    this.last = assemble(snapshot, profilesKnown, parts);
    return this.last;
  }

  /** The pod's row: `previous` itself when nothing the placement depends on changed. */
  private place(key: string, pod: PodRecord, snapshot: Snapshot, ctx: PlacementContext, previous: Row | undefined): Row {
    const node = pod.nodeName ? snapshot.nodes.get(pod.nodeName) : undefined;
    const events = snapshot.events.get(key) ?? NO_EVENTS;
    if (previous !== undefined && previous.node === node) {
      const view = previous.view;
      if (view.pod === pod && view.events === events) return previous;
      // The same version of the pod (as evaluatePods judges it): the placement stands.
      if (view.pod.uid === pod.uid && view.pod.resourceVersion === pod.resourceVersion) {
        return { view: { key, pod, placement: view.placement, events, ...upgradeFields(pod, view.placement, node, this.controlPlane, snapshot.templates) }, node };
      }
    }
    const placement = placePod(pod, ctx);
    return { view: { key, pod, placement, events, ...upgradeFields(pod, placement, node, this.controlPlane, snapshot.templates) }, node };
  }
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
  const pods: PodView[] = [];
  const byNamespace = new Map<string, PodView[]>();
  const totals = totalsOf([]);
  const profiles = snapshot.profiles.map((profile) => summarizeProfile(profile, []));
  const namespaces = sorted.map((name) => {
    const part = parts.get(name);
    if (part === undefined) return summarizeNamespace(name, [], snapshot.profiles);
    for (const view of part.pods) pods.push(view);
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
  return { ...facts, warnings: withUpgradeWarnings(facts.warnings, totals), snapshotVersion: snapshot.version, profilesKnown, pods, byNamespace, namespaces, profiles, totals, upgrade };
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
