// A controller-owned pod is judged by the pod its controller would create in its place (spec
// §2.1: EKS's webhook decides at creation, from the new pod's labels). The replacement gets its
// labels from the owner's pod template — a ReplicaSet (which a Deployment's pods belong to), a
// StatefulSet or a Job — not from the current pod, whose labels may have been edited by hand.
// A profile label in a template was written by a user (the webhook mutates pods, never
// templates), so it is a pin.
import { FARGATE_SCHEDULER, PROFILE_LABEL } from './types.js';
import type { ChoiceSubject, OwnerTemplateRecord, PlacementContext, PodRecord, TemplateOwnerKind } from './types.js';

export const TEMPLATE_OWNER_KINDS: readonly TemplateOwnerKind[] = ['ReplicaSet', 'StatefulSet', 'Job'];

export const templateKey = (namespace: string, kind: string, name: string): string => `${namespace}/${kind}/${name}`;

export function templateKeyOf(record: Pick<OwnerTemplateRecord, 'namespace' | 'kind' | 'name'>): string {
  return templateKey(record.namespace, record.kind, record.name);
}

/**
 * Labels a controller writes on each pod itself rather than taking them from the template; a
 * replacement gets them again, so they are carried over from the current pod and not compared.
 */
const CONTROLLER_LABELS = [
  'controller-revision-hash',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'controller-uid',
  'job-name',
  'batch.kubernetes.io/controller-uid',
  'batch.kubernetes.io/job-name',
  'batch.kubernetes.io/job-completion-index',
];
const IS_CONTROLLER_LABEL: ReadonlySet<string> = new Set(CONTROLLER_LABELS);

export interface Replacement {
  /** What EKS would look at when the replacement is created. */
  subject: ChoiceSubject;
  /** True when the owner's template was used; false = the pod's own labels. */
  fromTemplate: boolean;
  /** Sentences for the pod's reasons; empty when there is nothing worth saying. */
  reasons: string[];
}

const isTemplateOwner = (kind: string): kind is TemplateOwnerKind => (TEMPLATE_OWNER_KINDS as readonly string[]).includes(kind);

export function replacementSubject(pod: PodRecord, ctx: Pick<PlacementContext, 'templates' | 'templatesRead'>): Replacement {
  const owner = pod.owner;
  if (owner === null || !isTemplateOwner(owner.kind) || ctx.templatesRead === undefined || !ctx.templatesRead.has(owner.kind)) {
    return { subject: pod, fromTemplate: false, reasons: [] };
  }
  const what = `the pod template of ${owner.kind} ${owner.name}`;
  const unreadable = ctx.templatesRead.get(owner.kind);
  if (unreadable) {
    return { subject: pod, fromTemplate: false, reasons: [`cannot read ${what} (${unreadable}): judged by the pod's own labels, which a replacement may not have`] };
  }
  const template = ctx.templates?.get(templateKey(pod.namespace, owner.kind, owner.name));
  if (template === undefined) {
    return { subject: pod, fromTemplate: false, reasons: [`${what} was not found: judged by the pod's own labels, which a replacement may not have`] };
  }

  const labels = replacementLabels(template.templateLabels, pod.labels);
  // Created by its controller, the replacement has not met the webhook yet: a profile label on it is the template's pin.
  const subject: ChoiceSubject = {
    namespace: pod.namespace,
    labels,
    schedulerName: 'default-scheduler',
    appliedProfileLabel: null,
    computeTypeAnnotation: pod.computeTypeAnnotation,
  };
  const reasons: string[] = [];
  const differences = labelDifferences(template.templateLabels, pod);
  if (differences.length > 0) reasons.push(`its labels differ from ${what}, which a replacement gets (${differences.join('; ')}): judged by the template`);
  const pin = template.templateLabels[PROFILE_LABEL];
  if (pin !== undefined && pin !== '' && pod.labels[PROFILE_LABEL] === pin) {
    reasons.push(`${what} pins profile ${pin} with the ${PROFILE_LABEL} label: a replacement is pinned to it too`);
  }
  return { subject, fromTemplate: true, reasons };
}

/** The template's labels plus the per-pod labels the controller adds; the template's own object when there are none. */
function replacementLabels(template: Record<string, string>, pod: Record<string, string>): Record<string, string> {
  let out = template;
  for (const key of CONTROLLER_LABELS) {
    const value = pod[key];
    if (value === undefined || Object.hasOwn(template, key)) continue;
    if (out === template) out = { ...template };
    out[key] = value;
  }
  return out;
}

/** "key: template X, pod Y" for every label that a replacement would have differently. */
function labelDifferences(template: Record<string, string>, pod: Pick<PodRecord, 'labels' | 'schedulerName'>): string[] {
  const out: string[] = [];
  const differ = (key: string, t: string | undefined, p: string | undefined) => {
    if (t === p || IS_CONTROLLER_LABEL.has(key)) return;
    // EKS's webhook records the profile on pods it admits; a template never has that label.
    if (key === PROFILE_LABEL && t === undefined && pod.schedulerName === FARGATE_SCHEDULER) return;
    out.push(`${key}: template ${t ?? 'none'}, pod ${p ?? 'none'}`);
  };
  for (const key in template) differ(key, template[key], pod.labels[key]);
  for (const key in pod.labels) if (!Object.hasOwn(template, key)) differ(key, undefined, pod.labels[key]);
  return out;
}
