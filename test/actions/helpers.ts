// Shared set-up for the action tests: a sim over real HTTP and the views the planner takes (built
// the way the CLI builds them: paged lists + EKS profiles through the AWS SDK).
import type { RescheduleOptions } from '../../source/actions/reschedule.js';
import type { RescheduleEvent } from '../../source/actions/types.js';
import type { SimOptions } from '../../source/sim/index.js';
import { fetchProfiles } from '../../source/sources/aws/eks.js';
import { loadClusterOnce } from '../../source/sources/kube/load-cluster.js';
import { loadControlPlaneVersion } from '../../source/sources/kube/version.js';
import { ClusterStore } from '../../source/store/cluster-store.js';
import { buildClusterView, type ClusterView, type PodView } from '../../source/view-model/cluster-view.js';
import { tempDir } from '../helpers/files.js';
import { actionSimOptions, startSimWithClients, type SimWithClients } from '../helpers/sim.js';

export type ActionSim = SimWithClients;

/** A walkthrough sim (actionSimOptions); its AWS env is put in process.env so fetchProfiles reaches its EKS API. */
export const startActionSim = (opts: SimOptions = {}): Promise<ActionSim> => startSimWithClients(actionSimOptions(opts));

/** What the loaders need of a sim: its clients (an ActionSim, or test/helpers/sim.ts's FileSim). */
export type SimClients = Pick<ActionSim, 'kc' | 'identity'>;

export async function clusterView(s: SimClients, namespace: string | null = null): Promise<ClusterView> {
  const store = new ClusterStore(s.identity);
  try {
    await Promise.all([loadClusterOnce(s.kc, { namespace }, store), loadControlPlaneVersion(s.kc, store)]);
    const { profiles, status } = await fetchProfiles(s.identity);
    store.setLiveProfiles(profiles, status);
    return buildClusterView(store.flush());
  } finally {
    store.dispose();
  }
}

/** The views of the named pods (or of pods whose name starts with `prefix*`). */
export async function viewsOf(s: SimClients, namespace: string, ...names: string[]): Promise<PodView[]> {
  const view = await clusterView(s, namespace);
  const pods = view.byNamespace.get(namespace) ?? [];
  return names.flatMap((name) => (name.endsWith('*') ? pods.filter((v) => v.pod.name.startsWith(name.slice(0, -1))) : pods.filter((v) => v.pod.name === name)));
}

/**
 * A file's reschedule options: a fresh backup directory under `backupPrefix` each call, the sim's
 * context and the file's waits; a test's own options win, and `events` collects every event.
 */
export function rescheduleOptionsFor(s: SimClients, base: { backupPrefix: string } & Partial<RescheduleOptions>) {
  const { backupPrefix, ...defaults } = base;
  return (o: Partial<RescheduleOptions> & { events?: RescheduleEvent[] } = {}): RescheduleOptions => {
    const { events, ...rest } = o;
    return { backupDir: tempDir(backupPrefix), context: s.identity.context, timeoutMs: 15_000, ...defaults, ...(events ? { onEvent: (e: RescheduleEvent) => events.push(e) } : {}), ...rest };
  };
}
