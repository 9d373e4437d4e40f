// What the profile subcommands share: reading the cluster (pods with their placements, and the
// live profiles) as often as a flow needs it, the cluster check before writes, confirmation.
import { UsageError, UserError } from '../errors.js';
import { startProfilePoller } from '../sources/aws/eks.js';
import { openProfileApi, type ProfileApi } from '../sources/aws/eks-profile-api.js';
import { loadClusterOnce } from '../sources/kube/load-cluster.js';
import { ClusterStore } from '../store/cluster-store.js';
import type { Snapshot } from '../store/snapshot.js';
import { buildClusterView, type ClusterView } from '../view-model/cluster-view.js';
import { clusterMatchWarning, requireClusterMatch } from './cluster-check.js';
import type { Options } from './flags.js';
import { say } from './interrupts.js';
import type { Session } from './session.js';

export interface ClusterRead {
  snapshot: Snapshot;
  view: ClusterView;
}

/**
 * Pods, nodes, owner templates and the live profiles, read now into a store of their own (a
 * flow reads again after each change). Profiles must be readable: a write judged without them
 * would be a guess.
 */
export async function readCluster(session: Session): Promise<ClusterRead> {
  const store = new ClusterStore(session.identity, 0);
  try {
    const poller = startProfilePoller(session.identity, store);
    await Promise.all([loadClusterOnce(session.kc, { namespace: null, timeoutMs: session.requestTimeoutMs, skip: ['events'] }, store), poller.refreshNow()]);
    poller.stop();
    const snapshot = store.flush();
    const { state, message } = snapshot.profilesStatus;
    if (state !== 'ok') throw new UserError(`cannot read the Fargate profiles of EKS: ${message ?? state}`, { hint: 'a profile command needs eks:ListFargateProfiles and eks:DescribeFargateProfile' });
    return { snapshot, view: buildClusterView(snapshot) };
  } finally {
    store.dispose();
  }
}

/** Writes need the kubeconfig's own EKS cluster; a client dry run only warns. */
export async function checkClusterForWrite(session: Session, options: Options): Promise<void> {
  if (options.dryRun === 'client') {
    const warning = clusterMatchWarning(await session.clusterMatch());
    if (warning) say(process.stderr, `warning: ${warning}\n`);
    return;
  }
  await requireClusterMatch(session);
}

/** Without a terminal there is no one to ask: --yes is required (checked after every flag). */
export function checkConfirmable(options: Options, what: string): void {
  if (!options.yes && !options.dryRun && !process.stdin.isTTY) {
    throw new UsageError(`refusing to ${what} without confirmation: pass --yes (stdin is not a terminal)`, 'review it first with --dry-run');
  }
}

export async function profileApi(session: Session): Promise<ProfileApi> {
  return openProfileApi(session.identity);
}
