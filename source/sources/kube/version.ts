// The control plane's Kubernetes version, from the API server's /version (any identity may read
// it; no AWS call needed). Fargate kubelets are compared with it (domain/versions.ts).
import type { KubeConfig } from '@kubernetes/client-node';
import { parseKubeVersion } from '../../domain/versions.js';
import { errorText } from '../../errors.js';
import type { ClusterStore } from '../../store/cluster-store.js';
import { kubeGet } from './http.js';

const CONSEQUENCE = 'which Fargate pods block the next control-plane upgrade is unknown';

export interface VersionReadOptions {
  /** --request-timeout; 0/absent = none. */
  timeoutMs?: number | undefined;
  signal?: AbortSignal;
}

/** /version's gitVersion (v1.33.5-eks-3025e55). Throws what the request threw. */
export async function readControlPlaneVersion(kc: KubeConfig, options: VersionReadOptions = {}): Promise<string | null> {
  const info = await kubeGet<{ gitVersion?: unknown }>(kc, '/version', {
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return typeof info?.gitVersion === 'string' ? info.gitVersion : null;
}

/** Read it into the store; never throws: a failure, or a version that is no version, is a store warning. */
export async function loadControlPlaneVersion(kc: KubeConfig, store: ClusterStore, options: VersionReadOptions = {}): Promise<void> {
  let gitVersion: string | null;
  try {
    gitVersion = await readControlPlaneVersion(kc, options);
  } catch (error) {
    if (options.signal?.aborted) return;
    // A live session keeps the version it had: an API server blip is not an upgrade.
    if (store.getSnapshot().controlPlaneVersion === null) store.addWarning(`cannot read the control plane's version (GET /version: ${errorText(error)}); ${CONSEQUENCE}`);
    return;
  }
  if (parseKubeVersion(gitVersion) === null) store.addWarning(`the API server's /version reports ${gitVersion === null ? 'no gitVersion' : `"${gitVersion}"`}, not a Kubernetes version; ${CONSEQUENCE}`);
  store.setControlPlaneVersion(gitVersion);
}

export interface VersionPoller {
  refreshNow(): Promise<void>;
  stop(): void;
}

/** The live view: read now and every `intervalMs`, so an upgrade made during the session shows. */
export function startVersionPoller(kc: KubeConfig, store: ClusterStore, options: VersionReadOptions & { intervalMs?: number } = {}): VersionPoller {
  const stopper = new AbortController();
  const refreshNow = () => loadControlPlaneVersion(kc, store, { ...options, signal: stopper.signal });
  void refreshNow();
  const timer = setInterval(() => void refreshNow(), options.intervalMs ?? 60_000);
  timer.unref();
  return {
    refreshNow,
    stop: () => {
      clearInterval(timer);
      stopper.abort();
    },
  };
}
