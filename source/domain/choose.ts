// Which profile EKS would pick for a pod created now (spec §1.3, §1.4, §2.1).
import { globMatch } from './glob.js';
import { describeSelector, explainSelectorMiss, formatLabels, profileMatches } from './matching.js';
import type { SelectorCheck } from './matching.js';
import { COMPUTE_TYPE, FARGATE_SCHEDULER, PROFILE_LABEL } from './types.js';
import type { ChoiceSubject, PodRecord, Profile, ProfileSource, ProfileStatus } from './types.js';

export type ChoosablePod = ChoiceSubject;

export interface ProfileExplanation {
  name: string;
  status: ProfileStatus;
  source: ProfileSource;
  /** Only ACTIVE profiles are consulted (spec §1.4, inferred). */
  effective: boolean;
  /** Why a non-ACTIVE profile does not count: "not yet effective" / "not usable". */
  statusNote: string | null;
  /** Some selector selects the pod (ignoring status). */
  selectorsMatch: boolean;
  selectors: SelectorCheck[];
  /** A user pin names another profile, so this one is not considered. */
  excludedByPin: boolean;
  /** This is the profile EKS would pick. */
  chosen: boolean;
}

export interface ProfileChoice {
  /** The profile EKS would pick now; null = not Fargate. */
  expected: string | null;
  /** ACTIVE profiles that select the pod, in EKS's preference order (plain code-unit order). */
  matching: string[];
  /** The profile the user pinned via the label, if any. */
  pinned: string | null;
  /** The `eks.amazonaws.com/compute-type: ec2` annotation keeps the pod off Fargate. */
  optedOut: boolean;
  reasons: string[];
  perProfile: ProfileExplanation[];
}

/** Plain code-unit order (EKS's "alphanumeric" sort; collation undocumented). Not localeCompare. */
export function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The profiles whose selectors cover a namespace, in the order EKS chooses among them: ACTIVE
 * ones by name (the first that selects a pod wins), then CREATING ones (not yet effective, they
 * take pods once ACTIVE). DELETING and failed profiles are left out: they take no pods.
 */
export function namespaceProfiles(namespace: string, profiles: readonly Profile[]): string[] {
  const active = new Set<string>();
  const creating = new Set<string>();
  for (const p of profiles) {
    if (p.status !== 'ACTIVE' && p.status !== 'CREATING') continue;
    if (!p.selectors.some((s) => s.namespace !== '' && globMatch(s.namespace, namespace))) continue;
    (p.status === 'ACTIVE' ? active : creating).add(p.name);
  }
  for (const name of active) creating.delete(name);
  return [...[...active].sort(byName), ...[...creating].sort(byName)];
}

/**
 * The profile the USER pinned with the `eks.amazonaws.com/fargate-profile` label, or null.
 *
 * EKS's webhook writes the same label when it admits a pod to Fargate, so the label alone is
 * ambiguous. Rule:
 *  - schedulerName is not fargate-scheduler: the webhook did not mutate the pod, so a profile
 *    label there was written by the user — a pin.
 *  - schedulerName is fargate-scheduler: the label records the profile EKS admitted it under.
 *    It is a pin only if the user wrote it too, i.e. it appears in the
 *    kubectl.kubernetes.io/last-applied-configuration annotation (appliedProfileLabel).
 *    Pods created without `kubectl apply` that pinned a profile are therefore seen as unpinned.
 */
export function pinnedProfile(pod: Pick<PodRecord, 'labels' | 'schedulerName' | 'appliedProfileLabel'>): string | null {
  const label = pod.labels[PROFILE_LABEL];
  if (label === undefined || label === '') return null;
  if (pod.schedulerName !== FARGATE_SCHEDULER) return label;
  return pod.appliedProfileLabel !== null ? label : null;
}

/**
 * The labels the webhook saw at creation: a webhook-recorded profile label was not there yet.
 * An empty one was (the webhook writes a profile's name, never ""), so it stays.
 */
export function labelsAtCreation(pod: ChoosablePod, pinned: string | null): Record<string, string> {
  if (pinned !== null || pod.labels[PROFILE_LABEL] === undefined || pod.labels[PROFILE_LABEL] === '') return pod.labels;
  const { [PROFILE_LABEL]: _recorded, ...rest } = pod.labels;
  return rest;
}

function statusNote(status: ProfileStatus): string | null {
  if (status === 'ACTIVE') return null;
  if (status === 'CREATING') return 'not yet effective';
  return 'not usable';
}

export function chooseProfile(pod: ChoosablePod, profiles: readonly Profile[]): ProfileChoice {
  const choice = sharedChoice(pod, profiles);
  return { ...choice, matching: [...choice.matching], reasons: [...choice.reasons] };
}

// Pods of one ReplicaSet share everything EKS looks at, so for a given list of profiles the
// choice is made once per distinct subject (measured at 10k pods: the choice was a third of the
// placement time).
const choicesByProfiles = new WeakMap<readonly Profile[], Map<string, ProfileChoice>>();

