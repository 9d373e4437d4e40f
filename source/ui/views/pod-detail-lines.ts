import { chooseProfile, type ProfileExplanation } from '../../domain/choose.js';
import { hasWildcard } from '../../domain/glob.js';
import type { LabelCheck, SelectorCheck } from '../../domain/matching.js';
import { FARGATE_SCHEDULER, PROFILE_LABEL, type EventRecord, type OwnerRef } from '../../domain/types.js';
import type { ClusterView, PodView } from '../../view-model/cluster-view.js';
import { ageText, currentProfileWord, expectedProfileWord, priceWord, runsOnWord, verdictWord } from '../../view-model/words/pod.js';
import { priceOriginText } from '../../view-model/words/price.js';
import { kubeletSentence } from '../../view-model/words/upgrade.js';
import { seg, type Line } from '../components/lines.js';
import { toneStyle, type Theme } from '../theme.js';

// The pod detail as data, the answer first: the profile EKS would choose now and why, then what
// keeps the pod off Fargate, then every profile (matching ones first) with why each selector
// matches or not, fargate-scheduler events, size vs CapacityProvisioned, the pod and its owners.

export interface DetailInput {
  row: PodView;
  /** The profiles (profileRecords), whether they are known, and which are proposals. */
  view: Pick<ClusterView, 'profileRecords' | 'profilesKnown' | 'proposed'> & Partial<Pick<ClusterView, 'upgrade' | 'prices'>>;
  theme: Theme;
  now: number;
}

const MAX_EVENTS = 6;

