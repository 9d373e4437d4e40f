// One pod's YAML, describe data and log, and whether the user may read them, against the sim
// over real HTTP (the log through client-node's Log).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { startSim, type RunningSim } from '../../../source/sim/index.js';
import { checkPodReadPermissions, readPodDescription, readPodYaml, streamPodLog } from '../../../source/sources/kube/pod-reads.js';
import { kubeConfigFrom } from '../../helpers/sim.js';

let sim: RunningSim;
before(async () => {
  sim = await startSim({ scenario: 'walkthrough', timing: { containerStartMs: 10 } });
  sim.cluster.createPod({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'two', namespace: 'default', annotations: { 'kubectl.kubernetes.io/default-container': 'sidecar' } },
    spec: { containers: [{ name: 'web', image: 'nginx:1.27' }, { name: 'sidecar', image: 'busybox' }] },
  });
  const deadline = Date.now() + 5000;
  while (sim.cluster.getPod('default', 'two')?.status?.phase !== 'Running') {
    if (Date.now() > deadline) throw new Error('default/two did not start');
    await new Promise((r) => setTimeout(r, 10));
  }
});
after(() => sim.close());

interface Heard {
  containers: string[];
  chosen: string | null;
  lines: string[];
  ended: Promise<string | null>;
}

function listen(container: string | null, follow: boolean): Heard & { stop(): void } {
  let resolveEnd!: (e: string | null) => void;
  const heard: Heard = { containers: [], chosen: null, lines: [], ended: new Promise((r) => (resolveEnd = r)) };
  const handle = streamPodLog(kubeConfigFrom(sim.kubeconfigPath), 'default', 'two', container, { follow, tailLines: 5 }, {
    containers: (names, chosen) => {
      heard.containers = [...names];
      heard.chosen = chosen;
    },
    lines: (lines) => void heard.lines.push(...lines),
    end: resolveEnd,
  });
  return Object.assign(heard, handle);
}

async function until(what: string, predicate: () => boolean): Promise<void> {
  const deadline = Date.now() + 8000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('pod reads', () => {
  test('YAML: the pod as the server has it, without managed fields', async () => {
    const text = await readPodYaml(kubeConfigFrom(sim.kubeconfigPath), 'test', 'test');
    const doc = parse(text);
    assert.equal(doc.kind, 'Pod');
    assert.equal(doc.metadata.name, 'test');
    assert.equal(doc.metadata.managedFields, undefined);
    assert.match(text, /^apiVersion: v1\nkind: Pod\n/);
  });

  test('describe: the pod and its events (this uid only)', async () => {
    const d = await readPodDescription(kubeConfigFrom(sim.kubeconfigPath), 'test', 'test');
    assert.equal((d.pod.metadata as { name: string }).name, 'test');
    assert.ok(d.events.length > 0, 'the walkthrough pod has events');
    assert.ok(d.events.every((e) => (e.involvedObject as { name: string }).name === 'test'));
    assert.equal(d.eventsError, undefined);
  });

  test('describe: events denied still shows the pod, saying why the events are missing', async () => {
    sim.faults.deny({ verb: 'list', resource: 'events', namespace: 'test' });
    try {
      const d = await readPodDescription(kubeConfigFrom(sim.kubeconfigPath), 'test', 'test');
      assert.equal((d.pod.metadata as { name: string }).name, 'test');
      assert.deepEqual(d.events, []);
      assert.match(d.eventsError ?? '', /forbidden|not allowed|cannot list/i);
    } finally {
      sim.faults.reset();
    }
  });

  test('log: the default container (annotation) unless one is chosen; the last lines', async () => {
    const heard = listen(null, false);
    assert.equal(await heard.ended, null);
    assert.deepEqual(heard.containers, ['web', 'sidecar']);
    assert.equal(heard.chosen, 'sidecar');
    // A young pod: one line per 2 s since it started, at most the 5 asked for.
    assert.ok(heard.lines.length >= 1 && heard.lines.length <= 5, String(heard.lines.length));
    assert.match(heard.lines.at(-1)!, /INFO sidecar: /);
    const web = listen('web', false);
    await web.ended;
    assert.equal(web.chosen, 'web');
    assert.ok(web.lines.every((l) => !/sidecar/.test(l)));
  });

  test('log, followed: new lines arrive; stop() ends it without an error or a crash', async () => {
    const heard = listen('web', true);
    await until('the first lines', () => heard.lines.length > 0);
    const first = heard.lines.length;
    await until('a followed line', () => heard.lines.length > first);
    heard.stop();
    await new Promise((r) => setTimeout(r, 50));
  });

  test('log denied: one line saying which permission', async () => {
    sim.faults.deny({ verb: 'get', resource: 'pods', subresource: 'log', namespace: 'default' });
    try {
      const heard = listen('web', false);
      assert.equal(await heard.ended, 'not allowed to read the log of default/two (get pods/log in default)');
    } finally {
      sim.faults.reset();
    }
  });

  test('permissions: get pods, get pods/log and list events, per namespace', async () => {
    sim.faults.deny({ verb: 'get', resource: 'pods', subresource: 'log', namespace: 'test' });
    try {
      const kc = kubeConfigFrom(sim.kubeconfigPath);
      assert.deepEqual(await checkPodReadPermissions(kc, 'test'), { namespace: 'test', canGet: true, canLogs: false, canListEvents: true });
      assert.deepEqual(await checkPodReadPermissions(kc, 'default'), { namespace: 'default', canGet: true, canLogs: true, canListEvents: true });
    } finally {
      sim.faults.reset();
    }
  });
});
