// The real tools against the sim: kubectl (get/apply/delete, rollout restart/status, version),
// the AWS CLI v1 (profiles and their waiters, cluster version updates), and
// @kubernetes/client-node (paged list, informer surviving a 410 relist).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  test('kubectl version and get nodes: the EKS server version and each node\'s kubelet', async () => {
    const v = JSON.parse((await kubectl('version', '-o', 'json')).stdout);
    assert.equal(v.serverVersion.minor, '32');
    assert.match(v.serverVersion.gitVersion, /^v1\.32\.\d+-eks-[0-9a-f]{7}$/);
    const nodes = await kubectl('get', 'nodes', '-l', 'eks.amazonaws.com/compute-type=fargate');
    assert.match(nodes.stdout.split('\n')[0]!, /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
    assert.ok(nodes.stdout.trim().split('\n').slice(1).every((l) => /\sv1\.32\.9-eks-113cf36$/.test(l)), nodes.stdout);
  });

  test('kubectl rollout restart + rollout status: a Deployment and a StatefulSet roll out', async () => {
    const before = new Set(sim.cluster.listPods('default').filter((p) => p.metadata.labels?.app === 'web').map((p) => p.metadata.name));
    assert.equal((await kubectl('rollout', 'restart', 'deployment/web', '-n', 'default')).stdout.trim(), 'deployment.apps/web restarted');
    assert.equal((await kubectl('rollout', 'status', 'deployment/web', '-n', 'default', '--timeout=60s')).stdout.trim().split('\n').pop(), 'deployment "web" successfully rolled out');
    const web = sim.cluster.listPods('default').filter((p) => p.metadata.labels?.app === 'web' && !p.metadata.deletionTimestamp);
    assert.equal(web.length, 3);
    assert.ok(web.every((p) => !before.has(p.metadata.name) && p.status.phase === 'Running'));
    assert.match((await kubectl('rollout', 'history', 'deployment/web', '-n', 'default')).stdout, /^2\s+<none>$/m);

    const labels = { app: 'cache' };
    sim.cluster.apply({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'cache', namespace: 'test' }, spec: { replicas: 2, serviceName: 'cache', selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'redis', image: 'redis:7' }] } } } });
    await kubectl('rollout', 'status', 'statefulset/cache', '-n', 'test', '--timeout=60s');
    const uids = sim.cluster.listPods('test').filter((p) => p.metadata.labels?.app === 'cache').map((p) => p.metadata.uid);
    assert.equal(uids.length, 2);
    assert.equal((await kubectl('rollout', 'restart', 'statefulset/cache', '-n', 'test')).stdout.trim(), 'statefulset.apps/cache restarted');
    const status = await kubectl('rollout', 'status', 'statefulset/cache', '-n', 'test', '--timeout=60s');
    assert.equal(status.stdout.trim().split('\n').pop(), 'partitioned roll out complete: 2 new pods have been updated...');
    const cache = sim.cluster.listPods('test').filter((p) => p.metadata.labels?.app === 'cache');
    assert.ok(cache.every((p) => !uids.includes(p.metadata.uid) && p.status.phase === 'Running'));
  });
});

