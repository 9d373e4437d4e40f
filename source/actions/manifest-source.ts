// Which manifest a bare pod is re-created from, and how it differs from the other source: the
// live pod (default: what runs now) or its last-applied-configuration (`--from last-applied`).
// The plan shows the difference before anything moves; the backup holds exactly the manifest.
import type { KubeConfig } from '@kubernetes/client-node';
import { lastAppliedDifferences, type SpecDifference } from '../domain/recreate-diff.js';
import { cleanManifestForRecreate, manifestSourceFor, type ManifestSource } from '../domain/recreate.js';
import { manifestSourceNote } from '../view-model/words/reschedule.js';
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
      const note = manifestSourceNote(m, from);
      return { ...step, manifestSource: m.source, lastAppliedDiff: m.differences, warnings: note ? [...step.warnings, note] : step.warnings };
    }),
  );
  return { steps: out, manifests };
}
