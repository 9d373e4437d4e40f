// The placement rules reschedule acts on, end to end: objects are created over HTTP with the real
// Kubernetes client, the BUILT CLI reads them from the sim (real client-node, real AWS SDK), and
// each class is checked on `--json` verdicts and on what `reschedule` does (spec §2.3, §3).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { KubeConfig, KubernetesObjectApi, type KubernetesObject } from '@kubernetes/client-node';
import { startSim, type RunningSim } from '../../source/sim/index.js';
import { PROFILE_LABEL } from '../../source/domain/types.js';
import type { ReportDocument, ReportPod } from '../../source/report/document.js';
import { tempDir } from '../helpers/files.js';
import { FAST } from '../helpers/sim.js';
import { runCli, simEnv, type CliResult } from '../helpers/cli.js';

const IMAGE = 'public.ecr.aws/nginx/nginx:1.27';
const EC2_NODE = 'ip-10-0-1-23.ec2.internal';

let sim: RunningSim;
let api: KubernetesObjectApi;
before(async () => {
  sim = await startSim({ scenario: 'walkthrough', timing: FAST });
  const kc = new KubeConfig();
  kc.loadFromFile(sim.kubeconfigPath);
  api = KubernetesObjectApi.makeApiClient(kc);
});
after(() => sim.close());

const create = async (...objects: KubernetesObject[]): Promise<void> => {
  for (const object of objects) await api.create(object);
};

/** The PV controller's part (the sim has none): bind the claim to its volume. */
function bind(namespace: string, claim: string, volume: string): void {
  const pvc = sim.cluster.get('persistentvolumeclaims', namespace, claim);
  pvc.spec.volumeName = volume;
  pvc.status = { phase: 'Bound', accessModes: pvc.spec.accessModes, capacity: { storage: '5Gi' } };
  sim.cluster.ctx.api.write('persistentvolumeclaims', pvc);
}

const persistentVolume = (name: string, source: Record<string, unknown>, claim: { namespace: string; name: string }): KubernetesObject =>
  ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name }, spec: { capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', storageClassName: '', claimRef: claim, ...source } }) as KubernetesObject;

const claim = (namespace: string, name: string, storageClassName: string): KubernetesObject =>
  ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace }, spec: { accessModes: ['ReadWriteOnce'], storageClassName, resources: { requests: { storage: '5Gi' } } } }) as KubernetesObject;

const deployment = (namespace: string, name: string, labels: Record<string, string>, claimName?: string): KubernetesObject =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name, ...labels } },
        spec: {
          containers: [{ name: 'app', image: IMAGE, ...(claimName ? { volumeMounts: [{ name: 'data', mountPath: '/data' }] } : {}) }],
          ...(claimName ? { volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }] } : {}),
        },
      },
    },
  }) as KubernetesObject;

const namespace = (name: string): KubernetesObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

