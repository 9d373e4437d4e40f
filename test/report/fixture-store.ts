// A small store covering each verdict, for the one-shot faces' tests.
import { ClusterStore } from '../../source/store/cluster-store.js';
import { EC2_NODE, FARGATE_NODE, IDENTITY, container, fargatePod, node, pod, profile } from '../helpers/records.js';

export function fixtureStore({ profilesKnown = true } = {}): ClusterStore {
  const store = new ClusterStore(IDENTITY);
  store.replaceAll('nodes', [node(EC2_NODE, false), node(FARGATE_NODE, true)]);
  store.replaceAll('namespaces', ['default', 'test', 'legacy'].map((name) => ({ name, phase: 'Active', createdAt: 0 })));
  store.replaceAll('pods', [
    pod({ namespace: 'test', name: 'test', uid: 'u1' }),
    fargatePod('fp-default', { namespace: 'default', name: 'web-1', uid: 'u2', owner: { kind: 'ReplicaSet', name: 'web-5d4f8' } }),
    pod({ namespace: 'default', name: 'priv', uid: 'u3', nodeName: null, schedulerName: 'fargate-scheduler', phase: 'Pending', status: 'Pending', labels: { 'eks.amazonaws.com/fargate-profile': 'fp-default' }, containers: [container({ privileged: true })] }),
    pod({ namespace: 'legacy', name: 'old', uid: 'u4' }),
  ]);
  if (profilesKnown) {
    store.setLiveProfiles([profile('fp-default', 'default'), profile('fp-test', 'test')], { state: 'ok', message: null, fetchedAt: 1, stale: false });
  } else {
    store.setProfilesStatus({ state: 'access-denied', message: 'access denied to eks:ListFargateProfiles', fetchedAt: null, stale: false });
  }
  return store;
}