export function podDetailLines({ row, view, theme, now }: DetailInput): Line[] {
  const { pod, placement } = row;
  const { profileRecords: profiles, profilesKnown } = view;
  const proposed = placement.expectedProfile !== null && view.proposed.has(placement.expectedProfile);
  const verdict = verdictWord(placement.verdict);
  const runsOn = runsOnWord(placement.runsOn).text;
  const t = theme;
  const lines: Line[] = [];
  const heading = (text: string) => {
    lines.push([]);
    lines.push([seg(text, t.text.title)]);
  };
  const field = (name: string, value: string, style?: typeof t.text.primary) =>
    lines.push([seg(`  ${name.padEnd(18)}`, t.text.secondary), seg(value, style)]);

  // The answer first: where EKS would put the pod now, and why; then what keeps it off Fargate.
  lines.push([seg(`Pod ${pod.namespace}/${pod.name}`, t.text.title), seg('  '), seg(verdict.text, toneStyle(t, verdict.tone))]);
  // The table's EXPECTED, with what `?` and `EC2` mean; a proposal gets a line of its own.
  const expected = expectedProfileWord(placement, view.proposed);
  const meaning = placement.matchingProfiles === null ? ' (unknown: the profiles could not be read)' : placement.expectedProfile === null ? ' (no profile: the default scheduler)' : '';
  field('expected profile', `${expected.text}${meaning}`, toneStyle(t, expected.tone));
  if (proposed) lines.push([seg('  ↳ proposed in --profiles-file (what-if)', t.proposed)]);
  for (const reason of placement.reasons) lines.push([seg('  • ', t.text.secondary), seg(reason)]);
  field(
    'needs reschedule',
    placement.needsReschedule === null ? 'unknown' : placement.needsReschedule ? 'yes' : 'no',
    placement.needsReschedule ? t.verdict.reschedule : undefined,
  );
  field('runs on', pod.nodeName ? `${runsOn} (node ${pod.nodeName})` : `${runsOn} (no node)`);
  // Which Fargate kubelet the pod runs on, and whether it blocks the next control-plane upgrade.
  const kubelet = kubeletSentence(pod.nodeName, row.upgrade, view.upgrade?.controlPlane ?? null, view.upgrade?.next ?? null);
  if (kubelet !== null) field('kubelet', kubelet, row.upgrade?.outdated ? t.status.warn : undefined);
  field('current profile', currentProfileWord(placement).text);
  field('pinned', placement.pinnedProfile ? `${placement.pinnedProfile} (label ${PROFILE_LABEL})` : '-');

  heading('Blockers');
  if (placement.blockers.length === 0) lines.push([seg('  none: nothing keeps this pod off Fargate', t.text.secondary)]);
  for (const b of placement.blockers) lines.push([seg(`  ✗ ${b.code.padEnd(20)} `, t.verdict.blocked), seg(b.message)]);

  // Explained for what EKS would see in a re-created pod (its controller's template, when read).
  const choice = profilesKnown ? chooseProfile(placement.subject ?? pod, profiles) : null;
  heading(`Profiles (${profiles.length})${choice && choice.perProfile.length > 1 ? ': matching first' : ''}`);
  if (!profilesKnown) lines.push([seg('  Fargate profiles are unknown: EKS could not be read.', t.status.warn)]);
  else if (profiles.length === 0) lines.push([seg('  No Fargate profiles: every pod goes to EC2.', t.text.secondary)]);
  if (choice) {
    if (choice.expected) lines.push([seg('  chosen: ', t.text.secondary), seg(choice.expected, t.verdict.ok)]);
    else lines.push([seg('  chosen: none → EC2', t.text.secondary)]);
    if (choice.matching.length > 1) lines.push([seg(`  matching ACTIVE profiles in EKS order: ${choice.matching.join(', ')} (alphabetical; first wins)`)]);
    if (choice.pinned) lines.push([seg(`  pin: label ${PROFILE_LABEL}=${choice.pinned} restricts the choice to that profile`)]);
    if (choice.optedOut) lines.push([seg('  annotation eks.amazonaws.com/compute-type=ec2 opts the pod out of Fargate', t.status.warn)]);
    for (const reason of choice.reasons) lines.push([seg('  • ', t.text.secondary), seg(reason)]);
    const byName = (a: ProfileExplanation, b: ProfileExplanation) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    // The chosen one, then the others that match, then those that do not (each group by name).
    const rank = (e: ProfileExplanation) => (e.chosen ? 0 : e.selectorsMatch ? 1 : 2);
    const sorted = [...choice.perProfile].sort((a, b) => rank(a) - rank(b) || byName(a, b));
    for (const explanation of sorted) lines.push(...profileLines(explanation, t));
  }

  heading('Events');
  lines.push(...eventLines(row.events, t, now));

  heading('Size');
  const size = placement.size;
  if (!size) lines.push([seg('  too large for any Fargate size', t.verdict.blocked)]);
  else field('predicted', `${size.label} · $${priceWord(size).text}/h (${view.prices ? priceOriginText(view.prices) : 'On-Demand Linux/x86'})`);
  const provisioned = pod.capacityProvisioned;
  if (provisioned) {
    const differs = size !== null && normalise(provisioned) !== normalise(size.label);
    field('provisioned', `${provisioned} (${'CapacityProvisioned'})${differs ? ' — differs from the prediction' : ''}`, differs ? t.status.warn : undefined);
  } else field('provisioned', placement.runsOn === 'fargate' ? 'no CapacityProvisioned annotation' : '- (not on Fargate)', t.text.secondary);

  heading('Pod');
  field('status', `${pod.status}${pod.deleting ? ' (deleting)' : ''} · restarts ${pod.restarts} · age ${ageText(now - pod.createdAt)}`);
  field('scheduler', pod.schedulerName);
  lines.push([seg('  owner             ', t.text.secondary), seg(ownerChain(pod.name, pod.owner))]);
  return lines;
}