/** The running pods of a namespace, once there are `count`. */
async function runningPods(ns: string, count = 1): Promise<{ metadata: { name: string; uid: string }; spec: { nodeName?: string } }[]> {
  return sim.cluster.waitFor(
    () => {
      const pods = sim.cluster.listPods(ns).filter((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp);
      return pods.length === count ? pods : null;
    },
    10_000,
    `${count} running pods in ${ns}`,
  );
}

async function report(args: string[]): Promise<{ doc: ReportDocument; result: CliResult }> {
  const result = await runCli(['--json', ...args], simEnv(sim));
  assert.equal(result.code, 0, result.stderr);
  return { doc: JSON.parse(result.stdout) as ReportDocument, result };
}

async function podReport(ns: string, name: string): Promise<ReportPod> {
  const { doc } = await report(['-n', ns]);
  const pod = doc.pods.find((p) => p.name === name);
  assert.ok(pod, `${ns}/${name} in the report`);
  return pod;
}

interface Results {
  code: number;
  stderr: string;
  results: { pod: string; outcome: string; message: string; landed: { profile: string | null } | null }[];
}

async function reschedule(args: string[]): Promise<Results> {
  const { code, stdout, stderr } = await runCli(['reschedule', '--yes', '--json', '--timeout', '20s', '--backup-dir', tempDir('kf-rules-'), ...args], simEnv(sim));
  return { code, stderr, ...(JSON.parse(stdout) as { results: Results['results'] }) };
}

describe('storage: a claim bound to a volume Fargate cannot mount blocks the pod, however it was provisioned', () => {
  test('a claim bound to a static EBS volume (no provisioner anywhere but the PV): blocked, and reschedule leaves the only replica alone', async () => {
    const ns = 'rules-static-ebs';
    await create(
      namespace(ns),
      persistentVolume('pv-static-ebs', { csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-0a1b2c3d4e5f' } }, { namespace: ns, name: 'data' }),
      claim(ns, 'data', ''),
    );
    bind(ns, 'data', 'pv-static-ebs');
    await create(deployment(ns, 'db', {}, 'data'));
    const [before] = await runningPods(ns);
    sim.cluster.createProfile({ name: 'fp-rules-static-ebs', selectors: [{ namespace: ns }] });

    const pod = await podReport(ns, before!.metadata.name);
    assert.equal(pod.verdict, 'blocked', pod.reasons.join('\n'));
    assert.equal(pod.needsReschedule, false);
    assert.deepEqual(pod.blockers.map((b) => b.code), ['pvc']);
    assert.match(pod.blockers[0]!.message, /PVC data bound to PV pv-static-ebs with CSI driver ebs\.csi\.aws\.com, which Fargate cannot mount/);

    const all = await reschedule(['--all', '-n', ns]);
    assert.equal(all.code, 0, all.stderr);
    assert.deepEqual(all.results, []);
    const named = await reschedule(['-n', ns, before!.metadata.name]);
    assert.equal(named.code, 1);
    assert.equal(named.results[0]?.outcome, 'refused');
    assert.match(named.results[0]!.message, /re-creating it would not help: it cannot run on Fargate \(.*ebs\.csi\.aws\.com/);
    assert.equal(sim.cluster.getPod(ns, before!.metadata.name)?.metadata.uid, before!.metadata.uid, 'the pod was not touched');
  });

  test('the StorageClass provisioner: names it for an unbound claim, and decides for a bound claim whose volume cannot be read', async () => {
    const ns = 'rules-storage-class';
    await create(
      namespace(ns),
      { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'rules-gp3' }, provisioner: 'ebs.csi.aws.com', volumeBindingMode: 'WaitForFirstConsumer' } as KubernetesObject,
      persistentVolume('pv-rules-gp3', { csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-0f0e0d0c' } }, { namespace: ns, name: 'bound' }),
      claim(ns, 'bound', 'rules-gp3'),
      claim(ns, 'unbound', 'rules-gp3'),
    );
    bind(ns, 'bound', 'pv-rules-gp3');
    await create(deployment(ns, 'bound', {}, 'bound'), deployment(ns, 'unbound', {}, 'unbound'));
    const pods = await runningPods(ns, 2);
    sim.cluster.createProfile({ name: 'fp-rules-storage-class', selectors: [{ namespace: ns }] });
    const byApp = (app: string) => pods.find((p) => p.metadata.name.startsWith(`${app}-`))!.metadata.name;

    const unbound = await podReport(ns, byApp('unbound'));
    assert.equal(unbound.verdict, 'blocked');
    assert.match(unbound.blockers[0]!.message, /PVC unbound not bound .*; its StorageClass rules-gp3 provisions with ebs\.csi\.aws\.com/);

    // A namespace user may not read PersistentVolumes (cluster-scoped): the claim's StorageClass stands in.
    sim.faults.deny({ resource: 'persistentvolumes' });
    try {
      const { doc, result } = await report(['-n', ns]);
      assert.match(result.stderr, /^warning: cannot list persistentvolumes \(forbidden\); a claim's volume is judged by its provisioner and StorageClass only$/m);
      const bound = doc.pods.find((p) => p.name === byApp('bound'))!;
      assert.equal(bound.verdict, 'blocked', bound.reasons.join('\n'));
      assert.match(bound.blockers[0]!.message, /PVC bound bound to a volume provisioned by ebs\.csi\.aws\.com/);
      const refused = await reschedule(['--all', '-n', ns]);
      assert.deepEqual(refused.results, [], 'nothing to reschedule');
    } finally {
      sim.faults.reset();
    }
  });

  test('a claim bound to a static EFS volume is supported: the pod is rescheduled onto Fargate', async () => {
    const ns = 'rules-efs';
    await create(namespace(ns), persistentVolume('pv-rules-efs', { csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-0123456789abcdef0' } }, { namespace: ns, name: 'shared' }), claim(ns, 'shared', ''));
    bind(ns, 'shared', 'pv-rules-efs');
    await create(deployment(ns, 'web', {}, 'shared'));
    const [before] = await runningPods(ns);
    sim.cluster.createProfile({ name: 'fp-rules-efs', selectors: [{ namespace: ns }] });

    const pod = await podReport(ns, before!.metadata.name);
    assert.equal(pod.verdict, 'reschedule', pod.reasons.join('\n'));
    assert.deepEqual(pod.blockers, []);

    const run = await reschedule(['--all', '-n', ns]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.results.length, 1);
    assert.equal(run.results[0]!.outcome, 'succeeded', run.results[0]!.message);
    assert.equal(run.results[0]!.landed?.profile, 'fp-rules-efs');
  });
});

describe('static (mirror) pods are never rescheduled', () => {
  test('verdict ok with the reason; reschedule refuses it and leaves it alone', async () => {
    const ns = 'rules-static-pod';
    const node = sim.cluster.get('nodes', '', EC2_NODE);
    await create(namespace(ns), {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `etcd-backup-${EC2_NODE}`,
        namespace: ns,
        annotations: { 'kubernetes.io/config.mirror': '9f1c2b3a4d5e6f70', 'kubernetes.io/config.source': 'file' },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: EC2_NODE, uid: node.metadata.uid, controller: true }],
      },
      spec: { nodeName: EC2_NODE, containers: [{ name: 'backup', image: IMAGE }] },
    } as KubernetesObject);
    // The API's copy of a pod the kubelet runs from a file: it is bound to its node from the start.
    const before = await sim.cluster.waitFor(() => sim.cluster.getPod(ns, `etcd-backup-${EC2_NODE}`), 5000, 'the mirror pod');
    sim.cluster.createProfile({ name: 'fp-rules-static-pod', selectors: [{ namespace: ns }] });

    const pod = await podReport(ns, before.metadata.name);
    assert.equal(pod.runsOn, 'ec2');
    assert.equal(pod.verdict, 'ok', pod.reasons.join('\n'));
    assert.equal(pod.needsReschedule, false);
    assert.ok(pod.reasons.includes(`static pod (kubernetes.io/config.mirror): the kubelet on ${EC2_NODE} owns it; deleting it does not move it`), pod.reasons.join('\n'));

    const named = await reschedule(['-n', ns, before.metadata.name]);
    assert.equal(named.code, 1);
    assert.equal(named.results[0]?.outcome, 'refused');
    assert.equal(named.results[0]?.message, `static pod (kubernetes.io/config.mirror): the kubelet on ${EC2_NODE} owns it; deleting it does not move it`);
    assert.equal(sim.cluster.getPod(ns, before.metadata.name)?.metadata.uid, before.metadata.uid, 'the pod was not touched');
    assert.equal(sim.cluster.getPod(ns, before.metadata.name)?.metadata.deletionTimestamp, undefined);
  });
});

describe("controller-owned pods are judged by the pod their controller would create", () => {
  const ns = 'rules-template-pin';

  before(async () => {
    // Both select the namespace; fp-rules-a sorts first, the Deployment's template pins fp-rules-b.
    sim.cluster.createProfile({ name: 'fp-rules-a', selectors: [{ namespace: ns }] });
    sim.cluster.createProfile({ name: 'fp-rules-b', selectors: [{ namespace: ns }] });
    await create(namespace(ns), deployment(ns, 'api', { [PROFILE_LABEL]: 'fp-rules-b' }));
    await runningPods(ns);
  });

  test("a ReplicaSet whose template pins a profile: ok under it, and reschedule moves nothing", async () => {
    const [before] = await runningPods(ns);
    assert.match(before!.spec.nodeName ?? '', /^fargate-/);
    const pod = await podReport(ns, before!.metadata.name);
    assert.equal(pod.currentProfile, 'fp-rules-b');
    assert.equal(pod.expectedProfile, 'fp-rules-b', pod.reasons.join('\n'));
    assert.equal(pod.verdict, 'ok');
    assert.ok(pod.reasons.some((r) => /the pod template of ReplicaSet api-\S+ pins profile fp-rules-b/.test(r)), pod.reasons.join('\n'));

    const all = await reschedule(['--all', '-n', ns]);
    assert.equal(all.code, 0, all.stderr);
    assert.deepEqual(all.results, []);
    const named = await reschedule(['-n', ns, before!.metadata.name]);
    assert.equal(named.results[0]?.outcome, 'refused');
    assert.match(named.results[0]!.message, /already runs where the profiles say \(Fargate \(fp-rules-b\)\)/);
    assert.equal(sim.cluster.getPod(ns, before!.metadata.name)?.metadata.uid, before!.metadata.uid);
  });

  test('a template that may not be read: judged by the pod\'s own labels, and the report says so', async () => {
    const [before] = await runningPods(ns);
    sim.faults.deny({ resource: 'replicasets' });
    try {
      const { doc, result } = await report(['-n', ns]);
      assert.match(result.stderr, /^warning: cannot list replicasets \(forbidden\); their pods are judged by their own labels, not by the pod template a replacement gets$/m);
      const pod = doc.pods.find((p) => p.name === before!.metadata.name)!;
      assert.ok(pod.reasons.some((r) => /^cannot read the pod template of ReplicaSet api-\S+ \(forbidden\): judged by the pod's own labels/.test(r)), pod.reasons.join('\n'));
    } finally {
      sim.faults.reset();
    }
  });
});

describe('an EKS endpoint answering with an HTML page', () => {
  test('one warning line saying so, not a JSON parser error; pods are still shown', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const { code, stdout, stderr } = await runCli(['--json', '-n', 'test'], simEnv(sim, { AWS_ENDPOINT_URL_EKS: url }));
      assert.equal(code, 0, stderr);
      assert.equal(
        stderr,
        `warning: the EKS endpoint ${url} answered HTTP 502 with a text/html page, not the EKS API's JSON (a proxy or firewall in between, or a wrong AWS_ENDPOINT_URL_EKS); try again shortly, or check the endpoint\n`,
      );
      const doc = JSON.parse(stdout) as ReportDocument;
      assert.equal(doc.aws.state, 'error');
      assert.deepEqual(doc.pods.map((p) => p.name), ['test']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
