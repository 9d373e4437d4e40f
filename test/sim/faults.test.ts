// Fault injection: failNext, RBAC denial (requests and SelfSubjectAccessReviews), down(ms) in
// both modes, reset.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningSim } from '../../source/sim/index.js';
import { kube, watch } from './helpers.js';
import { fastSim } from '../helpers/sim.js';

describe('sim faults', () => {
  let sim: RunningSim;
  before(async () => {
    sim = await fastSim({ scenario: 'empty' });
  });
  after(() => sim.close());

  test('failNext answers matching requests with the status (count times), then recovers', async () => {
    sim.faults.failNext({ method: 'GET', path: /\/api\/v1\/pods/, status: 500, count: 2 });
    assert.equal((await kube(sim, '/api/v1/namespaces')).status, 200, 'other paths unaffected');
    const a = await kube(sim, '/api/v1/pods?limit=500');
    assert.equal(a.status, 500);
    assert.equal(a.body.kind, 'Status');
    assert.equal(a.body.code, 500);
    assert.equal((await kube(sim, '/api/v1/pods')).status, 500);
    assert.equal((await kube(sim, '/api/v1/pods')).status, 200);
    sim.faults.failNext({ path: /namespaces/, status: 429, body: { custom: true } });
    const c = await kube(sim, '/api/v1/namespaces');
    assert.equal(c.status, 429);
    assert.deepEqual(c.body, { custom: true });
  });

  test('deny: requests get the RBAC 403 wording, SelfSubjectAccessReview says not allowed', async () => {
    const review = (verb: string, resource: string, namespace: string, subresource = '') =>
      kube(sim, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
        method: 'POST',
        json: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb, resource, namespace, subresource } } },
      });
    assert.equal((await review('create', 'pods', 'default', 'eviction')).body.status.allowed, true);
    sim.faults.deny({ verb: 'create', resource: 'pods', subresource: 'eviction', namespace: 'default' });
    sim.faults.deny({ verb: 'list', resource: 'pods', namespace: 'kube-system' });
    const r = await review('create', 'pods', 'default', 'eviction');
    assert.equal(r.status, 201);
    assert.equal(r.body.status.allowed, false);
    assert.equal((await review('create', 'pods', 'other', 'eviction')).body.status.allowed, true);
    const list = await kube(sim, '/api/v1/namespaces/kube-system/pods');
    assert.equal(list.status, 403);
    assert.equal(list.body.reason, 'Forbidden');
    assert.equal(list.body.message, 'pods is forbidden: User "arn:aws:iam::111122223333:user/demo" cannot list resource "pods" in API group "" in the namespace "kube-system"');
    const ev = await kube(sim, '/api/v1/namespaces/default/pods/x/eviction', { method: 'POST', json: {} });
    assert.equal(ev.status, 403);
    assert.match(ev.body.message, /^pods\/eviction "x" is forbidden: User ".*" cannot create resource "pods\/eviction" in API group "" in the namespace "default"$/);
    sim.faults.reset();
    assert.equal((await kube(sim, '/api/v1/namespaces/kube-system/pods')).status, 200);
  });

  test("down(ms, '503'): every request is 503 until the time is up; watches are cut", async () => {
    const w = await watch(sim, '/api/v1/pods?watch=true');
    sim.faults.down(200, '503');
    await w.ended;
    const r = await kube(sim, '/api/v1/namespaces');
    assert.equal(r.status, 503);
    assert.equal(r.body.reason, 'ServiceUnavailable');
    const eks = await fetch(`${sim.url}/clusters/demo`, { headers: { authorization: 'x' } });
    assert.equal(eks.status, 503);
    assert.equal(eks.headers.get('x-amzn-errortype'), 'ServiceUnavailableException');
    await new Promise((r) => setTimeout(r, 250));
    assert.equal((await kube(sim, '/api/v1/namespaces')).status, 200);
  });

  test("down(ms): connections are reset until the time is up", async () => {
    sim.faults.down(200);
    await assert.rejects(fetch(`${sim.url}/api/v1/namespaces`));
    await new Promise((r) => setTimeout(r, 250));
    assert.equal((await kube(sim, '/api/v1/namespaces')).status, 200);
  });

  test('the server listens on loopback only', async () => {
    const { startSim } = await import('../../source/sim/index.js');
    await assert.rejects(startSim({ scenario: 'empty', host: '0.0.0.0' }), /loopback only/);
  });
});