/** chooseProfile's answer, shared with other pods of the same subject: read it, never change it. */
export function sharedChoice(pod: ChoosablePod, profiles: readonly Profile[]): Readonly<ProfileChoice> {
  if (profiles.length === 0) return decide(pod, profiles);
  let choices = choicesByProfiles.get(profiles);
  if (choices === undefined) choicesByProfiles.set(profiles, (choices = new Map()));
  const key = subjectKey(pod);
  let choice = choices.get(key);
  if (choice === undefined) choices.set(key, (choice = decide(pod, profiles)));
  return choice;
}

/** Everything chooseProfile reads from a pod. NUL cannot occur in names, labels or annotations' values we read here. */
function subjectKey(pod: ChoosablePod): string {
  let key = `${pod.namespace}\0${pod.schedulerName}\0${pod.appliedProfileLabel ?? '\u0001'}\0${pod.computeTypeAnnotation ?? '\u0001'}`;
  for (const name in pod.labels) key += `\0${name}\0${pod.labels[name]}`;
  return key;
}

function decide(pod: ChoosablePod, profiles: readonly Profile[]): ProfileChoice {
  const pinned = pinnedProfile(pod);
  const labels = labelsAtCreation(pod, pinned);
  const subject = { namespace: pod.namespace, labels };
  const optedOut = pod.computeTypeAnnotation === 'ec2';

  const perProfile: ProfileExplanation[] = profiles.map((p) => {
    const m = profileMatches(p, subject);
    return {
      name: p.name,
      status: p.status,
      source: p.source,
      effective: p.status === 'ACTIVE',
      statusNote: statusNote(p.status),
      selectorsMatch: m.matched,
      selectors: m.selectors,
      excludedByPin: pinned !== null && p.name !== pinned,
      chosen: false,
    };
  });

  const matching = [...new Set(perProfile.filter((e) => e.effective && e.selectorsMatch).map((e) => e.name))].sort(byName);
  const reasons: string[] = [];

  for (const e of [...perProfile].sort((a, b) => byName(a.name, b.name))) {
    if (!e.selectorsMatch) continue;
    const first = e.selectors.find((s) => s.matched);
    const which = first === undefined ? '' : ` selector #${first.index + 1} (${describeSelector(first.selector)})`;
    if (e.effective) reasons.push(`profile ${e.name}${which} matches`);
    else reasons.push(`profile ${e.name}${which} would match but is ${e.status} (${e.statusNote})`);
  }

  let expected: string | null = null;
  if (matching.length === 0) {
    const labelText = formatLabels(labels);
    reasons.push(
      `no ACTIVE profile selects namespace ${pod.namespace}` + (labelText === '' ? ' (pod has no labels)' : ` with labels ${labelText}`),
    );
    // Near misses (namespace matches, labels do not) are what users usually need to see.
    for (const e of [...perProfile].sort((a, b) => byName(a.name, b.name))) {
      if (!e.effective) continue;
      for (const s of e.selectors) {
        if (!s.namespace.matched) continue;
        reasons.push(`profile ${e.name} selector #${s.index + 1} (${describeSelector(s.selector)}): ${explainSelectorMiss(s).join('; ')}`);
      }
    }
  }
  if (pinned !== null) {
    const target = perProfile.filter((e) => e.name === pinned);
    if (target.length === 0) {
      reasons.push(`pinned to profile ${pinned} by the ${PROFILE_LABEL} label, but no such profile exists: EKS will not place it on Fargate`);
    } else if (matching.includes(pinned)) {
      reasons.push(`pinned to profile ${pinned} by the ${PROFILE_LABEL} label; it selects the pod`);
      expected = pinned;
    } else if (!target.some((e) => e.effective)) {
      const t = target[0]!;
      reasons.push(`pinned to profile ${pinned} by the ${PROFILE_LABEL} label, but it is ${t.status} (${t.statusNote}): EKS will not place it on Fargate`);
    } else {
      reasons.push(`pinned to profile ${pinned} by the ${PROFILE_LABEL} label, but that profile does not select it: EKS will not place it on Fargate`);
    }
  } else if (matching.length > 0) {
    expected = matching[0]!;
    if (matching.length > 1) {
      const list = matching.length === 2 ? `${matching[0]} and ${matching[1]} both` : `${matching.slice(0, -1).join(', ')} and ${matching.at(-1)} all`;
      reasons.push(`${list} match; EKS picks ${expected}, the alphabetically first`);
    }
  }
  if (optedOut) {
    if (expected !== null) reasons.push(`annotation ${COMPUTE_TYPE}=ec2 keeps it off Fargate although ${expected} selects it`);
    else reasons.push(`annotation ${COMPUTE_TYPE}=ec2 keeps it off Fargate`);
    expected = null;
  }
  for (const e of perProfile) e.chosen = expected !== null && e.name === expected && e.effective;
  return { expected, matching, pinned, optedOut, reasons, perProfile };
}
