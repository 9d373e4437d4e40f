// The sim's Job controller: pods from the template until `completions` succeeded, at most
// `parallelism` at once; a pod deleted or evicted before it succeeded is replaced (and counted
// failed) until the Job completes or passes its backoffLimit. And how long a Job's pod runs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningSim } from '../../source/sim/index.js';
import { jobRunMs } from '../../source/sim/scheduler/job-run-time.js';
import { kube, type Json } from './helpers.js';
import { fastSim } from '../helpers/sim.js';

const NS = 'default';

function jobManifest(name: string, spec: Json = {}, command: string[] = ['sleep', '300']): Json {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: NS },
    spec: { ...spec, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'work', image: 'busybox:1.36', command }] } } },
  };
}

describe('sim Job controller', () => {
  let sim: RunningSim;
  before(async () => {
    sim = await fastSim({ scenario: 'empty' });
  });
  after(() => sim.close());

  const createJob = async (manifest: Json): Promise<Json> => {
    const r = await kube(sim, `/apis/batch/v1/namespaces/${NS}/jobs`, { method: 'POST', json: manifest });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body;
  };
  const job = (name: string): Json => sim.cluster.get('jobs.batch', NS, name);
  const podsOf = (name: string): Json[] => sim.cluster.listPods(NS).filter((p) => p.metadata.labels?.['job-name'] === name);
  const running = (name: string): Json[] => podsOf(name).filter((p) => p.status.phase === 'Running' && !p.metadata.deletionTimestamp);
  const condition = (name: string, type: string): Json => (job(name)?.status?.conditions ?? []).find((c: Json) => c.type === type && c.status === 'True');

  test('a pod named <job>-<5 random>, labelled and owned by the Job; the Job completes when it succeeds', async () => {
    const created = await createJob(jobManifest('quick', {}, ['echo', 'done']));
    const done = await sim.cluster.waitFor(() => condition('quick', 'Complete'), 5000, 'the Job completes');
    assert.equal(done.reason, 'CompletionsReached');
    const [pod, ...more] = podsOf('quick');
    assert.equal(more.length, 0);
    assert.match(pod.metadata.name, /^quick-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const uid = created.metadata.uid;
    assert.deepEqual(
      { ...pod.metadata.labels },
      { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'quick', 'controller-uid': uid, 'job-name': 'quick' },
    );
    assert.deepEqual(pod.metadata.ownerReferences, [{ apiVersion: 'batch/v1', kind: 'Job', name: 'quick', uid, controller: true, blockOwnerDeletion: true }]);
    assert.equal(pod.status.phase, 'Succeeded');
    assert.equal(job('quick').status.succeeded, 1);
    assert.equal(job('quick').status.active, undefined);
  });

  test('parallelism 2, completions 3: never more than 2 pods at once, 3 succeed, no 4th', async () => {
    let most = 0;
    const stop = sim.cluster.onChange((c) => {
      if (c.rid === 'pods') most = Math.max(most, podsOf('batch3').filter((p) => p.status.phase !== 'Succeeded' && !p.metadata.deletionTimestamp).length);
    });
    try {
      await createJob(jobManifest('batch3', { parallelism: 2, completions: 3 }, ['echo', 'done']));
      await sim.cluster.waitFor(() => condition('batch3', 'Complete'), 5000, 'the Job completes');
    } finally {
      stop();
    }
    assert.equal(most, 2);
    assert.equal(podsOf('batch3').length, 3);
    assert.ok(podsOf('batch3').every((p) => p.status.phase === 'Succeeded'));
    assert.equal(job('batch3').status.succeeded, 3);
  });

  test('a running pod that is deleted, then one that is evicted, is replaced; both count as failed', async () => {
    await createJob(jobManifest('long'));
    const first = await sim.cluster.waitFor(() => running('long')[0], 5000, 'the first pod runs');
    assert.equal(jobRunMs(first, { jobRunMs: 1 }), 300_000, '`sleep 300` keeps it running');
    sim.cluster.deletePod(NS, first.metadata.name);
    const second = await sim.cluster.waitFor(() => running('long').find((p) => p.metadata.name !== first.metadata.name), 5000, 'a replacement runs');
    const ev = await kube(sim, `/api/v1/namespaces/${NS}/pods/${second.metadata.name}/eviction`, { method: 'POST', json: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: second.metadata.name, namespace: NS } } });
    assert.equal(ev.status, 201);
    const third = await sim.cluster.waitFor(() => running('long').find((p) => p.metadata.name !== first.metadata.name && p.metadata.name !== second.metadata.name), 5000, 'a second replacement runs');
    assert.match(third.metadata.name, /^long-/);
    await sim.cluster.waitFor(() => job('long').status.failed === 2 && job('long').status.active === 1, 5000, 'status: 2 failed, 1 active');
    assert.equal(condition('long', 'Complete'), undefined);
    assert.equal(condition('long', 'Failed'), undefined);
  });

  test('more failures than backoffLimit fail the Job; it makes no more pods', async () => {
    await createJob(jobManifest('fragile', { backoffLimit: 1 }));
    for (let i = 0; i < 2; i++) {
      const pod = await sim.cluster.waitFor(() => running('fragile')[0], 5000, `pod ${i + 1} runs`);
      sim.cluster.deletePod(NS, pod.metadata.name);
      await sim.cluster.waitFor(() => !running('fragile').some((p) => p.metadata.name === pod.metadata.name), 5000, 'the pod is going');
    }
    const failed = await sim.cluster.waitFor(() => condition('fragile', 'Failed'), 5000, 'the Job fails');
    assert.equal(failed.reason, 'BackoffLimitExceeded');
    assert.equal(job('fragile').status.failed, 2);
    await sim.cluster.waitFor(() => podsOf('fragile').length === 0, 5000, 'its pods are gone');
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(podsOf('fragile').length, 0, 'no replacement after the Job failed');
  });

  test('a completed Job does not replace its deleted pod', async () => {
    await createJob(jobManifest('finished', {}, ['true']));
    await sim.cluster.waitFor(() => condition('finished', 'Complete'), 5000, 'the Job completes');
    sim.cluster.deletePod(NS, podsOf('finished')[0]!.metadata.name);
    await sim.cluster.waitFor(() => podsOf('finished').length === 0, 5000, 'the pod is gone');
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(podsOf('finished').length, 0);
    assert.equal(job('finished').status.succeeded, 1);
  });

  test('no internal errors', () => {
    assert.deepEqual(sim.cluster.errors, []);
  });
});

