import type { KubeletFact } from '../../domain/versions.js';
import { parseKubeVersion } from '../../domain/versions.js';
import { NONE, type Word } from './tones.js';

// The words of upgrade readiness (domain/versions.ts), for every face: the KUBELET column of the
// tables and the TUI, the status bar's count, the pod detail, `check --upgrade`. --json keeps
// the machine values (kubeletVersion "v1.32.9-eks-113cf36", outdated true).

/** The marker of a pod that blocks the next control-plane upgrade. */
export const OUTDATED = 'outdated';

/** The pods view's title while only the pods blocking the upgrade are shown (the `u` toggle). */
export const ONLY_OUTDATED = 'only blocking the upgrade';
/** `U` on all namespaces (it recycles one namespace at a time, as ctrl-r reschedules one). */
export const RECYCLE_ONE_NAMESPACE = 'U works on one namespace: open one first (enter on the namespaces view)';
/** The typed confirmation of `U`: "Recycle all 3 pods that block the upgrade in shop?". */
export const recycleTitle = (count: number, namespace: string): string =>
  `Recycle ${count === 1 ? 'the pod that blocks' : `all ${count} pods that block`} the upgrade in ${namespace}?`;
/** The pods view when that toggle leaves no pod. */
export const NO_OUTDATED_HERE = 'No pods block the next upgrade here.';

/**
 * The KUBELET column: the minor of the pod's Fargate kubelet ("1.33"), "1.32 outdated" when it
 * blocks the next upgrade, "?" when its node's version is unknown, <none> off Fargate.
 */
export function kubeletWord(upgrade: KubeletFact | undefined): Word {
  if (upgrade === undefined || (!upgrade.unknown && upgrade.kubeletVersion === null)) return { text: NONE };
  if (upgrade.unknown) return { text: '?', tone: 'text.secondary' };
  const minor = parseKubeVersion(upgrade.kubeletVersion)?.text ?? upgrade.kubeletVersion ?? '?';
  return upgrade.outdated ? { text: `${minor} ${OUTDATED}`, tone: 'status.warn' } : { text: minor };
}

/** "the upgrade to 1.34", or "the next upgrade" while the control plane's version is unknown. */
const upgradeTo = (next: string | null): string => (next === null ? 'the next upgrade' : `the upgrade to ${next}`);

/** "12 pods block the upgrade to 1.34" (the status bar, `check --upgrade`'s summary). */
export function blockingText(count: number, next: string | null): string {
  return `${count} ${count === 1 ? 'pod blocks' : 'pods block'} ${upgradeTo(next)}`;
}

/**
 * No Fargate pod in the cluster blocks the upgrade: `check --upgrade`'s ok line and
 * `reschedule --outdated -A` with nothing to recycle.
 */
export const nothingBlocksText = (controlPlane: string | null, next: string | null): string =>
  `no Fargate pod runs a kubelet older than the control plane${controlPlane === null ? '' : ` (${controlPlane})`}; nothing blocks ${upgradeTo(next)}`;

/** None in one namespace does (others may): `reschedule --outdated -n NS` and `U` with nothing to recycle. */
export const noneBlockingIn = (namespace: string, next: string | null): string => `No pod in ${namespace} blocks ${upgradeTo(next)}.`;

/**
 * The pod detail's sentence: which node, which kubelet, and what it means for the next upgrade.
 * Null off Fargate (EC2 node groups are upgraded on their own).
 */
export function kubeletSentence(nodeName: string | null, upgrade: KubeletFact | undefined, controlPlane: string | null, next: string | null): string | null {
  if (upgrade === undefined || nodeName === null) return null;
  if (upgrade.unknown) return `Fargate node ${nodeName}: its kubelet version is unknown (not read, missing or not a version), so whether it blocks the next upgrade cannot be told`;
  if (upgrade.kubeletVersion === null) return null;
  const on = `Fargate node ${nodeName} runs kubelet ${upgrade.kubeletVersion}`;
  if (controlPlane === null) return `${on}; the control plane's version is unknown`;
  if (upgrade.outdated) return `${on}, older than the control plane (${controlPlane}): ${OUTDATED}, it blocks the upgrade to ${next}; re-creating the pod moves it to a node of ${controlPlane}`;
  return `${on}, the control plane's minor (${controlPlane}): it does not block the upgrade to ${next}`;
}

/** How controller pods are recycled: `--strategy` and the `U` dialog's tab ('default': none asked). */
const STRATEGY_TEXT: Record<'default' | 'evict' | 'restart', string> = {
  default: 'evict; restart a one-replica Deployment that eviction would take down',
  evict: 'the Eviction API, pod by pod',
  restart: 'a rollout restart of each Deployment and StatefulSet: all its replicas',
};

/** What a strategy does, as the `U` dialog and `--strategy`'s usage error say it. */
export const strategyText = (strategy: keyof typeof STRATEGY_TEXT): string => STRATEGY_TEXT[strategy];

/**
 * The `U` dialog's strategy line, what matters first (it is cut at the dialog's width):
 * "Strategy: evict (tab: restart) — the Eviction API, pod by pod", or the one being planned.
 */
export function strategyLine(shown: keyof typeof STRATEGY_TEXT, next: keyof typeof STRATEGY_TEXT, planning?: keyof typeof STRATEGY_TEXT): string {
  const state = planning === undefined ? `(tab: ${next})` : `, planning with ${planning}…`;
  return `Strategy: ${shown}${planning === undefined ? ' ' : ''}${state} — ${STRATEGY_TEXT[shown]}`;
}

/** tab in a dialog whose plan is not for the upgrade. */
export const STRATEGY_ONLY_FOR_UPGRADE = 'tab does nothing here: the strategy is chosen when recycling for the upgrade (U)';
/** tab while the plan is being made again. */
export const replanningWhy = (strategy: string): string => `planning with ${strategy}: wait for the plan, then press tab again or type the name`;
/** enter while the plan is being made again. */
export const replanningConfirmWhy = (strategy: string): string => `planning with ${strategy}: confirm once the new plan shows`;
/** The typed name confirmed while this strategy refuses every pod. */
export const NOTHING_WITH_THIS_STRATEGY = 'this strategy refuses every pod (see why above): nothing to run; tab chooses another, esc cancels';
