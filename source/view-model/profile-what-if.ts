// What a profile change would do to the pods, before anything is sent: the `--profiles-file`
// machinery applied to a change made on the command line. A new profile is judged as a proposal
// (source "file", as if ACTIVE, shown `name*`); a profile being replaced or deleted is left out.
import type { Profile } from '../domain/types.js';
import type { ProfileSpec } from '../domain/profile-spec.js';
import type { Snapshot } from '../store/snapshot.js';
import { buildClusterView, type ClusterView, type PodView } from './cluster-view.js';

export interface ProfileChange {
  add?: readonly Profile[];
  /** Profiles (by name) that no longer count: deleted, or being replaced. */
  remove?: readonly string[];
}

/** A spec as the proposal it is until EKS has it: judged as if ACTIVE. */
export function proposedProfile(spec: ProfileSpec): Profile {
  return { name: spec.name, status: 'ACTIVE', selectors: spec.selectors, subnets: spec.subnets, podExecutionRoleArn: spec.podExecutionRoleArn, source: 'file', file: '(proposed)' };
}

/** The view as it would be with the change; the snapshot itself is untouched. */
export function whatIfView(snapshot: Snapshot, change: ProfileChange): ClusterView {
  const removed = new Set(change.remove ?? []);
  const adding = new Set((change.add ?? []).map((p) => p.name));
  const profiles = [...snapshot.profiles.filter((p) => !removed.has(p.name) && !adding.has(p.name)), ...(change.add ?? [])];
  return buildClusterView({ ...snapshot, profiles, profilesVersion: snapshot.profilesVersion + 1 });
}

export interface CreateWhatIf {
  /** Pods EKS would place under the new profile if they were created now. */
  captures: PodView[];
  /** Of those, the ones a reschedule would move (they run elsewhere now). */
  moves: PodView[];
}

/** What creating `name` would change, read from the view with it proposed. */
export function createWhatIf(after: ClusterView, name: string): CreateWhatIf {
  const captures = after.pods.filter((v) => v.placement.expectedProfile === name && v.placement.verdict !== 'completed');
  return { captures, moves: captures.filter((v) => v.placement.needsReschedule === true) };
}

/** The pods a profile launched that still run (or wait) under it: what deleting it stops. */
export function podsUnder(view: ClusterView, name: string): PodView[] {
  return view.pods.filter((v) => v.placement.currentProfile === name && v.placement.verdict !== 'completed' && !v.pod.deleting);
}

export interface Fate {
  view: PodView;
  /** Where EKS would put the pod (or its controller's replacement) once the profile is gone: a profile, or null for EC2. */
  next: string | null;
  bare: boolean;
}

/** For each pod a profile runs: where it (or its replacement) goes once the profile no longer counts. */
export function fatesWithout(before: ClusterView, after: ClusterView, name: string): Fate[] {
  const later = new Map(after.pods.map((v) => [v.key, v]));
  return podsUnder(before, name).map((view) => ({
    view,
    next: later.get(view.key)?.placement.expectedProfile ?? null,
    bare: view.pod.owner === null,
  }));
}

/**
 * Why `name` would not take over the pods `old` runs once `old` is gone, one line per pod
 * (empty when it takes them all): EKS would put them on EC2 or under another profile.
 */
export function takeoverProblems(before: ClusterView, after: ClusterView, old: string, name: string): string[] {
  return fatesWithout(before, after, old)
    .filter((f) => f.next !== name)
    .map((f) => {
      const where = f.next === null ? 'EC2' : `profile ${f.next}`;
      // The placement's own line about NEW: it matches (then another profile sorts first), or why not.
      const about = later(after, f.view.key)?.placement.reasons.find((r) => r.startsWith(`profile ${name} `));
      const newMatches = about !== undefined && about.endsWith(' matches');
      const why = newMatches && f.next !== null ? `${f.next} sorts before ${name}: EKS picks the alphabetically first` : (about ?? `${name} does not select it`);
      return `${f.view.key} would go to ${where} (${why})`;
    });
}

const later = (view: ClusterView, key: string): PodView | undefined => view.pods.find((v) => v.key === key);

/**
 * CREATING profiles that will take some of the proposal's pods once ACTIVE (they sort first):
 * the what-if counts ACTIVE profiles only, as EKS does now. Profile name -> the pods it would take.
 */
export function creatingRivals(snapshot: Snapshot, proposal: Profile): Map<string, string[]> {
  const now = whatIfView(snapshot, { add: [proposal] });
  const creating = snapshot.profiles.filter((p) => p.status === 'CREATING').map((p) => ({ ...p, status: 'ACTIVE' as const }));
  const rivals = new Map<string, string[]>();
  if (creating.length === 0) return rivals;
  const later = new Map(whatIfView(snapshot, { add: [...creating, proposal] }).pods.map((v) => [v.key, v]));
  for (const v of createWhatIf(now, proposal.name).captures) {
    const other = later.get(v.key)?.placement.expectedProfile;
    if (other && other !== proposal.name) rivals.set(other, [...(rivals.get(other) ?? []), v.key]);
  }
  return rivals;
}
