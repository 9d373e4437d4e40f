// The Kubernetes API surface over real HTTP: discovery, list paging and selectors, get/create/
// patch/update errors in the real Status shapes, Table output.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningSim } from '../../source/sim/index.js';
import { TABLE_ACCEPT, kube } from './helpers.js';
import { fastSim, podManifest } from '../helpers/sim.js';

describe('sim Kubernetes API', () => {
  let sim: RunningSim;
  before(async () => {
    sim = await fastSim({ generate: { pods: 1200, seed: 3 } });
  });
  after(() => sim.close());

  test('discovery documents list the served resources', async () => {
    const core = await kube(sim, '/api/v1');
    assert.equal(core.body.kind, 'APIResourceList');
    const names = core.body.resources.map((r: { name: string }) => r.name);
    for (const n of ['pods', 'pods/eviction', 'pods/status', 'namespaces', 'nodes', 'events', 'persistentvolumeclaims', 'configmaps', 'secrets', 'services', 'serviceaccounts']) assert.ok(names.includes(n), n);
    const pods = core.body.resources.find((r: { name: string }) => r.name === 'pods');
    assert.deepEqual(pods.shortNames, ['po']);
    assert.equal(pods.namespaced, true);
    const eviction = core.body.resources.find((r: { name: string }) => r.name === 'pods/eviction');
    assert.equal(eviction.group, 'policy');
    const groups = (await kube(sim, '/apis')).body.groups.map((g: { name: string }) => g.name);
    assert.deepEqual(groups, ['apps', 'batch', 'policy', 'storage.k8s.io', 'authorization.k8s.io']);
    const apps = (await kube(sim, '/apis/apps/v1')).body.resources.map((r: { name: string }) => r.name);
    for (const n of ['deployments', 'replicasets', 'daemonsets', 'statefulsets']) assert.ok(apps.includes(n), n);
    const batch = (await kube(sim, '/apis/batch/v1')).body.resources.map((r: { name: string }) => r.name);
    assert.deepEqual(batch, ['jobs', 'cronjobs']);
    assert.equal((await kube(sim, '/version')).body.minor, '32');
    assert.equal((await kube(sim, '/apis/nope.example/v1')).status, 404);
  });

  test('list pages with limit + continue cover every pod exactly once, in key order', async () => {
    const seen: string[] = [];
    let cont = '';
    let pages = 0;
    let firstRv = '';
    do {
      const r = await kube(sim, `/api/v1/pods?limit=250${cont === '' ? '' : `&continue=${encodeURIComponent(cont)}`}`);
      assert.equal(r.status, 200);
      assert.equal(r.body.kind, 'PodList');
      if (pages === 0) {
        firstRv = r.body.metadata.resourceVersion;
        assert.ok(r.body.metadata.remainingItemCount > 0);
      } else assert.equal(r.body.metadata.resourceVersion, firstRv, 'continued pages keep the list resourceVersion');
      seen.push(...r.body.items.map((p: { metadata: { namespace: string; name: string } }) => `${p.metadata.namespace}/${p.metadata.name}`));
      cont = r.body.metadata.continue ?? '';
      pages++;
    } while (cont !== '');
    const all = sim.cluster.listPods().map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    assert.equal(seen.length, all.length);
    assert.equal(new Set(seen).size, seen.length);
    assert.deepEqual(seen, [...seen].sort());
    assert.equal(pages, Math.ceil(all.length / 250));
  });

  test('namespaced list only returns that namespace', async () => {
    const r = await kube(sim, '/api/v1/namespaces/default/pods');
    assert.ok(r.body.items.length > 0);
    assert.ok(r.body.items.every((p: { metadata: { namespace: string } }) => p.metadata.namespace === 'default'));
  });

  test('label selectors: =, ==, !=, in, notin, exists, !key', async () => {
    const names = async (sel: string): Promise<string[]> =>
      (await kube(sim, `/api/v1/namespaces/default/pods?labelSelector=${encodeURIComponent(sel)}`)).body.items.map((p: { metadata: { name: string } }) => p.metadata.name).sort();
    assert.equal((await names('app=web')).length, 3);
    assert.deepEqual(await names('app==web'), await names('app=web'));
    assert.deepEqual(await names('app in (hello, node-debugger)'), ['hello', 'node-debugger']);
    const notWeb = await names('app!=web');
    assert.ok(notWeb.includes('hello') && !notWeb.some((n) => n.startsWith('web-')));
    assert.deepEqual(await names('app notin (web,locked),app'), ['hello', 'node-debugger']);
    assert.equal((await names('pod-template-hash')).length, 5);
    assert.deepEqual(await names('!pod-template-hash'), ['hello', 'node-debugger']);
    assert.equal((await kube(sim, `/api/v1/pods?labelSelector=${encodeURIComponent('a in b')}`)).status, 400);
  });

  test('field selectors on pods and events; unsupported fields are a 400', async () => {
    const onNode = await kube(sim, `/api/v1/pods?fieldSelector=${encodeURIComponent('spec.nodeName=ip-10-0-1-23.ec2.internal')}`);
    assert.ok(onNode.body.items.length > 0);
    assert.ok(onNode.body.items.every((p: { spec: { nodeName: string } }) => p.spec.nodeName === 'ip-10-0-1-23.ec2.internal'));
    const pending = await kube(sim, `/api/v1/pods?fieldSelector=${encodeURIComponent('status.phase=Pending,metadata.namespace=payments')}`);
    assert.equal(pending.body.items.length, 2);
    const notRunning = await kube(sim, `/api/v1/pods?fieldSelector=${encodeURIComponent('status.phase!=Running')}`);
    assert.ok(notRunning.body.items.some((p: { status: { phase: string } }) => p.status.phase === 'Succeeded'));
    const byName = await kube(sim, `/api/v1/namespaces/test/pods?fieldSelector=metadata.name%3Dtest`);
    assert.deepEqual(byName.body.items.map((p: { metadata: { name: string } }) => p.metadata.name), ['test']);
    const ev = await kube(sim, `/api/v1/events?fieldSelector=${encodeURIComponent('involvedObject.name=node-debugger,source=fargate-scheduler,reason=FailedScheduling')}`);
    assert.equal(ev.body.items.length, 1);
    assert.equal(ev.body.items[0].involvedObject.kind, 'Pod');
    const bad = await kube(sim, '/api/v1/pods?fieldSelector=spec.bogus%3Dx');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.message, 'field label not supported: spec.bogus');
  });

  test('errors come back as Status objects with the real reasons and wording', async () => {
    const nf = await kube(sim, '/api/v1/namespaces/default/pods/nope');
    assert.equal(nf.status, 404);
    assert.deepEqual({ kind: nf.body.kind, apiVersion: nf.body.apiVersion, status: nf.body.status, reason: nf.body.reason, code: nf.body.code, message: nf.body.message }, {
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'NotFound',
      code: 404,
      message: 'pods "nope" not found',
    });
    const dep = await kube(sim, '/apis/apps/v1/namespaces/default/deployments/nope');
    assert.equal(dep.body.message, 'deployments.apps "nope" not found');
    const dup = await kube(sim, '/api/v1/namespaces/default/pods', { method: 'POST', json: podManifest('default', 'hello') });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.reason, 'AlreadyExists');
    assert.equal(dup.body.message, 'pods "hello" already exists');
    const noNs = await kube(sim, '/api/v1/namespaces/ghost/pods', { method: 'POST', json: podManifest('ghost', 'x') });
    assert.equal(noNs.status, 404);
    assert.equal(noNs.body.message, 'namespaces "ghost" not found');
    const invalid = await kube(sim, '/api/v1/namespaces/default/pods', { method: 'POST', json: { metadata: { name: 'Bad_Name' }, spec: { containers: [{ name: 'a', image: 'x' }] } } });
    assert.equal(invalid.status, 422);
    assert.equal(invalid.body.reason, 'Invalid');
    assert.match(invalid.body.message, /^Pod "Bad_Name" is invalid: metadata.name: Invalid value/);
    const noContainers = await kube(sim, '/api/v1/namespaces/default/pods', { method: 'POST', json: { metadata: { name: 'empty' }, spec: {} } });
    assert.equal(noContainers.body.message, 'Pod "empty" is invalid: spec.containers: Required value');
  });

  test('create with dryRun=All runs admission but stores nothing', async () => {
    const r = await kube(sim, '/api/v1/namespaces/default/pods?dryRun=All', { method: 'POST', json: podManifest('default', 'dry') });
    assert.equal(r.status, 201);
    assert.equal(r.body.spec.schedulerName, 'fargate-scheduler', 'the Fargate webhook ran');
    assert.equal(r.body.metadata.labels['eks.amazonaws.com/fargate-profile'], 'fp-default');
    assert.equal(sim.cluster.getPod('default', 'dry'), undefined);
  });

  test('patch: merge, strategic (containers merge by name) and JSON patch; conflicts and pod immutability', async () => {
    const ns = 'legacy';
    const name = sim.cluster.listPods(ns)[0]!.metadata.name;
    const merge = await kube(sim, `/api/v1/namespaces/${ns}/pods/${name}`, { method: 'PATCH', headers: { 'content-type': 'application/merge-patch+json' }, json: { metadata: { labels: { extra: 'yes' } } } });
    assert.equal(merge.status, 200);
    assert.equal(merge.body.metadata.labels.extra, 'yes');
    assert.equal(merge.body.metadata.labels.app, 'legacy-api');
    const smp = await kube(sim, `/api/v1/namespaces/${ns}/pods/${name}`, { method: 'PATCH', headers: { 'content-type': 'application/strategic-merge-patch+json' }, json: { spec: { containers: [{ name: 'api', image: 'public.ecr.aws/example/legacy-api:1.0' }] } } });
    assert.equal(smp.status, 200);
    assert.equal(smp.body.spec.containers.length, 1);
    assert.equal(smp.body.spec.containers[0].image, 'public.ecr.aws/example/legacy-api:1.0');
    assert.equal(smp.body.spec.containers[0].resources.requests.cpu, '200m', 'merged, not replaced');
    const jp = await kube(sim, `/api/v1/namespaces/${ns}/pods/${name}`, { method: 'PATCH', headers: { 'content-type': 'application/json-patch+json' }, json: [{ op: 'remove', path: '/metadata/labels/extra' }] });
    assert.equal(jp.status, 200);
    assert.equal(jp.body.metadata.labels.extra, undefined);
    const immut = await kube(sim, `/api/v1/namespaces/${ns}/pods/${name}`, { method: 'PATCH', headers: { 'content-type': 'application/merge-patch+json' }, json: { spec: { schedulerName: 'fargate-scheduler' } } });
    assert.equal(immut.status, 422);
    assert.match(immut.body.message, /spec: Forbidden: pod updates may not change fields other than/);
    const stale = await kube(sim, `/api/v1/namespaces/${ns}/pods/${name}`, { method: 'PUT', json: { ...jp.body, metadata: { ...jp.body.metadata, resourceVersion: '1' } } });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.reason, 'Conflict');
    const ssa = await kube(sim, `/api/v1/namespaces/${ns}/pods/${name}`, { method: 'PATCH', headers: { 'content-type': 'application/apply-patch+yaml' }, body: 'a: b' });
    assert.equal(ssa.status, 415);
  });

  test('Table output for kubectl get: pods, namespaces, nodes, deployments', async () => {
    const t = await kube(sim, '/api/v1/namespaces/default/pods', { headers: { accept: TABLE_ACCEPT } });
    assert.equal(t.body.kind, 'Table');
    assert.deepEqual(
      t.body.columnDefinitions.map((c: { name: string }) => c.name),
      ['Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates'],
    );
    const row = t.body.rows.find((r: { cells: unknown[] }) => r.cells[0] === 'node-debugger');
    assert.deepEqual(row.cells.slice(1, 4), ['0/1', 'Pending', '0']);
    assert.equal(row.object.kind, 'PartialObjectMetadata');
    assert.equal(row.object.metadata.namespace, 'default');
    const web = t.body.rows.find((r: { cells: string[] }) => String(r.cells[0]).startsWith('web-'));
    assert.deepEqual(web.cells.slice(1, 3), ['1/1', 'Running']);
    assert.match(web.cells[6], /^fargate-ip-10-/);
    assert.equal(web.cells[5], String(web.cells[6]).replace(/^fargate-ip-/, '').replace('.ec2.internal', '').replaceAll('-', '.'), 'Fargate pod IP = node IP');
    const job = await kube(sim, '/api/v1/namespaces/batch-nightly/pods', { headers: { accept: TABLE_ACCEPT } });
    assert.equal(job.body.rows[0].cells[2], 'Completed');
    const full = await kube(sim, '/api/v1/namespaces/default/pods?includeObject=Object', { headers: { accept: TABLE_ACCEPT } });
    assert.equal(full.body.rows[0].object.kind, 'Pod');
    const ns = await kube(sim, '/api/v1/namespaces', { headers: { accept: TABLE_ACCEPT } });
    assert.deepEqual(ns.body.columnDefinitions.map((c: { name: string }) => c.name), ['Name', 'Status', 'Age']);
    const nodes = await kube(sim, '/api/v1/nodes/ip-10-0-1-23.ec2.internal', { headers: { accept: TABLE_ACCEPT } });
    assert.deepEqual(nodes.body.rows[0].cells.slice(0, 3), ['ip-10-0-1-23.ec2.internal', 'Ready', '<none>']);
    const deps = await kube(sim, '/apis/apps/v1/namespaces/default/deployments', { headers: { accept: TABLE_ACCEPT } });
    const webDep = deps.body.rows.find((r: { cells: unknown[] }) => r.cells[0] === 'web');
    assert.deepEqual(webDep.cells.slice(1, 4), ['3/3', 3, 3]);
  });

  test('a page of 500 pods from a 1200-pod cluster holds 500 pods and a continue token', async () => {
    const r = await kube(sim, '/api/v1/pods?limit=500');
    assert.equal(r.body.items.length, 500);
    assert.ok(r.body.metadata.continue);
  });

  test('a wrong bearer token is refused; no token is served (kubectl sends none over http)', async () => {
    assert.equal((await kube(sim, '/api/v1/namespaces', { headers: { authorization: 'Bearer wrong' } })).status, 401);
    assert.equal((await kube(sim, '/api/v1/namespaces', { headers: { authorization: `Bearer ${sim.token}` } })).status, 200);
    assert.equal((await kube(sim, '/api/v1/namespaces')).status, 200);
  });
});
