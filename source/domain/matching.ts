// Does a Fargate profile selector select a pod, and why (spec §1.1–1.2, sketch §1.3a)?
// The explanation records feed the detail view: per profile, per selector, per part.
import { globMatch } from './glob.js';
import type { PodRecord, Profile, Selector } from './types.js';

/** The parts of a pod that selectors look at. */
export type SelectablePod = Pick<PodRecord, 'namespace' | 'labels'>;

export interface NamespaceCheck {
  pattern: string;
  value: string;
  matched: boolean;
}

export interface PodLabel {
  key: string;
  value: string;
}

export interface LabelCheck {
  keyPattern: string;
  valuePattern: string;
  matched: boolean;
  /** The pod label that satisfied the pair, when matched. */
  satisfiedBy: PodLabel | null;
  /**
   * Why it failed: `missing` = no pod label key matches the key pattern;
   * `mismatch` = some key matches but none of their values match the value pattern.
   */
  problem: 'missing' | 'mismatch' | null;
  /** When `mismatch`: the pod labels whose key matched (with their actual values). */
  podValues: PodLabel[];
}

export interface SelectorCheck {
  /** 0-based position of the selector in the profile. */
  index: number;
  selector: Selector;
  matched: boolean;
  namespace: NamespaceCheck;
  /** One entry per label pair of the selector, in the selector's order; empty = any pod in the namespace. */
  labels: LabelCheck[];
}

export interface SelectorResult {
  matched: boolean;
  detail: SelectorCheck;
}

export interface ProfileMatch {
  /** Some selector selects the pod (status is NOT considered here; see choose.ts). */
  matched: boolean;
  /** Indexes of the selectors that match. */
  matchedSelectors: number[];
  selectors: SelectorCheck[];
}

/**
 * One selector: the namespace pattern must match AND every label pair must be satisfied.
 * A label pair is satisfied when some pod label's key matches the key pattern and its value
 * matches the value pattern (the natural reading for wildcard keys; AWS does not spell it out).
 */
export function selectorMatches(sel: Selector, pod: SelectablePod, index = 0): SelectorResult {
  const namespace: NamespaceCheck = {
    pattern: sel.namespace,
    value: pod.namespace,
    // EKS rejects selectors without a namespace, so an empty one never selects anything.
    matched: sel.namespace !== '' && globMatch(sel.namespace, pod.namespace),
  };
  const labels = Object.entries(sel.labels ?? {}).map(([kp, vp]) => checkLabel(kp, vp, pod.labels));
  const matched = namespace.matched && labels.every((l) => l.matched);
  return { matched, detail: { index, selector: sel, matched, namespace, labels } };
}

function checkLabel(keyPattern: string, valuePattern: string, podLabels: Record<string, string>): LabelCheck {
  const podValues: PodLabel[] = [];
  // Exact keys are the common case: avoid scanning every pod label.
  const candidates: [string, string][] =
    keyPattern.includes('*') || keyPattern.includes('?')
      ? Object.entries(podLabels).filter(([k]) => globMatch(keyPattern, k))
      : Object.hasOwn(podLabels, keyPattern)
        ? [[keyPattern, podLabels[keyPattern] as string]]
        : [];
  for (const [key, value] of candidates) {
    if (globMatch(valuePattern, value)) {
      return { keyPattern, valuePattern, matched: true, satisfiedBy: { key, value }, problem: null, podValues: [] };
    }
    podValues.push({ key, value });
  }
  return {
    keyPattern,
    valuePattern,
    matched: false,
    satisfiedBy: null,
    problem: podValues.length === 0 ? 'missing' : 'mismatch',
    podValues,
  };
}

/** A profile selects the pod when ANY of its selectors does (selectors are ORed). */
export function profileMatches(profile: Pick<Profile, 'selectors'>, pod: SelectablePod): ProfileMatch {
  const selectors = profile.selectors.map((s, i) => selectorMatches(s, pod, i).detail);
  const matchedSelectors = selectors.filter((s) => s.matched).map((s) => s.index);
  return { matched: matchedSelectors.length > 0, matchedSelectors, selectors };
}

/** "namespace test, labels app=web,tier=*" — for reasons and tables. */
export function describeSelector(sel: Selector): string {
  const labels = formatLabels(sel.labels ?? {});
  return labels === '' ? `namespace ${sel.namespace}` : `namespace ${sel.namespace}, labels ${labels}`;
}

/** "a=1,b=2" in the map's order; "" when empty. */
export function formatLabels(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** One sentence per failed part of a selector, e.g. "label app=web: pod has app=api". */
export function explainSelectorMiss(check: SelectorCheck): string[] {
  const out: string[] = [];
  if (!check.namespace.matched) {
    out.push(`namespace ${check.namespace.pattern} does not match ${check.namespace.value}`);
  }
  for (const l of check.labels) {
    if (l.matched) continue;
    if (l.problem === 'missing') out.push(`label ${l.keyPattern}=${l.valuePattern}: pod has no such label`);
    else out.push(`label ${l.keyPattern}=${l.valuePattern}: pod has ${l.podValues.map((p) => `${p.key}=${p.value}`).join(',')}`);
  }
  return out;
}
