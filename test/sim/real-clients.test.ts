// The real tools against the sim: kubectl (get/apply/delete), the AWS CLI v1, and
// @kubernetes/client-node (paged list, informer surviving a 410 relist).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { promisify } from 'node:util';
import * as k8s from '@kubernetes/client-node';
import type { RunningSim } from '../../source/sim/index.js';
import { fastSim } from '../helpers/sim.js';

const run = promisify(execFile);

async function has(cmd: string, ...args: string[]): Promise<boolean> {
  try {
    await run(cmd, args, { timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

describe('real clients against the sim', async () => {
  let sim: RunningSim;
  // Keeping the sim honest needs the real tools: a machine without them fails here, not silently.
  test('kubectl and the AWS CLI are installed', async () => {
    assert.ok(await has('kubectl', 'version', '--client'), 'kubectl must be on PATH');
    assert.ok(await has('aws', '--version'), 'the AWS CLI must be on PATH');
  });
  before(async () => {
    sim = await fastSim();
  });
  after(() => sim.close());

  // The sim's env on top of ours, without a user AWS profile that could point elsewhere.
  const env = (): NodeJS.ProcessEnv => {
    const e: NodeJS.ProcessEnv = { ...process.env, ...sim.env };
    delete e.AWS_PROFILE;
    delete e.AWS_ENDPOINT_URL;
    return e;
  };
  const kubectl = (...args: string[]) => run('kubectl', args, { env: env(), timeout: 30_000 });
  const aws = (...args: string[]) => run('aws', args, { env: env(), timeout: 60_000 });

  test('kubectl get pods -A shows the real server-side columns', async () => {
    const { stdout } = await kubectl('get', 'pods', '-A', '-o', 'wide');
    const lines = stdout.trim().split('\n');
    assert.match(lines[0]!, /^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/);
    assert.equal(lines.length - 1, sim.cluster.listPods().length);
    const debuggerRow = lines.find((l) => /\bnode-debugger\b/.test(l));
    assert.match(debuggerRow ?? '', /^default\s+node-debugger\s+0\/1\s+Pending\s+0\s+2d\s+<none>\s+<none>/);
    assert.ok(lines.some((l) => /^batch-nightly\s+report-\w+\s+0\/1\s+Completed/.test(l)));
    assert.ok(lines.some((l) => /^test\s+test\s+1\/1\s+Running\s+0\s+10d\s+10\.0\.\d+\.\d+\s+ip-10-0-\d-\d+\.ec2\.internal/.test(l)));
  });

  test('kubectl apply -f creates a pod that lands on Fargate; re-apply is unchanged; delete waits until gone', async () => {
    const file = join(dirname(sim.kubeconfigPath), 'pod.yaml');
    writeFileSync(
      file,
      ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: from-kubectl', '  namespace: test', 'spec:', '  containers:', '  - name: web', '    image: nginx:1.27', '    resources: {requests: {cpu: 250m, memory: 512Mi}}', ''].join('\n'),
    );
    const applied = await kubectl('apply', '-f', file);
    assert.equal(applied.stdout.trim(), 'pod/from-kubectl created');
    const pod = await sim.cluster.waitFor(() => sim.cluster.getPod('test', 'from-kubectl')?.status.phase === 'Running' && sim.cluster.getPod('test', 'from-kubectl'), 3000, 'running');
    assert.equal(pod.metadata.labels['eks.amazonaws.com/fargate-profile'], 'fp-test');
    assert.ok(pod.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']);
    assert.equal(pod.metadata.annotations.CapacityProvisioned, '0.25vCPU 1GB');
    assert.equal((await kubectl('apply', '-f', file)).stdout.trim(), 'pod/from-kubectl unchanged');
    const got = JSON.parse((await kubectl('get', 'pod', '-n', 'test', 'from-kubectl', '-o', 'json')).stdout);
    assert.match(got.spec.nodeName, /^fargate-ip-/);
    const deleted = await kubectl('delete', 'pod', '-n', 'test', 'from-kubectl');
    assert.equal(deleted.stdout.trim(), 'pod "from-kubectl" deleted');
    assert.equal(sim.cluster.getPod('test', 'from-kubectl'), undefined, 'kubectl waited for the graceful deletion');
  });

  test('kubectl get events / pdb / nodes', async () => {
    const ev = await kubectl('get', 'events', '-n', 'default', '--field-selector', 'reason=FailedScheduling');
    assert.match(ev.stdout, /Warning\s+FailedScheduling\s+pod\/node-debugger\s+Pod not supported on Fargate: invalid SecurityContext fields: Privileged/);
    const pdb = await kubectl('get', 'pdb', '-n', 'default');
    assert.match(pdb.stdout, /^locked\s+2\s+N\/A\s+0\s/m);
    assert.match(pdb.stdout, /^web\s+2\s+N\/A\s+1\s/m);
    const nodes = await kubectl('get', 'nodes', '-l', 'eks.amazonaws.com/compute-type=fargate', '-o', 'name');
    assert.equal(nodes.stdout.trim().split('\n').length, sim.cluster.list('nodes').filter((n) => n.metadata.name.startsWith('fargate-')).length);
  });

  test('kubectl auth can-i (protobuf SelfSubjectAccessReview) follows deny faults', async () => {
    assert.equal((await kubectl('auth', 'can-i', 'create', 'pods', '--subresource=eviction', '-n', 'default')).stdout.trim(), 'yes');
    sim.faults.deny({ verb: 'create', resource: 'pods', subresource: 'eviction' });
    try {
      await assert.rejects(kubectl('auth', 'can-i', 'create', 'pods', '--subresource=eviction', '-n', 'default'), (err: { code: number; stdout: string }) => {
        assert.equal(err.code, 1);
        assert.equal(err.stdout.trim(), 'no');
        return true;
      });
    } finally {
      sim.faults.reset();
    }
  });

  test('aws eks list-fargate-profiles / describe-fargate-profile / not found', async () => {
    const list = JSON.parse((await aws('eks', 'list-fargate-profiles', '--cluster-name', 'demo', '--region', 'us-east-1', '--output', 'json')).stdout);
    assert.deepEqual(list.fargateProfileNames, sim.cluster.profiles().map((p) => p.name));
    const described = JSON.parse(
      (await aws('eks', 'describe-fargate-profile', '--cluster-name', 'demo', '--fargate-profile-name', 'fp-coredns', '--endpoint-url', sim.url, '--region', 'us-east-1', '--output', 'json')).stdout,
    );
    assert.deepEqual(described.fargateProfile.selectors, [{ namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } }]);
    assert.equal(described.fargateProfile.status, 'ACTIVE');
    await assert.rejects(aws('eks', 'describe-fargate-profile', '--cluster-name', 'demo', '--fargate-profile-name', 'nope', '--region', 'us-east-1'), (err: { code: number; stderr: string }) => {
      assert.equal(err.code, 255, 'AWS CLI v1 exits 255 on a service error (v2: 254)');
      assert.match(err.stderr, /An error occurred \(ResourceNotFoundException\) when calling the DescribeFargateProfile operation: No Fargate Profile found with name: nope\./);
      return true;
    });
  });

  test('@kubernetes/client-node: CoreV1Api paged list', async () => {
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(sim.kubeconfigPath);
    assert.equal(kc.getCurrentContext(), 'arn:aws:eks:us-east-1:111122223333:cluster/demo');
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const names: string[] = [];
    let cont: string | undefined;
    do {
      const page = await core.listNamespacedPod({ namespace: 'default', limit: 3, _continue: cont });
      names.push(...page.items.map((p) => p.metadata!.name!));
      cont = page.metadata?._continue;
    } while (cont);
    assert.deepEqual(names, sim.cluster.listPods('default').map((p) => p.metadata.name));
    await assert.rejects(core.readNamespacedPod({ namespace: 'default', name: 'nope' }), (err: { code: number }) => err.code === 404);
  });

  test('@kubernetes/client-node: an informer relists after 410 and keeps receiving', async () => {
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(sim.kubeconfigPath);
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const informer = k8s.makeInformer(kc, '/api/v1/namespaces/legacy/pods', () => core.listNamespacedPod({ namespace: 'legacy' }));
    const added: string[] = [];
    const errors: unknown[] = [];
    informer.on('add', (p) => added.push(p.metadata!.name!));
    informer.on('error', (e) => errors.push(e));
    await informer.start();
    try {
      const initial = added.length;
      assert.equal(initial, sim.cluster.listPods('legacy').length);
      sim.cluster.createPod({ metadata: { name: 'inf-1', namespace: 'legacy' }, spec: { containers: [{ name: 'a', image: 'nginx' }] } });
      await sim.cluster.waitFor(() => added.includes('inf-1'), 3000, 'informer saw inf-1');
      // History is compacted and the stream cut: the informer re-watches from its RV, gets 410, relists.
      sim.cluster.createPod({ metadata: { name: 'inf-2', namespace: 'legacy' }, spec: { containers: [{ name: 'a', image: 'nginx' }] } });
      sim.faults.expireResourceVersions();
      sim.faults.dropWatches();
      await sim.cluster.waitFor(() => added.includes('inf-2'), 5000, 'informer saw inf-2 after relist');
      sim.cluster.createPod({ metadata: { name: 'inf-3', namespace: 'legacy' }, spec: { containers: [{ name: 'a', image: 'nginx' }] } });
      await sim.cluster.waitFor(() => added.includes('inf-3'), 5000, 'informer saw inf-3');
      assert.deepEqual(errors, []);
    } finally {
      await informer.stop();
    }
  });
});
