// The screens of the back stack. A list screen carries its own filter (typed there, cleared by
// esc there); a pods list its namespace; a text screen how far it is scrolled, so `esc` comes
// back to exactly what was left.
import type { KubeContextInfo, ProfileExportFormat } from '../tui-actions.js';

/** Lists: a cursor over rows, `/` filters them. */
export type ListKind = 'namespaces' | 'pods' | 'profiles' | 'profile' | 'contexts';
/** Kept for the keymap's wording: the three lists `tab` cycles. */
export type ListView = ListKind;

export type Screen =
  | { kind: 'namespaces'; filter: string }
  /** null = all namespaces. */
  | { kind: 'pods'; namespace: string | null; filter: string }
  | { kind: 'profiles'; filter: string }
  /** One profile's pods: those running under it and those it would capture now. */
  | { kind: 'profile'; profile: string; filter: string }
  /** The kubeconfig's contexts, as read when the screen opened. */
  | { kind: 'contexts'; contexts: readonly KubeContextInfo[]; filter: string }
  | { kind: 'detail'; podKey: string; scroll: number }
  | { kind: 'yaml'; podKey: string; scroll: number }
  | { kind: 'describe'; podKey: string; scroll: number }
  /** `tail`: the view sticks to the newest line (scrolling up lets go; G or end takes it again). */
  | { kind: 'logs'; podKey: string; container: string | null; scroll: number; tail: boolean }
  | { kind: 'help'; scroll: number }
  /** The reschedule run: each pod's steps, live. */
  | { kind: 'progress'; scroll: number }
  /** `e`: one profile as eksctl, Terraform, CloudFormation or CreateFargateProfile JSON (tab: the next form). */
  | { kind: 'export'; profile: string; format: ProfileExportFormat; text: string; scroll: number };

export type ListScreen = Extract<Screen, { kind: ListKind }>;
export type TextScreen = Exclude<Screen, ListScreen>;
/** Screens about one pod, read from the API server on demand. */
export type PodDocScreen = Extract<Screen, { kind: 'yaml' | 'describe' | 'logs' }>;

export const LIST_KINDS: readonly ListKind[] = ['namespaces', 'pods', 'profiles', 'profile', 'contexts'];

export const isListScreen = (screen: Screen): screen is ListScreen => (LIST_KINDS as readonly string[]).includes(screen.kind);
export const isPodDocScreen = (screen: Screen): screen is PodDocScreen => screen.kind === 'yaml' || screen.kind === 'describe' || screen.kind === 'logs';

/** The pod a screen is about (detail, YAML, describe, logs), if any. */
export const podKeyOf = (screen: Screen): string | null => ('podKey' in screen ? screen.podKey : null);

/** A fresh screen of a list kind (no filter). */
export function listScreen(kind: 'namespaces' | 'profiles'): ListScreen {
  return { kind, filter: '' };
}

export const podsScreen = (namespace: string | null): ListScreen => ({ kind: 'pods', namespace, filter: '' });
export const textScreen = (kind: 'help' | 'progress'): TextScreen => ({ kind, scroll: 0 });

/** Two screens show the same thing (pushing one onto the other would be a no-op for the user). */
export function sameScreen(a: Screen, b: Screen): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'pods' && b.kind === 'pods') return a.namespace === b.namespace;
  if (a.kind === 'profile' && b.kind === 'profile') return a.profile === b.profile;
  const ka = podKeyOf(a);
  return ka === null || ka === podKeyOf(b);
}
