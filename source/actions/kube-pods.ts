// Thin pod operations over kubeRequest (the real client library's authentication). Each one is
// a single API call (the waits are in pod-waits.ts); the order and the safety rules live in
// evict-pod.ts and recreate-pod.ts.
import type { KubeConfig } from '@kubernetes/client-node';
import { PROFILE_LABEL } from '../domain/types.js';
import { KubeApiError, kubeGet, kubeRequest } from '../sources/kube/http.js';
import { toNodeRecord } from '../sources/kube/projection.js';
import { backupIsOnDisk, type Backup } from './backup.js';
import { pdbRefusal, pdbSelects } from './pdb.js';
import { onFargateScheduler } from './pod-state.js';
import type { Landed } from './types.js';
import type { Obj } from './watch-until.js';

const FIELD_MANAGER = 'kubectl-fargate';

export const podsPath = (namespace: string): string => `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`;
const podPath = (namespace: string, name: string): string => `${podsPath(namespace)}/${encodeURIComponent(name)}`;

/** The pod, or null when there is none by that name. */
export async function getPod(kc: KubeConfig, namespace: string, name: string, signal?: AbortSignal): Promise<Obj | null> {
  try {
    return await kubeGet<Obj>(kc, podPath(namespace, name), signal ? { signal } : {});
  } catch (error) {
    if (error instanceof KubeApiError && error.status === 404) return null;
    throw error;
  }
}

/** POST a pod; with dryRun the API server runs admission (webhooks included) and stores nothing. */
export async function createPod(kc: KubeConfig, manifest: Obj, options: { dryRun?: boolean } = {}): Promise<Obj> {
  const namespace = String(manifest?.metadata?.namespace ?? 'default');
  const response = await kubeRequest<Obj>(kc, {
    method: 'POST',
    path: podsPath(namespace),
    query: { dryRun: options.dryRun ? 'All' : undefined, fieldManager: FIELD_MANAGER },
    body: manifest,
    verb: 'create',
  });
  return response.body;
}

/**
 * Delete a bare pod with its own grace period, only if it is still the pod we backed up (uid
 * precondition). Takes the backup so no caller can delete without one, and checks it is on disk.
 */
export async function deleteBackedUpPod(kc: KubeConfig, live: Obj, backup: Backup): Promise<void> {
  if (!backupIsOnDisk(backup)) throw new Error(`refusing to delete: the backup ${backup.file} is not on disk`);
  const namespace = String(live.metadata.namespace);
  const name = String(live.metadata.name);
  const grace = live.spec?.terminationGracePeriodSeconds;
  await kubeRequest(kc, {
    method: 'DELETE',
    path: podPath(namespace, name),
    body: {
      apiVersion: 'v1',
      kind: 'DeleteOptions',
      ...(typeof grace === 'number' ? { gracePeriodSeconds: grace } : {}),
      preconditions: { uid: live.metadata.uid },
    },
    verb: 'delete',
  });
}

/**
 * A server-side dry run of deleting this very pod (uid precondition): the API server checks
 * permission and preconditions and deletes nothing. No backup is needed, as nothing can go.
 */
export async function dryRunDeletePod(kc: KubeConfig, live: Obj): Promise<void> {
  await kubeRequest(kc, {
    method: 'DELETE',
    path: podPath(String(live.metadata.namespace), String(live.metadata.name)),
    query: { dryRun: 'All' },
    body: { apiVersion: 'v1', kind: 'DeleteOptions', dryRun: ['All'], preconditions: { uid: live.metadata.uid } },
    verb: 'delete',
  });
}

export type EvictOutcome = { kind: 'evicted' } | { kind: 'gone' } | { kind: 'refused'; message: string; pdb: boolean };

/**
 * POST pods/NAME/eviction (policy/v1). A 429 names the PodDisruptionBudget that refused it.
 * With dryRun the budgets are checked and nothing is evicted (`?dryRun=All` and, as kubectl
 * drain sends it, `deleteOptions.dryRun`).
 */
export async function evictPod(kc: KubeConfig, live: Obj, options: { dryRun?: boolean } = {}): Promise<EvictOutcome> {
  const namespace = String(live.metadata.namespace);
  const name = String(live.metadata.name);
  const dryRun = options.dryRun === true;
  try {
    await kubeRequest(kc, {
      method: 'POST',
      path: `${podPath(namespace, name)}/eviction`,
      ...(dryRun ? { query: { dryRun: 'All' } } : {}),
      body: {
        apiVersion: 'policy/v1',
        kind: 'Eviction',
        metadata: { name, namespace },
        deleteOptions: { preconditions: { uid: live.metadata.uid }, ...(dryRun ? { dryRun: ['All'] } : {}) },
      },
      verb: 'evict',
    });
    return { kind: 'evicted' };
  } catch (error) {
    if (!(error instanceof KubeApiError)) throw error;
    if (error.status === 404) return { kind: 'gone' };
    if (error.status !== 429) throw error;
    const pdb = await refusingBudget(kc, live);
    if (pdb !== null) return { kind: 'refused', message: pdbRefusal(pdb), pdb: true };
    if (/disruption budget/i.test(error.message)) return { kind: 'refused', message: `a PodDisruptionBudget refuses it: ${error.message}`, pdb: true };
    return { kind: 'refused', message: error.message, pdb: false };
  }
}

/** The PDB in the pod's namespace whose selector matches it (null if none, or PDBs are not readable). */
async function refusingBudget(kc: KubeConfig, live: Obj): Promise<Obj | null> {
  const namespace = String(live.metadata.namespace);
  try {
    const list = await kubeGet<{ items?: Obj[] }>(kc, `/apis/policy/v1/namespaces/${encodeURIComponent(namespace)}/poddisruptionbudgets`, { verb: 'list' });
    const labels = (live.metadata.labels ?? {}) as Record<string, string>;
    return (list?.items ?? []).find((pdb) => pdbSelects(pdb, labels)) ?? null;
  } catch {
    return null;
  }
}

export const controllerRef = (pod: Obj): Obj | undefined => (pod?.metadata?.ownerReferences ?? []).find((r: Obj) => r?.controller === true);

/** Where a (new) pod runs: the node's compute type and kubelet, and the profile fargate-scheduler used. */
export async function landedOf(kc: KubeConfig, pod: Obj): Promise<Landed> {
  const node: string | null = pod.spec?.nodeName || null;
  const profile = onFargateScheduler(pod) ? ((pod.metadata?.labels?.[PROFILE_LABEL] as string | undefined) ?? null) : null;
  let fargate = node !== null && node.startsWith('fargate-');
  let kubeletVersion: string | null = null;
  if (node !== null) {
    try {
      const record = toNodeRecord(await kubeGet(kc, `/api/v1/nodes/${encodeURIComponent(node)}`));
      fargate = record.fargate;
      kubeletVersion = record.kubeletVersion ?? null;
    } catch {
      // Nodes are often not readable for namespace users: the fargate- name prefix decides.
    }
  }
  return { name: String(pod.metadata.name), runsOn: node === null ? 'pending' : fargate ? 'fargate' : 'ec2', profile, node, kubeletVersion };
}