function profileLines(e: ProfileExplanation, t: Theme): Line[] {
  const mark = e.chosen ? '→' : e.selectorsMatch ? (e.effective ? '✓' : '~') : '✗';
  const style = e.chosen ? t.verdict.ok : e.selectorsMatch ? (e.effective ? t.text.primary : t.status.warn) : t.text.secondary;
  const notes: string[] = [e.status];
  if (e.statusNote) notes.push(e.statusNote);
  if (e.source === 'file') notes.push('proposed');
  if (e.chosen) notes.push('chosen');
  if (e.excludedByPin) notes.push('excluded by pin');
  const head: Line = [seg(`  ${mark} `, style), seg(e.name, { ...style, bold: true }), seg(`  ${notes.join(' · ')}`, e.source === 'file' ? t.proposed : t.text.secondary)];
  return [head, ...e.selectors.flatMap((s) => selectorLines(s, t))];
}

function selectorLines(s: SelectorCheck, t: Theme): Line[] {
  const ok = (matched: boolean) => (matched ? seg('✓ ', t.verdict.ok) : seg('✗ ', t.verdict.blocked));
  const wild = (pattern: string) => (hasWildcard(pattern) ? ' (wildcard)' : '');
  const ns = s.namespace;
  const out: Line[] = [
    [
      seg(`      selector #${s.index + 1} `, t.text.secondary),
      ok(ns.matched),
      seg(`namespace ${ns.pattern} ${ns.matched ? 'matches' : 'does not match'} ${ns.value}${wild(ns.pattern)}`),
    ],
  ];
  if (s.labels.length === 0) out.push([seg('                  ', t.text.secondary), seg('no labels: any pod in the namespace', t.text.secondary)]);
  for (const l of s.labels) out.push([seg('                  '), ok(l.matched), seg(labelText(l) + wild(l.keyPattern + l.valuePattern))]);
  return out;
}

function labelText(l: LabelCheck): string {
  const pair = `label ${l.keyPattern}=${l.valuePattern}`;
  if (l.matched && l.satisfiedBy) return `${pair}: pod has ${l.satisfiedBy.key}=${l.satisfiedBy.value}`;
  if (l.problem === 'missing') return `${pair}: pod has no such label`;
  return `${pair}: pod has ${l.podValues.map((p) => `${p.key}=${p.value}`).join(', ')}`;
}

function eventLines(events: readonly EventRecord[], t: Theme, now: number): Line[] {
  if (events.length === 0) return [[seg('  no recent events', t.text.secondary)]];
  // fargate-scheduler first (its FailedScheduling says why Fargate refused the pod), newest first.
  const sorted = [...events].sort((a, b) => Number(b.source === FARGATE_SCHEDULER) - Number(a.source === FARGATE_SCHEDULER) || b.lastSeen - a.lastSeen);
  return sorted.slice(0, MAX_EVENTS).map((e) => [
    seg(`  ${ageText(now - e.lastSeen).padStart(4)} ago `, t.text.secondary),
    seg(e.reason, e.type === 'Warning' ? t.status.warn : t.text.accent),
    seg(`${e.count > 1 ? ` ×${e.count}` : ''} (${e.source}) `, t.text.secondary),
    seg(e.message),
  ]);
}

const normalise = (capacity: string): string => capacity.replace(/\s+/g, ' ').trim().toLowerCase();

/** Pod ← ReplicaSet ← Deployment: the controller above a ReplicaSet/Job is inferred from the name hash. */
export function ownerChain(podName: string, owner: OwnerRef | null): string {
  if (!owner) return `Pod ${podName} (no owner: a bare pod)`;
  const chain = [`Pod ${podName}`, `${owner.kind} ${owner.name}`];
  const rs = owner.kind === 'ReplicaSet' ? /^(.+)-[a-z0-9]{6,10}$/.exec(owner.name) : null;
  const job = owner.kind === 'Job' ? /^(.+)-\d{8,}$/.exec(owner.name) : null;
  if (rs?.[1]) chain.push(`Deployment ${rs[1]} (inferred)`);
  if (job?.[1]) chain.push(`CronJob ${job[1]} (inferred)`);
  return chain.join(' ← ');
}