describe('how long a Job pod runs', () => {
  const pod = (command?: string[], args?: string[]): Json => ({ spec: { containers: [{ name: 'c', image: 'busybox', ...(command ? { command } : {}), ...(args ? { args } : {}) }] } });
  for (const { rule, p, ms } of [
    { rule: 'no sleep: the default run time', p: pod(['echo', 'hi']), ms: 40 },
    { rule: 'no command at all', p: pod(), ms: 40 },
    { rule: '`sleep N` runs N seconds', p: pod(['sleep', '30']), ms: 30_000 },
    { rule: 'sleep in args', p: pod(undefined, ['sleep', '5']), ms: 5000 },
    { rule: 'a shell line', p: pod(['sh', '-c', 'sleep 2 && echo done']), ms: 2000 },
    { rule: 'a path to sleep and a unit', p: pod(['/bin/sleep', '1h']), ms: 3_600_000 },
    { rule: '`sleep infinity` never ends', p: pod(['sleep', 'infinity']), ms: null },
    { rule: 'longer than a timer can wait never ends', p: pod(['sleep', '30d']), ms: null },
    { rule: 'an unreadable duration: the default', p: pod(['sleep', '$T']), ms: 40 },
  ]) {
    test(rule, () => assert.equal(jobRunMs(p, { jobRunMs: 40 }), ms));
  }
});
