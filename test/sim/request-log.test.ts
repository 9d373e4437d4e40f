// The sim's request log (what tests read to see what a client sent), and dry-run evictions by
// query parameter, as the real EvictionREST takes them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http, { type IncomingMessage } from 'node:http';
import { RequestLog, isDryRun, type RunningSim } from '../../source/sim/index.js';
import { kube } from './helpers.js';
import { fastSim } from '../helpers/sim.js';

describe('sim request log', () => {
  let sim: RunningSim;
  before(async () => {
    sim = await fastSim();
  });
  after(() => sim.close());

  test('method, path, query and headers are kept; the credentials are not', async () => {
    sim.requests.clear();
    // node:http sends a repeated header as repeated lines, as client-go does (fetch would join them).
    await new Promise<void>((resolve, reject) => {
      http
        .get(`${sim.url}/api/v1/namespaces/test/pods?limit=5&labelSelector=a%3Db`, {
          headers: {
            authorization: `Bearer ${sim.token}`,
            'user-agent': 'kubectl-fargate/0.1.0 (linux/amd64)',
            'impersonate-user': 'alice',
            'impersonate-group': ['dev', 'ops'],
            cookie: 'session=secret',
          },
        }, (res) => res.resume().on('end', resolve))
        .on('error', reject);
    });
    const [entry] = sim.requests.all;
    assert.ok(entry);
    assert.equal(entry.api, 'kube');
    assert.equal(entry.method, 'GET');
    assert.equal(entry.path, '/api/v1/namespaces/test/pods');
    assert.deepEqual(entry.query, { limit: ['5'], labelSelector: ['a=b'] });
    assert.equal(entry.headers['user-agent'], 'kubectl-fargate/0.1.0 (linux/amd64)');
    assert.equal(entry.headers['impersonate-user'], 'alice');
    assert.deepEqual(entry.headers['impersonate-group'], ['dev', 'ops']);
    assert.equal(entry.headers.authorization, 'Bearer');
    assert.equal(entry.headers.cookie, undefined);
    assert.ok(!JSON.stringify(sim.requests.all).includes(sim.token), 'the token is not logged');
  });

  test('writes() lists the requests that change something, not reads or access reviews', async () => {
    sim.requests.clear();
    await kube(sim, '/api/v1/namespaces/test/pods');
    await kube(sim, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', { method: 'POST', json: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb: 'delete', resource: 'pods' } } } });
    await kube(sim, '/api/v1/namespaces/test/pods/test?dryRun=All', { method: 'DELETE' });
    assert.deepEqual(sim.requests.writes().map((w) => `${w.method} ${w.path} ${isDryRun(w)}`), ['DELETE /api/v1/namespaces/test/pods/test true']);
    assert.ok(sim.cluster.getPod('test', 'test'), 'a dry-run delete deletes nothing');
  });

  test('bounded: the oldest requests go first', () => {
    const log = new RequestLog(3);
    const req = (n: number) => ({ method: 'GET', headersDistinct: {} }) as unknown as IncomingMessage;
    for (let i = 0; i < 5; i++) log.record(req(i), new URL(`http://x/p${i}`), 'kube');
    assert.deepEqual(log.all.map((r) => r.path), ['/p2', '/p3', '/p4']);
  });
});

describe('sim eviction with ?dryRun=All', () => {
  let sim: RunningSim;
  before(async () => {
    sim = await fastSim();
  });
  after(() => sim.close());
  const evict = (ns: string, name: string) =>
    kube(sim, `/api/v1/namespaces/${ns}/pods/${name}/eviction?dryRun=All`, { method: 'POST', json: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: ns } } });

  test('allowed: 201, nothing deleted', async () => {
    const name = sim.cluster.listPods('legacy')[0]!.metadata.name;
    const r = await evict('legacy', name);
    assert.equal(r.status, 201);
    assert.equal(sim.cluster.getPod('legacy', name).metadata.deletionTimestamp, undefined);
  });

  test('the PodDisruptionBudget still refuses (429)', async () => {
    const locked = sim.cluster.listPods('default').find((p) => p.metadata.labels?.app === 'locked')!;
    const r = await evict('default', locked.metadata.name);
    assert.equal(r.status, 429);
    assert.equal(r.body.details.causes[0].reason, 'DisruptionBudget');
  });
});
