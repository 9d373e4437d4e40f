// Which PodDisruptionBudget refused an eviction, and how to say so. The selector matching is
// policy/v1's: an empty selector selects every pod of the namespace, a missing one none.
import type { Obj } from './watch-until.js';

export function pdbSelects(pdb: Obj, labels: Record<string, string>): boolean {
  const selector = pdb?.spec?.selector;
  if (selector === undefined || selector === null) return false;
  for (const [key, value] of Object.entries((selector.matchLabels ?? {}) as Record<string, string>)) {
    if (labels[key] !== value) return false;
  }
  for (const e of (selector.matchExpressions ?? []) as Obj[]) {
    const has = Object.hasOwn(labels, e.key);
    const values: string[] = e.values ?? [];
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(labels[e.key]!)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[e.key]!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** "PodDisruptionBudget locked allows no disruption now (2 healthy, needs 2)". */
export function pdbRefusal(pdb: Obj): string {
  const name = String(pdb?.metadata?.name ?? '?');
  const status = pdb?.status ?? {};
  const spec = pdb?.spec ?? {};
  const rule = spec.minAvailable !== undefined ? `minAvailable ${String(spec.minAvailable)}` : spec.maxUnavailable !== undefined ? `maxUnavailable ${String(spec.maxUnavailable)}` : null;
  const numbers =
    typeof status.currentHealthy === 'number' && typeof status.desiredHealthy === 'number'
      ? `${status.currentHealthy} healthy, needs ${status.desiredHealthy}`
      : null;
  const detail = [rule, numbers].filter(Boolean).join(': ');
  return `PodDisruptionBudget ${name} allows no disruption now${detail ? ` (${detail})` : ''}`;
}
