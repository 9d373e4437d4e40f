// The values completion reads from outside: contexts and cluster entries from the kubeconfig
// (no network), namespaces and pods from the cluster, Fargate profile names from EKS, AWS
// profile names from ~/.aws. All read-only; what goes over the network is bounded by a short
// deadline, and any failure is an empty list: a completion prints nothing rather than an error.
// The heavy modules (the Kubernetes client, the AWS SDK) are imported only when a value needs them.
import { readFile } from 'node:fs/promises';
import type { KubeConfig } from '@kubernetes/client-node';
import { parse } from 'yaml';
import type { TypedSoFar, ValueSource } from './completion-engine.js';

/** How long a completion may wait on the cluster or EKS (a TAB must not hang the shell). */
export const COMPLETION_DEADLINE_MS = 2000;

const flag = (typed: TypedSoFar, name: string): string | undefined => typed.flags.get(name)?.at(-1);

/** Errors stay silent, except for whoever debugs the tool (KUBECTL_FARGATE_DEBUG, as in cli.ts). */
function unheard(error: unknown): readonly string[] {
  if (process.env.KUBECTL_FARGATE_DEBUG) process.stderr.write(`completion: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return [];
}

/**
 * `read(signal)`, or [] if it fails or the network part takes longer than the deadline. `setUp`
 * (module loading, reading the kubeconfig) runs first, outside the deadline: a busy machine's
 * slow start must not turn into an empty answer.
 */
async function bounded<T>(setUp: () => Promise<T>, read: (ready: T, signal: AbortSignal) => Promise<readonly string[]>, ms: number): Promise<readonly string[]> {
  let ready: T;
  try {
    ready = await setUp();
  } catch (error) {
    return unheard(error);
  }
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<readonly string[]>((resolve) => {
    timer = setTimeout(() => {
      abort.abort();
      resolve([]);
    }, ms);
  });
  try {
    return await Promise.race([read(ready, abort.signal).catch(unheard), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Never throws: a completion offers nothing rather than an error. */
const quietly = (read: () => Promise<readonly string[]>): Promise<readonly string[]> => read().catch(unheard);

/** Names of a kubeconfig section across the files kubectl would read, first definition first. */
async function kubeconfigNames(typed: TypedSoFar, section: 'contexts' | 'clusters', env: NodeJS.ProcessEnv): Promise<string[]> {
  const { kubeconfigFiles } = await import('../sources/kube/kubeconfig.js');
  const names: string[] = [];
  for (const file of kubeconfigFiles(flag(typed, 'kubeconfig'), env)) {
    const doc = parse(await readFile(file, 'utf8')) as Record<string, unknown> | null;
    const entries = doc?.[section];
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      const name = (entry as { name?: unknown } | null)?.name;
      if (typeof name === 'string' && name !== '') names.push(name);
    }
  }
  return [...new Set(names)];
}

interface Cluster {
  kc: KubeConfig;
  contextName: string;
  namespace: string;
}

/** The kubeconfig as the command would load it with the flags typed so far. */
async function cluster(typed: TypedSoFar, env: NodeJS.ProcessEnv): Promise<Cluster> {
  const { loadKubeConfig } = await import('../sources/kube/kubeconfig.js');
  // The deadline also bounds an exec credential plugin (aws eks get-token).
  const requestTimeout = `${COMPLETION_DEADLINE_MS / 1000}s`;
  const { kc, contextName, namespace } = loadKubeConfig({ kubeconfig: flag(typed, 'kubeconfig'), context: flag(typed, 'context'), cluster: flag(typed, 'cluster'), requestTimeout, env });
  return { kc, contextName, namespace };
}

type KubeGet = (typeof import('../sources/kube/http.js'))['kubeGet'];

/** metadata.name of each item of one LIST (one page of up to 500: enough to complete from). */
async function listNames(kubeGet: KubeGet, kc: KubeConfig, path: string, signal: AbortSignal): Promise<string[]> {
  const list = await kubeGet<{ items?: { metadata?: { name?: string } }[] }>(kc, path, { query: { limit: 500 }, signal, verb: 'list' });
  return (list?.items ?? []).map((item) => item.metadata?.name).filter((name): name is string => typeof name === 'string');
}

/** Lists the Fargate profile names of the EKS cluster the typed flags point at ([] when unknown). */
async function eksLister(typed: TypedSoFar, env: NodeJS.ProcessEnv): Promise<(signal: AbortSignal) => Promise<string[]>> {
  const { kc, contextName } = await cluster(typed, env);
  const { inferClusterIdentity } = await import('../sources/kube/identity.js');
  const identity = inferClusterIdentity(kc, contextName, { eksCluster: flag(typed, 'eks-cluster'), region: flag(typed, 'region'), profile: flag(typed, 'profile') });
  const { clusterName, region, awsProfile } = identity;
  if (!clusterName || !region) return async () => [];
  const { ListFargateProfilesCommand } = await import('@aws-sdk/client-eks');
  const { createEksClient } = await import('../sources/aws/eks-client.js');
  return async (signal) => {
    const client = await createEksClient({ region, maxAttempts: 1, profile: awsProfile, env });
    try {
      const names: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await client.send(new ListFargateProfilesCommand({ clusterName, maxResults: 100, nextToken }), { abortSignal: signal });
        names.push(...(page.fargateProfileNames ?? []));
        nextToken = page.nextToken;
      } while (nextToken);
      return names;
    } finally {
      client.destroy();
    }
  };
}

export function liveValues(env: NodeJS.ProcessEnv = process.env, deadlineMs = COMPLETION_DEADLINE_MS): ValueSource {
  const kube = async () => (await import('../sources/kube/http.js')).kubeGet;
  return {
    contexts: (typed) => quietly(() => kubeconfigNames(typed, 'contexts', env)),
    clusters: (typed) => quietly(() => kubeconfigNames(typed, 'clusters', env)),
    namespaces: (typed) =>
      bounded(
        async () => ({ ...(await cluster(typed, env)), kubeGet: await kube() }),
        ({ kc, kubeGet }, signal) => listNames(kubeGet, kc, '/api/v1/namespaces', signal),
        deadlineMs,
      ),
    pods: (typed) =>
      bounded(
        async () => ({ ...(await cluster(typed, env)), kubeGet: await kube() }),
        ({ kc, namespace, kubeGet }, signal) => listNames(kubeGet, kc, `/api/v1/namespaces/${encodeURIComponent(flag(typed, 'namespace') ?? namespace)}/pods`, signal),
        deadlineMs,
      ),
    fargateProfiles: (typed) => bounded(() => eksLister(typed, env), (list, signal) => list(signal), deadlineMs),
    awsProfiles: () => quietly(async () => (await import('../sources/aws/aws-profiles.js')).awsProfileNames(env)),
    manifestSources: async () => (await import('../actions/manifest-source.js')).MANIFEST_SOURCES,
  };
}