describe('the AWS CLI: profile lifecycle with its waiters, cluster version updates', async () => {
  let sim: RunningSim;
  let dataPath: string;
  before(async () => {
    sim = await fastSim({ scenario: { name: 'cli', steps: [{ namespaces: ['default', 'tools'] }] } });
    dataPath = await fastWaiters();
  });
  after(async () => {
    await sim.close();
    rmSync(dataPath, { recursive: true, force: true });
  });

  // AWS_DATA_PATH: the AWS CLI's own EKS waiters with a 1 s delay instead of 10 s / 30 s.
  const env = (): NodeJS.ProcessEnv => {
    const e: NodeJS.ProcessEnv = { ...process.env, ...sim.env, AWS_DATA_PATH: dataPath };
    delete e.AWS_PROFILE;
    delete e.AWS_ENDPOINT_URL;
    return e;
  };
  const aws = (...args: string[]) => run('aws', ['eks', ...args, '--cluster-name', 'demo', '--output', 'json'], { env: env(), timeout: 90_000 });
  const awsCluster = (...args: string[]) => run('aws', ['eks', ...args, '--name', 'demo', '--output', 'json'], { env: env(), timeout: 90_000 });
  const describes = (name: string): number => sim.requests.all.filter((r) => r.method === 'GET' && r.path === `/clusters/demo/fargate-profiles/${name}`).length;
  const role = 'arn:aws:iam::111122223333:role/AmazonEKSFargatePodExecutionRole';

  /** The botocore waiters file the AWS CLI loads, copied with every delay set to 1 s. */
  async function fastWaiters(): Promise<string> {
    const { stderr } = await run('aws', ['--debug', 'eks', 'list-clusters', '--output', 'json'], { env: { ...process.env, ...sim.env }, timeout: 60_000 });
    const file = /Loading JSON file: (\S+\/eks\/2017-11-01\/waiters-2\.json)/.exec(stderr)?.[1];
    assert.ok(file, 'the AWS CLI loads the EKS waiters');
    const waiters = JSON.parse(readFileSync(file, 'utf8'));
    for (const w of Object.values<{ delay: number }>(waiters.waiters)) w.delay = 1;
    const dir = mkdtempSync(join(tmpdir(), 'sim-aws-data-'));
    mkdirSync(join(dir, 'eks', '2017-11-01'), { recursive: true });
    writeFileSync(join(dir, 'eks', '2017-11-01', 'waiters-2.json'), JSON.stringify(waiters));
    return dir;
  }

  test('create-fargate-profile; wait fargate-profile-active polls while CREATING; a second create is refused', async () => {
    sim.cluster.pause('eks-profiles');
    const created = JSON.parse((await aws('create-fargate-profile', '--fargate-profile-name', 'fp-tools', '--pod-execution-role-arn', role, '--selectors', 'namespace=tools')).stdout);
    assert.equal(created.fargateProfile.status, 'CREATING');
    await assert.rejects(aws('create-fargate-profile', '--fargate-profile-name', 'fp-other', '--pod-execution-role-arn', role, '--selectors', 'namespace=default'), (err: { stderr: string }) => {
      assert.match(err.stderr, /An error occurred \(ResourceInUseException\) when calling the CreateFargateProfile operation: Cannot create Fargate Profile fp-other because cluster demo currently has Fargate profile fp-tools in status CREATING/);
      return true;
    });
    const waiting = aws('wait', 'fargate-profile-active', '--fargate-profile-name', 'fp-tools');
    await sim.cluster.waitFor(() => describes('fp-tools') >= 2, 30_000, 'the waiter polling twice');
    sim.cluster.resume('eks-profiles');
    await waiting;
    assert.equal(JSON.parse((await aws('describe-fargate-profile', '--fargate-profile-name', 'fp-tools')).stdout).fargateProfile.status, 'ACTIVE');
  });

  test('delete-fargate-profile; wait fargate-profile-deleted polls while DELETING', async () => {
    sim.cluster.pause('eks-profiles');
    const deleted = JSON.parse((await aws('delete-fargate-profile', '--fargate-profile-name', 'fp-tools')).stdout);
    assert.equal(deleted.fargateProfile.status, 'DELETING');
    const before = describes('fp-tools');
    const waiting = aws('wait', 'fargate-profile-deleted', '--fargate-profile-name', 'fp-tools');
    await sim.cluster.waitFor(() => describes('fp-tools') >= before + 2, 30_000, 'the waiter polling twice');
    sim.cluster.resume('eks-profiles');
    await waiting;
    assert.equal(sim.cluster.profiles().length, 0);
  });

  test('wait fargate-profile-active fails on CREATE_FAILED', async () => {
    const broken = 'arn:aws:iam::111122223333:role/Broken';
    sim.cluster.breakPodExecutionRole(broken);
    await aws('create-fargate-profile', '--fargate-profile-name', 'fp-broken', '--pod-execution-role-arn', broken, '--selectors', 'namespace=tools');
    await assert.rejects(aws('wait', 'fargate-profile-active', '--fargate-profile-name', 'fp-broken'), (err: { code: number; stderr: string }) => {
      assert.equal(err.code, 255);
      assert.match(err.stderr, /Waiter FargateProfileActive failed: Waiter encountered a terminal failure state/);
      return true;
    });
    const p = JSON.parse((await aws('describe-fargate-profile', '--fargate-profile-name', 'fp-broken')).stdout).fargateProfile;
    assert.equal(p.status, 'CREATE_FAILED');
    assert.equal(p.health.issues[0].code, 'AccessDenied');
    await aws('delete-fargate-profile', '--fargate-profile-name', 'fp-broken');
    await aws('wait', 'fargate-profile-deleted', '--fargate-profile-name', 'fp-broken');
  });

  test('update-cluster-version, describe-update, describe-cluster; the Fargate kubelet rule', async () => {
    sim.cluster.createProfile({ name: 'fp-default', selectors: [{ namespace: 'default' }] });
    sim.cluster.createPod({ metadata: { name: 'old', namespace: 'default' }, spec: { containers: [{ name: 'a', image: 'nginx' }] } });
    await sim.cluster.waitFor(() => sim.cluster.getPod('default', 'old')?.spec.nodeName, 3000, 'old pod bound');
    sim.cluster.pause('eks-updates');
    const { update } = JSON.parse((await awsCluster('update-cluster-version', '--kubernetes-version', '1.33')).stdout);
    assert.equal(update.status, 'InProgress');
    assert.equal(JSON.parse((await awsCluster('describe-cluster')).stdout).cluster.status, 'UPDATING');
    sim.cluster.resume('eks-updates');
    await sim.cluster.waitFor(() => sim.cluster.info.version === '1.33', 3000, '1.33');
    assert.equal(JSON.parse((await awsCluster('describe-update', '--update-id', update.id)).stdout).update.status, 'Successful');
    assert.equal(JSON.parse((await awsCluster('describe-cluster')).stdout).cluster.version, '1.33');
    await assert.rejects(awsCluster('update-cluster-version', '--kubernetes-version', '1.34'), (err: { stderr: string }) => {
      assert.match(
        err.stderr,
        /An error occurred \(InvalidRequestException\) when calling the UpdateClusterVersion operation: Kubelet version of Fargate pods must be updated to match cluster version 1\.33 before updating cluster version; Please recycle all offending pod replicas/,
      );
      return true;
    });
  });
});
