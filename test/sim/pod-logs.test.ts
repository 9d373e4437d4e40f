// pods/log as the API server serves it: the real kubectl and @kubernetes/client-node's Log read a
// container's lines, pick a container of a two-container pod, follow new lines as they are
// written, and get the API server's refusals (no container named, a container still waiting,
// RBAC).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import * as k8s from '@kubernetes/client-node';
import type { RunningSim } from '../../source/sim/index.js';
import { LOG_PERIOD_MS } from '../../source/sim/scheduler/container-logs.js';
import { fastSim } from '../helpers/sim.js';
import { kube } from './helpers.js';

const run = promisify(execFile);

async function runningPod(sim: RunningSim, ns: string, name: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (sim.cluster.getPod(ns, name)?.status?.phase !== 'Running') {
    if (Date.now() > deadline) throw new Error(`${ns}/${name} did not start`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('sim: pods/log', () => {
  let sim: RunningSim;
  let kc: k8s.KubeConfig;
  before(async () => {
    sim = await fastSim({ scenario: 'walkthrough' });
    kc = new k8s.KubeConfig();
    kc.loadFromFile(sim.kubeconfigPath);
    sim.cluster.createPod({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'two', namespace: 'default' },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27' }, { name: 'sidecar', image: 'busybox' }] },
    });
    await runningPod(sim, 'default', 'two');
  });
  after(() => sim.close());

  test('kubectl logs prints a long-running pod\'s lines, the newest last; --tail limits them', async () => {
    const env = { ...process.env, ...sim.env };
    const all = await run('kubectl', ['logs', '-n', 'test', 'test'], { env });
    const lines = all.stdout.trim().split('\n');
    assert.ok(lines.length > 10, all.stdout.slice(0, 200));
    assert.match(lines.at(-1)!, /"GET \S+ HTTP\/1.1" 200/, 'nginx access lines');
    const tail = await run('kubectl', ['logs', '-n', 'test', 'test', '--tail=3', '--timestamps'], { env });
    const tailLines = tail.stdout.trim().split('\n');
    assert.equal(tailLines.length, 3);
    assert.match(tailLines[0]!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z /);
    // The log grows while kubectl runs: the tail is the last lines of a full read taken after it.
    const later = (await run('kubectl', ['logs', '-n', 'test', 'test'], { env })).stdout.trim().split('\n');
    const text = tailLines.map((l) => l.replace(/^\S+ /, ''));
    const at = later.indexOf(text[0]!);
    assert.ok(at >= 0, 'the tail comes from the log');
    assert.deepEqual(later.slice(at, at + 3), text, 'three consecutive lines');
  });

  test('two containers: no container named is the API server\'s 400; -c picks one', async () => {
    const env = { ...process.env, ...sim.env };
    const res = await kube(sim, '/api/v1/namespaces/default/pods/two/log');
    assert.equal(res.status, 400);
    assert.equal(res.body.message, 'a container name must be specified for pod two, choose one of: [web sidecar]');
    const sidecar = await run('kubectl', ['logs', '-n', 'default', 'two', '-c', 'sidecar'], { env });
    assert.match(sidecar.stdout, /INFO sidecar: started/);
    const bad = await kube(sim, '/api/v1/namespaces/default/pods/two/log?container=nope');
    assert.equal(bad.body.message, 'container nope is not valid for pod two');
  });

  test('client-node Log with follow gets the lines written after it asked', async () => {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
    // client-node pipes the response into `stream`; abort() errors that response, which has no
    // listener of its own.
    stream.on('pipe', (source) => source.on('error', () => {}));
    const controller = await new k8s.Log(kc).log('default', 'two', 'web', stream, { follow: true, tailLines: 1 });
    try {
      const deadline = Date.now() + LOG_PERIOD_MS * 3;
      while (text.trim().split('\n').length < 2) {
        if (Date.now() > deadline) throw new Error(`no new line followed: ${JSON.stringify(text)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      controller.abort();
    }
    const lines = text.trim().split('\n');
    assert.equal(lines[0], lines[0]!.trim());
    assert.notEqual(lines[0], lines[1], 'a new line, not the same one again');
  });

  test('a pod not yet on a node is refused as the API server does', async () => {
    // legacy: no Fargate profile selects it, so the nodeSelector keeps the pod off every node.
    const pending = await kube(sim, '/api/v1/namespaces/legacy/pods', {
      method: 'POST',
      json: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nowhere' }, spec: { nodeSelector: { 'no-such': 'node' }, containers: [{ name: 'c', image: 'busybox' }] } },
    });
    assert.equal(pending.status, 201);
    const noHost = await kube(sim, '/api/v1/namespaces/legacy/pods/nowhere/log');
    assert.equal(noHost.status, 400);
    assert.equal(noHost.body.message, 'pod nowhere does not have a host assigned');
  });

  test('RBAC: a denied pods/log is 403, and only the log: the pod itself still reads', async () => {
    sim.faults.deny({ verb: 'get', resource: 'pods', subresource: 'log', namespace: 'test' });
    try {
      const denied = await kube(sim, '/api/v1/namespaces/test/pods/test/log');
      assert.equal(denied.status, 403);
      assert.match(denied.body.message, /cannot get resource "pods\/log"/);
      assert.equal((await kube(sim, '/api/v1/namespaces/test/pods/test')).status, 200);
    } finally {
      sim.faults.reset();
    }
  });
});

test('sim: pods/log of a container still being created is the kubelet\'s "waiting to start"', async () => {
  const sim = await fastSim({ scenario: 'empty', timing: { containerStartMs: 60_000 } });
  try {
    sim.cluster.createPod({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'slow', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
    const deadline = Date.now() + 5000;
    while (!sim.cluster.getPod('default', 'slow')?.spec?.nodeName) {
      if (Date.now() > deadline) throw new Error('not bound');
      await new Promise((r) => setTimeout(r, 10));
    }
    const res = await kube(sim, '/api/v1/namespaces/default/pods/slow/log');
    assert.equal(res.status, 400);
    assert.equal(res.body.message, 'container "c" in pod "slow" is waiting to start: ContainerCreating');
  } finally {
    await sim.close();
  }
});
