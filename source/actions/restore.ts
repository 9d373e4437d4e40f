// `kubectl fargate restore FILE...`: create pods again from reschedule backups. It only ever
// creates: a pod that exists under the name is left alone and reported.
import type { KubeConfig } from '@kubernetes/client-node';
import { cleanManifestForRecreate } from '../domain/recreate.js';
import { describeError } from '../errors.js';
import { dryRunText } from '../view-model/words/reschedule.js';
import { readManifestFile } from './backup.js';
import { createPod, getPod, landedOf } from './kube-pods.js';
import { waitForScheduled } from './pod-waits.js';
import type { EventSink, Landed, ProgressStep } from './types.js';
import { WaitAborted, WaitTimeout, type Obj } from './watch-until.js';

export interface RestoreOptions {
  timeoutMs: number;
  /** For manifests that name no namespace (the context's namespace, or -n). */
  namespace: string;
  /**
   * client: only check that no pod has the name (a read) and create nothing; server: also send
   * the create with dryRun=All, so the API server and its admission webhooks check it.
   */
  dryRun?: false | 'client' | 'server';
  signal?: AbortSignal;
  onEvent?: EventSink;
}

export interface RestoreResult {
  file: string;
  /** "namespace/name". */
  pod: string;
  namespace: string;
  name: string;
  outcome: 'succeeded' | 'failed' | 'interrupted';
  landed: Landed | null;
  message: string;
  /** --dry-run=client: the manifest that would be created. */
  manifest?: Obj;
}

/** Reads every file first (a bad one is a UserError before anything is created), then restores each. */
export async function restore(kc: KubeConfig, files: readonly string[], options: RestoreOptions): Promise<RestoreResult[]> {
  const manifests = files.map((file) => ({ file, manifest: prepare(readManifestFile(file), options.namespace) }));
  const signal = options.signal ?? new AbortController().signal;
  const results: RestoreResult[] = [];
  for (const [i, { file, manifest }] of manifests.entries()) {
    const namespace = String(manifest.metadata.namespace);
    const name = String(manifest.metadata.name);
    const pod = `${namespace}/${name}`;
    const emit = (step: ProgressStep, message: string) =>
      options.onEvent?.({ pod, step, message, at: Date.now(), index: i + 1, total: manifests.length });
    const finish = (outcome: RestoreResult['outcome'], message: string, landed: Landed | null = null): void => {
      results.push({ file, pod, namespace, name, outcome, landed, message });
      emit(outcome === 'succeeded' ? 'done' : outcome === 'failed' ? 'failed' : 'interrupted', message);
    };
    if (signal.aborted) {
      finish('interrupted', 'not started (interrupted)');
      continue;
    }
    try {
      const existing = await getPod(kc, namespace, name);
      if (existing !== null) {
        finish('failed', `pod ${pod} already exists; delete it first, or restore it under another name: edit metadata.name in ${file}`);
        continue;
      }
      if (options.dryRun === 'client') {
        finish('succeeded', `${dryRunText('client')}: it would be created; nothing was sent`);
        results.at(-1)!.manifest = manifest;
        continue;
      }
      if (options.dryRun === 'server') {
        await createPod(kc, manifest, { dryRun: true });
        finish('succeeded', `${dryRunText('server')}: the API server accepts it; nothing was created`);
        continue;
      }
      emit('create', `creating it from ${file}`);
      const created = await createPod(kc, manifest);
      emit('wait-scheduled', 'created; waiting until it is scheduled and Ready');
      try {
        const settled = await waitForScheduled(kc, { namespace, name, uid: String(created.metadata?.uid) }, { timeoutMs: options.timeoutMs, signal });
        const landed = await landedOf(kc, settled.pod);
        const ok = settled.kind === 'ready' || settled.kind === 'completed';
        const problem = settled.kind === 'unschedulable' || settled.kind === 'failed' ? `; ${settled.message}` : '';
        finish(ok ? 'succeeded' : 'failed', `restored: ${landedText(landed)}${problem}`, landed);
      } catch (error) {
        if (error instanceof WaitAborted) finish('interrupted', 'restored; stopped waiting for it to be scheduled (interrupted)');
        else if (error instanceof WaitTimeout) finish('failed', `restored, but ${error.message}`);
        else throw error;
      }
    } catch (error) {
      finish('failed', describeError(error));
    }
  }
  return results;
}

/**
 * A backup is clean already; a `kubectl get -o yaml` dump is cleaned like a live pod, from its
 * own fields (not its last-applied-configuration), so a name or image edited in it is honoured.
 */
function prepare(manifest: Obj, namespace: string): Obj {
  const meta = manifest.metadata ?? {};
  const live = meta.uid !== undefined || meta.resourceVersion !== undefined || manifest.status !== undefined;
  const out = live ? cleanManifestForRecreate(manifest) : structuredClone(manifest);
  out.metadata = { ...out.metadata, namespace: out.metadata?.namespace ?? namespace };
  return out;
}

export function landedText(landed: Landed): string {
  if (landed.runsOn === 'fargate') return landed.profile === null ? 'now on Fargate' : `now on Fargate under ${landed.profile}`;
  if (landed.runsOn === 'ec2') return `now on EC2${landed.node ? ` (node ${landed.node})` : ''}`;
  return 'Pending, not scheduled';
}
