// The few validation rules the real API server enforces that clients of the sim may trip over.
import type { Obj } from './resources.js';
import { ApiError, invalid } from './status.js';
import { selectorObjectMatcher } from './selectors.js';

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function validateName(kind: string, group: string, name: string, dnsLabel: boolean): void {
  if (dnsLabel ? LABEL.test(name) && name.length <= 63 : SUBDOMAIN.test(name) && name.length <= 253) return;
  const message = dnsLabel
    ? `Invalid value: "${name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`
    : `Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`;
  throw invalid(kind, group, name, [{ field: 'metadata.name', message }]);
}

function validatePodSpec(kind: string, group: string, name: string, spec: Obj, prefix: string): void {
  const containers = spec?.containers;
  if (!Array.isArray(containers) || containers.length === 0) {
    throw invalid(kind, group, name, [{ field: `${prefix}.containers`, message: 'Required value' }]);
  }
  const causes: { field: string; message: string }[] = [];
  containers.forEach((c: Obj, i: number) => {
    if (typeof c?.name !== 'string' || c.name === '') causes.push({ field: `${prefix}.containers[${i}].name`, message: 'Required value' });
    if (typeof c?.image !== 'string' || c.image === '') causes.push({ field: `${prefix}.containers[${i}].image`, message: 'Required value' });
  });
  if (causes.length > 0) throw invalid(kind, group, name, causes);
}

export function validateCreate(kind: string, group: string, o: Obj): void {
  const name = String(o.metadata.name);
  switch (kind) {
    case 'Pod':
      validatePodSpec(kind, group, name, o.spec, 'spec');
      break;
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet': {
      const sel = o.spec?.selector;
      if (sel === undefined || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0)) {
        throw invalid(kind, group, name, [{ field: 'spec.selector', message: 'Required value' }]);
      }
      const labels = o.spec.template?.metadata?.labels ?? {};
      if (!selectorObjectMatcher(sel)(labels)) {
        const shown = `map[string]string{${Object.entries(labels).map(([k, v]) => `"${k}":"${String(v)}"`).join(', ')}}`;
        throw invalid(kind, group, name, [{ field: 'spec.template.metadata.labels', message: `Invalid value: ${shown}: \`selector\` does not match template \`labels\`` }]);
      }
      validatePodSpec(kind, group, name, o.spec.template?.spec, 'spec.template.spec');
      break;
    }
    case 'Job':
      validatePodSpec(kind, group, name, o.spec?.template?.spec, 'spec.template.spec');
      break;
    case 'CronJob':
      if (typeof o.spec?.schedule !== 'string' || o.spec.schedule.trim() === '') throw invalid(kind, group, name, [{ field: 'spec.schedule', message: 'Required value' }]);
      validatePodSpec(kind, group, name, o.spec?.jobTemplate?.spec?.template?.spec, 'spec.jobTemplate.spec.template.spec');
      break;
    case 'PodDisruptionBudget':
      if (o.spec?.minAvailable !== undefined && o.spec?.maxUnavailable !== undefined) {
        throw invalid(kind, group, name, [{ field: 'spec', message: 'Invalid value: policy.PodDisruptionBudgetSpec: minAvailable and maxUnavailable cannot be both set' }]);
      }
      break;
  }
}

const POD_MUTABLE =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** Pod specs are immutable except images, deadlines and tolerations (real message). */
export function validatePodUpdate(old: Obj, next: Obj): void {
  const strip = (spec: Obj): string => {
    const s = structuredClone(spec ?? {});
    for (const c of [...(s.containers ?? []), ...(s.initContainers ?? [])]) delete c.image;
    delete s.activeDeadlineSeconds;
    delete s.tolerations;
    delete s.terminationGracePeriodSeconds;
    // The scheduler binds through the binding subresource; nodeName set once is part of the spec.
    return JSON.stringify(s, Object.keys(flatKeys(s)).sort());
  };
  if (strip(old.spec) !== strip(next.spec)) {
    throw new ApiError(422, 'Invalid', `Pod "${String(old.metadata.name)}" is invalid: spec: Forbidden: ${POD_MUTABLE}`, {
      name: old.metadata.name,
      kind: 'Pod',
      causes: [{ reason: 'FieldValueForbidden', message: `Forbidden: ${POD_MUTABLE}`, field: 'spec' }],
    });
  }
}

// All keys at any depth: a stable key order for comparing two specs.
function flatKeys(o: unknown, acc: Record<string, true> = {}): Record<string, true> {
  if (Array.isArray(o)) for (const v of o) flatKeys(v, acc);
  else if (typeof o === 'object' && o !== null)
    for (const [k, v] of Object.entries(o)) {
      acc[k] = true;
      flatKeys(v, acc);
    }
  return acc;
}
