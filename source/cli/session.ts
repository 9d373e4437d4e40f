import type { KubeConfig } from '@kubernetes/client-node';
import { loadKubeConfig } from '../sources/kubeconfig.js';
import { inferClusterIdentity, missingIdentityHint } from '../sources/identity.js';
import { fetchProfiles } from '../sources/eks.js';
import { readProfilesFile } from '../sources/profile-file.js';
import { ClusterStore } from '../store/cluster-store.js';
import type { ClusterIdentity } from '../store/snapshot.js';
import type { Options } from './flags.js';

/** Everything a face needs: a loaded kubeconfig, the cluster's identity, and the store to fill. */
export interface Session {
  kc: KubeConfig;
  identity: ClusterIdentity;
  store: ClusterStore;
  requestTimeoutMs: number | undefined;
  /** Read the EKS profiles once into the store (never throws; failures land in the status). */
  loadProfiles(): Promise<void>;
  close(): Promise<void>;
}

export async function openSession(options: Options): Promise<Session> {
  const closers: Array<() => Promise<void>> = [];
  let kubeconfig = options.kubeconfig;
  if (options.demo) {
    const { startDemo } = await import('./demo.js');
    const demo = await startDemo();
    kubeconfig = demo.kubeconfigPath;
    closers.push(demo.close);
  }

  const { kc, contextName, requestTimeoutMs } = loadKubeConfig({
    kubeconfig,
    context: options.context,
    requestTimeout: options.requestTimeout,
  });
  const identity = inferClusterIdentity(kc, contextName, {
    cluster: options.cluster,
    region: options.region,
    profile: options.awsProfile,
  });
  const store = new ClusterStore(identity);

  const fileProfiles = options.profilesFiles.flatMap((file) => readProfilesFile(file));
  if (fileProfiles.length > 0) store.setFileProfiles(fileProfiles);

  const loadProfiles = async (): Promise<void> => {
    if (!options.aws) {
      store.setLiveProfiles([], { state: 'file-only', message: 'EKS not consulted (--no-aws)', fetchedAt: null, stale: false });
      return;
    }
    if (!identity.clusterName || !identity.region) {
      const message = missingIdentityHint(identity);
      store.setLiveProfiles([], { state: 'no-cluster', message, fetchedAt: null, stale: false });
      store.addWarning(message);
      return;
    }
    const { profiles, status } = await fetchProfiles(identity);
    if (status.state === 'ok') store.setLiveProfiles(profiles, status);
    else {
      const previous = store.getSnapshot().profilesStatus;
      store.setProfilesStatus({ ...status, fetchedAt: previous.fetchedAt, stale: previous.fetchedAt !== null });
      if (status.message) store.addWarning(status.message);
    }
  };

  return {
    kc,
    identity,
    store,
    requestTimeoutMs,
    loadProfiles,
    close: async () => {
      store.dispose();
      for (const close of closers.reverse()) await close();
    },
  };
}
