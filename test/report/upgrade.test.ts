// Upgrade readiness in the one-shot faces: --json's cluster.version, kubeletVersion/outdated per
// pod and the namespaces' counts, the KUBELET column, and `check --upgrade` by workload.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildClusterView } from '../../source/view-model/cluster-view.js';
import { buildReport } from '../../source/report/document.js';
import { podTable } from '../../source/report/table.js';
import { reportUpgrade, upgradeCheck, upgradeCheckFailed, upgradeCheckSummary, upgradeCheckTable } from '../../source/report/upgrade-check.js';
import { FARGATE_NODE, fargatePod, node } from '../helpers/records.js';
import { fixtureStore } from './fixture-store.js';

const OLD = 'v1.32.9-eks-113cf36';
const NEW = 'v1.33.5-eks-ecaa3a6';
const NEW_NODE = 'fargate-ip-10-0-9-9.ec2.internal';

/** The fixture's Fargate node on 1.32 under a 1.33 control plane, plus a Deployment pod and a new pod on 1.33. */
function upgradedStore(controlPlane: string | null = 'v1.33.5-eks-3025e55') {
  const store = fixtureStore();
  store.upsert('nodes', { ...node(FARGATE_NODE, true), kubeletVersion: OLD });
  store.upsert('nodes', { ...node(NEW_NODE, true), kubeletVersion: NEW });
  store.upsert('pods', fargatePod('fp-default', { namespace: 'default', name: 'web-2', uid: 'u5', owner: { kind: 'ReplicaSet', name: 'web-5d4f8' } }));
  store.upsert('pods', fargatePod('fp-default', { namespace: 'default', name: 'bare', uid: 'u6' }));
  store.upsert('pods', fargatePod('fp-default', { namespace: 'default', name: 'fresh', uid: 'u7', nodeName: NEW_NODE }));
  store.replaceTemplates('ReplicaSet', [{ namespace: 'default', kind: 'ReplicaSet', name: 'web-5d4f8', templateLabels: {}, owner: { kind: 'Deployment', name: 'web' } }]);
  store.setControlPlaneVersion(controlPlane);
  return store;
}

describe('--json', () => {
  test('cluster.version, kubeletVersion and outdated per pod, outdated per namespace', () => {
    const doc = buildReport(buildClusterView(upgradedStore().flush()));
    assert.equal(doc.cluster.version, '1.33');
    const byName = new Map(doc.pods.map((p) => [p.name, p]));
    assert.deepEqual([byName.get('web-1')?.kubeletVersion, byName.get('web-1')?.outdated], [OLD, true]);
    assert.deepEqual([byName.get('fresh')?.kubeletVersion, byName.get('fresh')?.outdated], [NEW, false]);
    assert.deepEqual([byName.get('test')?.kubeletVersion, byName.get('test')?.outdated], [null, false], 'an EC2 pod has no Fargate kubelet');
    assert.equal(doc.namespaces.find((n) => n.name === 'default')?.outdated, 3);
    assert.equal(doc.namespaces.find((n) => n.name === 'test')?.outdated, 0);
  });

  test('an unknown control-plane version: version null, nothing outdated', () => {
    const doc = buildReport(buildClusterView(upgradedStore(null).flush()));
    assert.equal(doc.cluster.version, null);
    assert.ok(doc.pods.every((p) => p.outdated === false));
    assert.equal(doc.pods.find((p) => p.name === 'web-1')?.kubeletVersion, OLD);
  });

  test('an odd kubelet version: kubeletVersion null, outdated false, and a warning', () => {
    const store = upgradedStore();
    store.upsert('nodes', { ...node(FARGATE_NODE, true), kubeletVersion: 'v1.x' });
    const doc = buildReport(buildClusterView(store.flush()));
    const web = doc.pods.find((p) => p.name === 'web-1')!;
    assert.deepEqual([web.kubeletVersion, web.outdated], [null, false]);
    assert.ok(doc.warnings.some((w) => /kubelet version of the node of 3 Fargate pods is unknown/.test(w)), doc.warnings.join('\n'));
  });
});

describe('tables', () => {
  test('-o wide: KUBELET reads the minor, "outdated" when it blocks the upgrade, <none> off Fargate', () => {
    const view = buildClusterView(upgradedStore().flush());
    const wide = podTable(view.pods, { wide: true, headers: false, color: false, showNamespace: true, proposed: new Set() });
    assert.match(wide, /web-1 .* 1\.32 outdated /);
    assert.match(wide, /fresh .* 1\.33 /);
    assert.match(wide, /test .*<none>\s+<none>/);
  });
});

describe('check --upgrade', () => {
  test('the outdated pods by workload, a ReplicaSet under its Deployment; fails', () => {
    const view = buildClusterView(upgradedStore().flush());
    const check = upgradeCheck({ ...view, upgrade: { controlPlane: '1.33', next: '1.34' } });
    assert.deepEqual(check.workloads.map((w) => `${w.namespace}/${w.kind}/${w.name}:${w.pods.map((p) => p.pod.name).join(',')}`), ['default/Deployment/web:web-1,web-2', 'default/Pod/bare:bare']);
    assert.equal(upgradeCheckFailed(check), true);
    const table = upgradeCheckTable(check, { headers: true, color: false });
    assert.match(table.split('\n')[0]!, /^NAMESPACE\s+WORKLOAD\s+OUTDATED\s+KUBELET\s+NOTE\s+PODS$/);
    assert.match(table, /default\s+Deployment\/web\s+2\s+1\.32 outdated\s+web-1,web-2/);
    assert.equal(upgradeCheckSummary(check), '3 pods block the upgrade to 1.34 (kubelets older than the control plane\'s 1.33), in 2 workloads; recycle them: kubectl fargate reschedule --outdated -A');
    assert.deepEqual(reportUpgrade(check).workloads[0], { namespace: 'default', kind: 'Deployment', name: 'web', pods: ['web-1', 'web-2'] });
  });

  test('a completed pod keeps its Fargate node until deleted: it is listed, with what to do', () => {
    const store = upgradedStore();
    store.upsert('pods', fargatePod('fp-default', { namespace: 'default', name: 'done', uid: 'u8', phase: 'Succeeded', status: 'Completed' }));
    const check = upgradeCheck({ ...buildClusterView(store.flush()), upgrade: { controlPlane: '1.33', next: '1.34' } });
    assert.match(upgradeCheckTable(check, { headers: false, color: false }), /Pod\/done\s+1\s+1\.32 outdated\s+completed: delete it\s+done/);
  });

  test('passes when every Fargate pod runs the control plane\'s minor', () => {
    const store = upgradedStore();
    for (const name of ['web-1', 'web-2', 'bare']) store.remove('pods', `default/${name}`);
    const check = upgradeCheck({ ...buildClusterView(store.flush()), upgrade: { controlPlane: '1.33', next: '1.34' } });
    assert.equal(upgradeCheckFailed(check), false);
    assert.match(upgradeCheckSummary(check), /^ok: no Fargate pod runs a kubelet older than the control plane \(1\.33\); nothing blocks the upgrade to 1\.34$/);
  });
});
