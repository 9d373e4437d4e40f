import type { PodView } from '../../domain/pod-view.js';
import type { FargateSize, OwnerRef, Placement, RunsOn, Verdict } from '../../domain/types.js';
import { NONE, type Tone, type Word } from './tones.js';
import { kubeletWord } from './upgrade.js';

// The words of each pod fact, for every face: the CLI tables (plain, -o wide, check) and the
// TUI's pods view and pod detail. A column means the same and reads the same everywhere; --json
// keeps its machine values (runsOn "ec2", expectedProfile null) and is not made here.

export { NONE };

const RUNS_ON: Record<RunsOn, string> = { fargate: 'Fargate', ec2: 'EC2', pending: 'pending' };

/** The kind of node the pod runs on. */
export const runsOnWord = (runsOn: RunsOn): Word => ({ text: RUNS_ON[runsOn] });

/** The profile EKS admitted the pod under. */
export const currentProfileWord = (p: Placement): Word => ({ text: p.currentProfile ?? NONE });

/** The profile EKS would pick now: `EC2` for none, `name*` for a --profiles-file proposal, `?` when profiles are unknown. */
export function expectedProfileWord(p: Placement, proposed: ReadonlySet<string>): Word {
  if (p.matchingProfiles === null) return { text: '?' };
  const name = p.expectedProfile;
  if (name === null) return { text: 'EC2' };
  return proposed.has(name) ? { text: `${name}*`, tone: 'proposed' } : { text: name };
}

export const verdictTone = (verdict: Verdict): Tone => `verdict.${verdict}`;
/** The verdict reads as --json spells it; its colour says how urgent it is. */
export const verdictWord = (verdict: Verdict): Word => ({ text: verdict, tone: verdictTone(verdict) });

/** The conclusion: the placement engine states its verdict's reason last. */
export const reasonWord = (p: Placement): Word => ({ text: p.reasons.at(-1) ?? '', tone: 'text.secondary' });

/** The predicted Fargate size; none when the pod fits no Fargate size. */
export const sizeWord = (size: FargateSize | null): Word => ({ text: size?.label ?? NONE });

/** USD per hour of the predicted size at the cluster region's rates, to a hundredth of a cent; `<none>` when unknown. */
export const priceWord = (size: FargateSize | null): Word => ({ text: size?.hourlyUsd == null ? NONE : size.hourlyUsd.toFixed(4) });

/** "ReplicaSet/web-5d4f8" (--json's owner too); null for a bare pod. */
export const ownerRef = (owner: OwnerRef | null): string | null => (owner ? `${owner.kind}/${owner.name}` : null);
export const ownerWord = (owner: OwnerRef | null): Word => ({ text: ownerRef(owner) ?? NONE });

/** kubectl's --show-labels cell: `app=web,tier=db`, keys sorted; `<none>` without labels. */
export function labelsWord(labels: Readonly<Record<string, string>>): Word {
  const keys = Object.keys(labels).sort();
  return { text: keys.length === 0 ? NONE : keys.map((k) => `${k}=${labels[k]}`).join(',') };
}

/** The node's name. */
export const nodeWord = (nodeName: string | null): Word => ({ text: nodeName ?? NONE });

/** kubectl-style age: 45s, 3m, 2h, 4d. */
export function ageText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  return `${Math.floor(h / 24)}d`;
}

export interface PodWordContext {
  /** ClusterView.proposed: profiles only --profiles-file has. */
  proposed: ReadonlySet<string>;
  /** Epoch ms the ages are counted to. */
  now: number;
}

export interface PodFact {
  /** The column header, the same in every table that shows the fact. */
  header: string;
  word: (view: PodView, context: PodWordContext) => Word;
}

export type PodFactId = 'namespace' | 'name' | 'status' | 'runsOn' | 'current' | 'expected' | 'verdict' | 'reason' | 'size' | 'price' | 'node' | 'owner' | 'age' | 'labels' | 'kubelet';

/** Every pod column any face shows; a face picks which ones, never how they read. */
export const POD_FACTS: Readonly<Record<PodFactId, PodFact>> = {
  namespace: { header: 'NAMESPACE', word: (v) => ({ text: v.pod.namespace }) },
  name: { header: 'NAME', word: (v) => ({ text: v.pod.name }) },
  status: { header: 'STATUS', word: (v) => ({ text: v.pod.status }) },
  runsOn: { header: 'NODE-TYPE', word: (v) => runsOnWord(v.placement.runsOn) },
  current: { header: 'CURRENT', word: (v) => currentProfileWord(v.placement) },
  expected: { header: 'EXPECTED', word: (v, c) => expectedProfileWord(v.placement, c.proposed) },
  verdict: { header: 'VERDICT', word: (v) => verdictWord(v.placement.verdict) },
  reason: { header: 'REASON', word: (v) => reasonWord(v.placement) },
  size: { header: 'SIZE', word: (v) => sizeWord(v.placement.size) },
  price: { header: 'USD/H', word: (v) => priceWord(v.placement.size) },
  node: { header: 'NODE', word: (v) => nodeWord(v.pod.nodeName) },
  owner: { header: 'OWNER', word: (v) => ownerWord(v.pod.owner) },
  age: { header: 'AGE', word: (v, c) => ({ text: ageText(c.now - v.pod.createdAt) }) },
  labels: { header: 'LABELS', word: (v) => labelsWord(v.pod.labels) },
  kubelet: { header: 'KUBELET', word: (v) => kubeletWord(v.upgrade) },
};
