// The Fargate webhook and scheduler on pod create (spec §2): who gets mutated, what the node
// looks like, the FailedScheduling shapes, and profile lifecycle effects (§2.4).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningSim } from '../../source/sim/index.js';
import { fastSim, podManifest } from '../helpers/sim.js';

describe('sim Fargate webhook + scheduler', () => {
  let sim: RunningSim;
  before(async () => {
    sim = await fastSim();
  });
  after(() => sim.close());

  const running = (ns: string, name: string) => sim.cluster.waitFor(() => sim.cluster.getPod(ns, name)?.status?.phase === 'Running' && sim.cluster.getPod(ns, name), 3000, `${ns}/${name} Running`);
  const refused = (ns: string, name: string) =>
    sim.cluster.waitFor(() => sim.cluster.events(ns, name).find((e) => e.reason === 'FailedScheduling'), 3000, `${ns}/${name} FailedScheduling`);

  test('a pod an ACTIVE profile selects is mutated, gets its own fargate node, size and events', async () => {
    sim.cluster.createPod(podManifest('default', 'fg', { container: { resources: { requests: { cpu: '1', memory: '8Gi' } } } }));
    const created = sim.cluster.getPod('default', 'fg');
    assert.equal(created.spec.schedulerName, 'fargate-scheduler');
    assert.equal(created.metadata.labels['eks.amazonaws.com/fargate-profile'], 'fp-default');
    assert.equal(created.spec.priorityClassName, 'system-node-critical');
    assert.equal(created.spec.priority, 2000001000);
    const pod = await running('default', 'fg');
    assert.match(pod.spec.nodeName, /^fargate-ip-10-\d+-\d+-\d+\.ec2\.internal$/);
    assert.equal(pod.status.podIP, pod.status.hostIP);
    assert.equal(pod.metadata.annotations.CapacityProvisioned, '2vCPU 9GB', 'spec §4.1 worked example');
    const node = sim.cluster.get('nodes', '', pod.spec.nodeName);
    assert.equal(node.metadata.labels['eks.amazonaws.com/compute-type'], 'fargate');
    assert.equal(node.metadata.labels['kubernetes.io/arch'], 'amd64');
    assert.equal(node.metadata.labels['kubernetes.io/hostname'], pod.spec.nodeName.replace(/^fargate-/, ''));
    assert.deepEqual(node.spec.taints, [{ key: 'eks.amazonaws.com/compute-type', value: 'fargate', effect: 'NoSchedule' }]);
    const scheduled = sim.cluster.events('default', 'fg').find((e) => e.reason === 'Scheduled');
    assert.equal(scheduled.source.component, 'fargate-scheduler');
    assert.equal(scheduled.message, `Successfully assigned default/fg to ${String(pod.spec.nodeName)}`);
    // The node goes with the pod.
    sim.cluster.deletePod('default', 'fg', { gracePeriodSeconds: 0 });
    await sim.cluster.waitFor(() => sim.cluster.get('nodes', '', pod.spec.nodeName) === undefined, 2000, 'node removed');
  });

  test('compute-type ec2, no matching profile, and DaemonSet-free EC2 placement', async () => {
    sim.cluster.createPod(podManifest('apps', 'opt-out', { annotations: { 'eks.amazonaws.com/compute-type': 'ec2' } }));
    sim.cluster.createPod(podManifest('legacy', 'plain'));
    for (const [ns, name] of [['apps', 'opt-out'], ['legacy', 'plain']] as const) {
      const pod = await running(ns, name);
      assert.equal(pod.spec.schedulerName, 'default-scheduler');
      assert.match(pod.spec.nodeName, /^ip-10-0-\d-\d+\.ec2\.internal$/);
      assert.equal(pod.metadata.labels?.['eks.amazonaws.com/fargate-profile'], undefined);
      assert.equal(sim.cluster.events(ns, name).find((e) => e.reason === 'Scheduled')?.source.component, 'default-scheduler');
    }
  });

  test('overlapping profiles: alphabetical first wins; a pin label chooses; CREATING profiles do not count', async () => {
    sim.cluster.createPod(podManifest('apps', 'tie'));
    sim.cluster.createPod(podManifest('apps', 'pin', { labels: { 'eks.amazonaws.com/fargate-profile': 'fp-apps-b' } }));
    sim.cluster.createPod(podManifest('apps', 'pin-missing', { labels: { 'eks.amazonaws.com/fargate-profile': 'fp-nope' } }));
    sim.cluster.createPod(podManifest('analytics', 'creating'));
    assert.equal(sim.cluster.getPod('apps', 'tie').metadata.labels['eks.amazonaws.com/fargate-profile'], 'fp-apps-a');
    assert.equal(sim.cluster.getPod('apps', 'pin').metadata.labels['eks.amazonaws.com/fargate-profile'], 'fp-apps-b');
    assert.equal(sim.cluster.getPod('apps', 'pin').spec.schedulerName, 'fargate-scheduler');
    assert.equal(sim.cluster.getPod('apps', 'pin-missing').spec.schedulerName, 'default-scheduler');
    assert.equal(sim.cluster.getPod('analytics', 'creating').spec.schedulerName, 'default-scheduler');
    sim.cluster.setProfileStatus('fp-analytics', 'ACTIVE');
    sim.cluster.createPod(podManifest('analytics', 'active-now'));
    assert.equal(sim.cluster.getPod('analytics', 'active-now').spec.schedulerName, 'fargate-scheduler');
    sim.cluster.setProfileStatus('fp-analytics', 'CREATING');
  });

  test('wildcards: namespace batch-* and label tier=back*', async () => {
    sim.cluster.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'batch-weekly' } });
    sim.cluster.createPod(podManifest('batch-weekly', 'w'));
    sim.cluster.createPod(podManifest('data', 'backend', { labels: { tier: 'backend-jobs' } }));
    sim.cluster.createPod(podManifest('data', 'frontend', { labels: { tier: 'front' } }));
    assert.equal(sim.cluster.getPod('batch-weekly', 'w').metadata.labels['eks.amazonaws.com/fargate-profile'], 'fp-batch');
    assert.equal(sim.cluster.getPod('data', 'backend').metadata.labels['eks.amazonaws.com/fargate-profile'], 'fp-batch');
    assert.equal(sim.cluster.getPod('data', 'frontend').spec.schedulerName, 'default-scheduler');
  });

  test('unsupported pods stay Pending with the observed FailedScheduling messages', async () => {
    const cases: [string, object, string][] = [
      ['priv', { container: { securityContext: { privileged: true } } }, 'Pod not supported on Fargate: invalid SecurityContext fields: Privileged'],
      ['hostnet', { spec: { hostNetwork: true } }, 'Pod not supported on Fargate: fields not supported: HostNetwork'],
      ['hostport', { container: { ports: [{ containerPort: 80, hostPort: 80 }] } }, 'Pod not supported on Fargate: port contains HostIP or HostPort'],
      ['caps', { container: { securityContext: { capabilities: { add: ['CHOWN'] } } } }, 'Pod not supported on Fargate: invalid SecurityContext fields: Capabilities added: CAP_CHOWN'],
      ['hostpath', { spec: { volumes: [{ name: 'h', hostPath: { path: '/var/log' } }] } }, 'Pod not supported on Fargate: volumes not supported: h is of an unsupported volume Type'],
      ['nopvc', { spec: { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'missing' } }] } }, 'Pod not supported on Fargate: volumes not supported: d not supported because: persistentvolumeclaim "missing" not found'],
      ['ebs', { spec: { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data-postgres-0' } }] } }, 'Pod not supported on Fargate: volumes not supported: d not supported because: PVC data-postgres-0 bound to invalid PV'],
    ];
    for (const [name, extra] of cases) sim.cluster.createPod(podManifest(name === 'ebs' ? 'data' : 'default', name, { ...extra, labels: { tier: 'backend' } }));
    for (const [name, , message] of cases) {
      const ns = name === 'ebs' ? 'data' : 'default';
      const ev = await refused(ns, name);
      assert.equal(ev.type, 'Warning');
      assert.equal(ev.source.component, 'fargate-scheduler');
      assert.ok(ev.message.startsWith(message), `${name}: ${String(ev.message)}`);
      const pod = sim.cluster.getPod(ns, name);
      assert.equal(pod.status.phase, 'Pending');
      assert.equal(pod.spec.nodeName, undefined);
      assert.equal(pod.status.conditions.find((c: { type: string }) => c.type === 'PodScheduled').reason, 'Unschedulable');
    }
  });

  test('a pod admitted under a profile that is gone stays Pending (no retry)', async () => {
    sim.cluster.pause('fargate-scheduler');
    sim.cluster.createProfile({ name: 'fp-temp', selectors: [{ namespace: 'legacy', labels: { temp: 'yes' } }] });
    sim.cluster.createPod(podManifest('legacy', 'orphan', { labels: { temp: 'yes' } }));
    assert.equal(sim.cluster.getPod('legacy', 'orphan').metadata.labels['eks.amazonaws.com/fargate-profile'], 'fp-temp');
    sim.cluster.deleteProfile('fp-temp');
    sim.cluster.resume('fargate-scheduler');
    const ev = await refused('legacy', 'orphan');
    assert.equal(ev.message, 'Misconfigured Fargate Profile: fargate profile fp-temp not found');
  });

  test('deleting a profile stops the pods it launched; their ReplicaSet brings them back re-matched', async () => {
    sim.cluster.createProfile({ name: 'fp-legacy', selectors: [{ namespace: 'legacy' }] });
    sim.cluster.apply({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'mover', namespace: 'legacy' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'mover' } }, template: { metadata: { labels: { app: 'mover' } }, spec: { containers: [{ name: 'a', image: 'nginx' }] } } },
    });
    const movers = () => sim.cluster.listPods('legacy').filter((p) => p.metadata.labels?.app === 'mover');
    await sim.cluster.waitFor(() => movers().filter((p) => p.status.phase === 'Running').length === 2, 3000, 'movers running');
    assert.ok(movers().every((p) => p.spec.nodeName.startsWith('fargate-')));
    const before = movers().map((p) => p.metadata.name);
    sim.cluster.deleteProfile('fp-legacy');
    await sim.cluster.waitFor(() => {
      const now = movers().filter((p) => p.status.phase === 'Running' && !p.metadata.deletionTimestamp);
      return now.length === 2 && now.every((p) => !before.includes(p.metadata.name));
    }, 3000, 'replacements running');
    const live = movers().filter((p) => !p.metadata.deletionTimestamp);
    assert.ok(live.every((p) => p.spec.schedulerName === 'default-scheduler' && !p.spec.nodeName.startsWith('fargate-')));
    const stopped = movers().filter((p) => before.includes(p.metadata.name));
    assert.ok(stopped.every((p) => p.metadata.deletionTimestamp), 'the launched pods were deleted');
  });

  test('a Fargate-only cluster: default-scheduler pods pend with the real taint message', async () => {
    const solo = await fastSim({ scenario: { name: 'fargate-only', steps: [{ namespaces: ['default', 'other'], profiles: [{ name: 'fp', selectors: [{ namespace: 'default' }] }] }] } });
    try {
      solo.cluster.createPod(podManifest('default', 'a'));
      await solo.cluster.waitFor(() => solo.cluster.getPod('default', 'a')?.status.phase === 'Running', 2000, 'a running');
      solo.cluster.createPod(podManifest('other', 'b'));
      const ev = await solo.cluster.waitFor(() => solo.cluster.events('other', 'b').find((e) => e.reason === 'FailedScheduling'), 2000, 'b refused');
      assert.equal(ev.source.component, 'default-scheduler');
      assert.equal(
        ev.message,
        '0/1 nodes are available: 1 node(s) had untolerated taint {eks.amazonaws.com/compute-type: fargate}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
      );
      assert.deepEqual(solo.cluster.errors, []);
    } finally {
      await solo.close();
    }
  });

  test('no internal controller errors', () => {
    assert.deepEqual(sim.cluster.errors, []);
  });
});
