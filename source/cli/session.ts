import type { KubeConfig } from '@kubernetes/client-node';
import { loadKubeConfig } from '../sources/kube/kubeconfig.js';
import { inferClusterIdentity, missingIdentityHint } from '../sources/kube/identity.js';
import { startProfilePoller, type ProfilePoller } from '../sources/aws/eks.js';
import { checkClusterMatch, type ClusterMatch } from '../sources/aws/cluster-match.js';
import { readProfilesFile } from '../sources/files/profile-file.js';
import { readPriceFile } from '../sources/files/price-file.js';
import { resolvePrices } from '../domain/fargate-prices.js';
import { unknownPricesWarning } from '../view-model/words/price.js';
import { ClusterStore } from '../store/cluster-store.js';
import type { ClusterIdentity } from '../store/snapshot.js';
import type { Options } from './flags.js';
import { UsageError, errorText } from '../errors.js';
import { missingAwsProfile } from '../sources/aws/aws-profiles.js';
import { REQUEST_LOG_LEVEL, type RequestLog } from '../sources/request-log.js';

/** Everything a face needs: a loaded kubeconfig, the cluster's identity, and the store to fill. */
export interface Session {
  kc: KubeConfig;
  identity: ClusterIdentity;
  store: ClusterStore;
  /** The kubeconfig file given (--kubeconfig, or the demo's); undefined = KUBECONFIG / ~/.kube/config. */
  kubeconfig: string | undefined;
  requestTimeoutMs: number | undefined;
  /** The kubeconfig context's namespace ("default" when it names none), as kubectl uses for named pods. */
  contextNamespace: string;
  /** Read the EKS profiles into the store now and periodically (never throws; failures land in the status). */
  startProfiles(): ProfilePoller;
  /** Whether the EKS cluster of the profiles is the kubeconfig's cluster (asked once; never throws). */
  clusterMatch(): Promise<ClusterMatch>;
  close(): Promise<void>;
}

/**
 * `live`: the TUI, where warnings go to the store (the status bar shows them); one-shot faces print
 * them to stderr at once, before any request can fail because of what they say.
 */
export async function openSession(options: Options, { live = false }: { live?: boolean } = {}): Promise<Session> {
  // A bad --price-file is a usage error before anything is started or contacted.
  const priceFile = options.priceFile === undefined ? null : readPriceFile(options.priceFile);
  const closers: Array<() => Promise<void>> = [];
  let kubeconfig = options.kubeconfig;
  if (options.demo) {
    const { startDemo } = await import('./demo.js');
    const demo = await startDemo();
    kubeconfig = demo.kubeconfigPath;
    closers.push(demo.close);
  }

  const requestLog = requestLogFor(options, live);
  const { kc, contextName, namespace: contextNamespace, requestTimeoutMs, warnings } = loadKubeConfig({
    kubeconfig,
    context: options.context,
    cluster: options.cluster,
    requestTimeout: options.requestTimeout,
    overrides: options.connection,
    requestLog,
  });
  const identity = inferClusterIdentity(kc, contextName, {
    eksCluster: options.eksCluster,
    region: options.region,
    profile: options.awsProfile,
  });
  // `--profile nosuch` is a usage error, as for `aws --profile nosuch`, before anything is sent.
  if (options.awsProfile && options.aws) {
    const missing = await missingAwsProfile(options.awsProfile, 'from --profile');
    if (missing) throw new UsageError(missing);
  }
  const store = new ClusterStore(identity);
  const prices = resolvePrices(identity.region, priceFile);
  store.setPrices(prices);
  // A region that cannot be told is priced unknown too, without a warning of its own: the EKS
  // identity warning already asks for --region, and --no-aws runs on other clusters need no prices.
  if (prices.origin === 'unknown' && identity.region !== null) warnings.push(unknownPricesWarning(identity.region));
  for (const warning of warnings) {
    if (live) store.addWarning(warning);
    else process.stderr.write(`warning: ${warning}\n`);
  }

  const fileProfiles = options.profilesFiles.flatMap((file) => readProfilesFile(file));
  if (fileProfiles.length > 0) store.setFileProfiles(fileProfiles);

  /** Profiles are read now and then every minute (EKS has no watch); one-shot faces stop after the first read. */
  const startProfiles = (): ProfilePoller => {
    const settled = (message: string | null, state: 'file-only' | 'no-cluster'): ProfilePoller => {
      store.setLiveProfiles([], { state, message, fetchedAt: null, stale: false });
      if (state === 'no-cluster' && message) store.addWarning(message);
      return { refreshNow: async () => {}, stop: () => {} };
    };
    if (!options.aws) return settled('EKS not consulted (--no-aws)', 'file-only');
    const missing = missingIdentityHint(identity);
    if (missing) return settled(missing, 'no-cluster');
    return startProfilePoller(identity, store, { log: requestLog });
  };

  let match: Promise<ClusterMatch> | null = null;
  const clusterMatch = (): Promise<ClusterMatch> => {
    if (!options.aws) return Promise.resolve({ state: 'not-applicable', message: null });
    match ??= checkClusterMatch({
      identity,
      claim: inferClusterIdentity(kc, contextName),
      server: kc.getCurrentCluster()?.server ?? '',
    }, { log: requestLog }).catch((error: unknown) => ({ state: 'unknown' as const, message: `cannot confirm that the EKS cluster is the cluster of context "${contextName}": ${errorText(error)}` }));
    return match;
  };

  return {
    kc,
    identity,
    store,
    kubeconfig,
    requestTimeoutMs,
    contextNamespace,
    startProfiles,
    clusterMatch,
    close: async () => {
      store.dispose();
      for (const close of closers.reverse()) await close();
    },
  };
}

/**
 * -v's request log on stderr. The live view owns the terminal: there the log is written only when
 * stderr is not that terminal (`kubectl fargate -v6 2>requests.log`).
 */
function requestLogFor(options: Options, live: boolean): RequestLog | null {
  if (options.verbosity < REQUEST_LOG_LEVEL) return null;
  if (live && process.stderr.isTTY) {
    process.stderr.write('warning: -v writes its request log to stderr, which the live view covers: redirect it (2>requests.log) to keep it\n');
    return null;
  }
  const secrets = [options.connection.token, process.env.AWS_SECRET_ACCESS_KEY, process.env.AWS_SESSION_TOKEN].filter((s): s is string => Boolean(s));
  return { level: options.verbosity, write: (text) => void process.stderr.write(text), secrets };
}
