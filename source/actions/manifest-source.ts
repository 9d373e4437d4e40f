// Which manifest a bare pod is re-created from, and how it differs from the other source: the
// live pod (default: what runs now) or its last-applied-configuration (`--from last-applied`).
// The plan shows the difference before anything moves; the backup holds exactly the manifest.
import type { KubeConfig } from '@kubernetes/client-node';
import { differenceText, lastAppliedDifferences, type SpecDifference } from '../domain/recreate-diff.js';
import { cleanManifestForRecreate, manifestSourceFor, type ManifestSource } from '../domain/recreate.js';
import { getPod } from './kube-pods.js';
import type { RescheduleStep } from './types.js';
import type { Obj } from './watch-until.js';

export type { ManifestSource } from '../domain/recreate.js';
export const MANIFEST_SOURCES: readonly ManifestSource[] = ['live', 'last-applied'];

export interface RecreateManifest {
  manifest: Obj;
  /** The source used: 'last-applied' only when asked for and the pod has one. */
  source: ManifestSource;
  /** Where last-applied and live differ; null when the pod has no last-applied-configuration. */
  differences: SpecDifference[] | null;
}

export function recreateManifest(live: Obj, from: ManifestSource = 'live'): RecreateManifest {
  const source = manifestSourceFor(live, from);
  return { manifest: cleanManifestForRecreate(live, { from: source }), source, differences: lastAppliedDifferences(live) };
}

/** One sentence for the plan and the backup header; null when there is nothing to say. */
export function sourceNote(m: Pick<RecreateManifest, 'source' | 'differences'>, from: ManifestSource): string | null {
  const diffs = m.differences ?? [];
  const list = diffs.map(differenceText).join('; ');
  if (from === 'last-applied' && m.source === 'live') return 'it has no last-applied-configuration: re-created from the live pod';
  if (m.source === 'last-applied') {
    return diffs.length === 0
      ? 're-created from its last-applied-configuration (the same as the live pod)'
      : `re-created from its last-applied-configuration, so these live changes are lost: ${list}`;
  }
  if (diffs.length === 0) return null;
  return `re-created from the live pod; its last-applied-configuration differs: ${list} (--from last-applied re-creates that instead)`;
}

/** Short form for the plan table's NOTE column. */
export function sourceColumn(step: Pick<RescheduleStep, 'manifestSource' | 'lastAppliedDiff'>): string {
  if (step.manifestSource === undefined) return '';
  const n = step.lastAppliedDiff?.length ?? 0;
  const from = step.manifestSource === 'live' ? 'from live' : 'from last-applied';
  return n === 0 ? from : `${from}; last-applied differs (${n} field${n === 1 ? '' : 's'})`;
}

/**
 * Read each bare pod of the plan now and say which manifest it will be re-created from, with the
 * differences as warnings. Also returns the manifests (for --dry-run).
 */
export async function describeRecreates(kc: KubeConfig, steps: readonly RescheduleStep[], from: ManifestSource): Promise<{ steps: RescheduleStep[]; manifests: Map<string, Obj> }> {
  const manifests = new Map<string, Obj>();
  const out = await Promise.all(
    steps.map(async (step) => {
      if (step.method !== 'recreate') return step;
      const live = await getPod(kc, step.pod.namespace, step.pod.name);
      if (live === null) return step;
      const m = recreateManifest(live, from);
      manifests.set(step.key, m.manifest);
      const note = sourceNote(m, from);
      return { ...step, manifestSource: m.source, lastAppliedDiff: m.differences, warnings: note ? [...step.warnings, note] : step.warnings };
    }),
  );
  return { steps: out, manifests };
}
