// Kubernetes protobuf request bodies: the wire bytes here are written field by field with the
// Kubernetes API's field numbers (not with the sim's schema), the way Go's generated marshal code
// writes them: every value field present, zero or not; pointer fields only when set.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import protobuf from 'protobufjs';
import type { RunningSim } from '../../source/sim/index.js';
import { decodeObject, UnreadableBody } from '../../source/sim/kube/protobuf/codec.js';
import { kube } from './helpers.js';
import { fastSim } from '../helpers/sim.js';

type Value = string | number | boolean | Uint8Array;

/** One message: [field number, value] pairs; strings, bytes and messages are length-delimited. */
function m(...fields: [number, Value][]): Uint8Array {
  const w = protobuf.Writer.create();
  for (const [no, v] of fields) {
    if (typeof v === 'string') w.uint32((no << 3) | 2).string(v);
    else if (v instanceof Uint8Array) w.uint32((no << 3) | 2).bytes(v);
    else if (typeof v === 'boolean') w.uint32(no << 3).bool(v);
    else w.uint32(no << 3).int64(v);
  }
  return w.finish();
}

/** A map entry (key 1, value 2). */
const entry = (key: string, value: Value): Uint8Array => m([1, key], [2, value]);

/** "k8s\0" + runtime.Unknown{typeMeta{apiVersion 1, kind 2} 1, raw 2, contentEncoding 3, contentType 4}. */
function envelope(apiVersion: string, kind: string, raw: Uint8Array, contentEncoding = ''): Buffer {
  return Buffer.concat([Buffer.from('k8s\0', 'latin1'), m([1, m([1, apiVersion], [2, kind])], [2, raw], [3, contentEncoding], [4, ''])]);
}

/** ObjectMeta as Go writes it for a new object: name, empty generateName/namespace/selfLink/uid/resourceVersion, generation 0, zero creationTimestamp. */
function objectMeta(name: string, ...extra: [number, Value][]): Uint8Array {
  return m([1, name], [2, ''], [3, ''], [4, ''], [5, ''], [6, ''], [7, 0], [8, m()], ...extra);
}

/** IntOrString: type 0 + intVal 2, or type 1 + strVal 3. */
const intOrString = (v: number | string): Uint8Array => (typeof v === 'number' ? m([1, 0], [2, v], [3, '']) : m([1, 1], [2, 0], [3, v]));
const quantity = (s: string): Uint8Array => m([1, s]);

describe('Kubernetes protobuf bodies: decoding', () => {
  test('a Namespace as kubectl create namespace sends it: empty value fields are left out', () => {
    assert.deepEqual(decodeObject(envelope('v1', 'Namespace', m([1, objectMeta('test')], [2, m()], [3, m()]))), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'test' } });
  });

  test('a pointer field keeps its zero (replicas: 0, privileged: false); a value field does not (minReadySeconds: 0, paused: false)', () => {
    const container = m([1, 'app'], [2, 'nginx:1.27'], [15, m([2, false])], [16, false], [17, false], [18, false]);
    const template = m([1, objectMeta('', [11, entry('app', 'web')])], [2, m([2, container], [4, 0])]);
    const spec = m([1, 0], [2, m([1, entry('app', 'web')])], [3, template], [4, m([1, ''])], [5, 0], [7, false]);
    const o = decodeObject(envelope('apps/v1', 'Deployment', m([1, objectMeta('web')], [2, spec])));
    assert.deepEqual(o.spec, {
      replicas: 0,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27', securityContext: { privileged: false } }], terminationGracePeriodSeconds: 0 } },
    });
  });

  test('pod spec essentials: inline volume sources, Quantity maps, tolerations, node selector, owner references, times', () => {
    const volumes: [number, Value][] = [
      [1, m([1, 'cache'], [2, m([2, m([1, ''])])])],
      [1, m([1, 'cfg'], [2, m([19, m([1, m([1, 'app-config'])], [3, 420])])])],
      [1, m([1, 'data'], [2, m([10, m([1, 'data-claim'], [2, false])])])],
      [1, m([1, 'host'], [2, m([1, m([1, '/var/log'])])])],
    ];
    const resources = m([1, entry('cpu', quantity('250m'))], [1, entry('memory', quantity('512Mi'))], [2, entry('cpu', quantity('100m'))]);
    const container = m([1, 'app'], [2, 'nginx:1.27'], [3, 'nginx'], [4, '-g'], [6, m([1, 'http'], [2, 0], [3, 80], [4, 'TCP'], [5, ''])], [8, resources], [9, m([1, 'cfg'], [2, true], [3, '/etc/app'])]);
    const toleration = m([1, 'eks.amazonaws.com/compute-type'], [2, 'Equal'], [3, 'fargate'], [4, 'NoSchedule']);
    const spec = m(...volumes, [2, container], [3, 'Always'], [7, entry('kubernetes.io/os', 'linux')], [8, 'robot'], [11, false], [19, 'default-scheduler'], [22, toleration], [24, 'system-cluster-critical']);
    const owner = m([1, 'ReplicaSet'], [3, 'web-5d8f'], [4, 'uid-1'], [5, 'apps/v1'], [6, true], [7, true]);
    const created = m([1, 1_714_564_800], [2, 0]);
    const meta = m([1, 'web-5d8f-abcde'], [3, 'apps'], [8, created], [11, entry('app', 'web')], [12, entry('note', 'x')], [13, owner]);
    const o = decodeObject(envelope('v1', 'Pod', m([1, meta], [2, spec])));
    assert.deepEqual(o.metadata, {
      name: 'web-5d8f-abcde',
      namespace: 'apps',
      creationTimestamp: '2024-05-01T12:00:00Z',
      labels: { app: 'web' },
      annotations: { note: 'x' },
      ownerReferences: [{ kind: 'ReplicaSet', name: 'web-5d8f', uid: 'uid-1', apiVersion: 'apps/v1', controller: true, blockOwnerDeletion: true }],
    });
    assert.deepEqual(o.spec.volumes, [
      { name: 'cache', emptyDir: {} },
      { name: 'cfg', configMap: { name: 'app-config', defaultMode: 420 } },
      { name: 'data', persistentVolumeClaim: { claimName: 'data-claim' } },
      { name: 'host', hostPath: { path: '/var/log' } },
    ]);
    assert.deepEqual(o.spec.containers, [
      {
        name: 'app',
        image: 'nginx:1.27',
        command: ['nginx'],
        args: ['-g'],
        ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }],
        resources: { limits: { cpu: '250m', memory: '512Mi' }, requests: { cpu: '100m' } },
        volumeMounts: [{ name: 'cfg', readOnly: true, mountPath: '/etc/app' }],
      },
    ]);
    assert.deepEqual(o.spec.tolerations, [{ key: 'eks.amazonaws.com/compute-type', operator: 'Equal', value: 'fargate', effect: 'NoSchedule' }]);
    assert.deepEqual(o.spec.nodeSelector, { 'kubernetes.io/os': 'linux' });
    assert.equal(o.spec.serviceAccountName, 'robot');
    assert.equal(o.spec.hostNetwork, undefined);
    assert.equal(o.spec.priorityClassName, 'system-cluster-critical');
  });

  test('IntOrString budgets: minAvailable 0 stays a number, maxUnavailable "50%" a string', () => {
    const zero = decodeObject(envelope('policy/v1', 'PodDisruptionBudget', m([1, objectMeta('a')], [2, m([1, intOrString(0)], [2, m([1, entry('app', 'web')])])])));
    assert.deepEqual(zero.spec, { minAvailable: 0, selector: { matchLabels: { app: 'web' } } });
    const pct = decodeObject(envelope('policy/v1', 'PodDisruptionBudget', m([1, objectMeta('b')], [2, m([2, m()], [3, intOrString('50%')])])));
    assert.deepEqual(pct.spec, { selector: {}, maxUnavailable: '50%' });
  });

  test('Secret data (bytes) reads as base64; ConfigMap data as strings', () => {
    const secret = decodeObject(envelope('v1', 'Secret', m([1, objectMeta('s')], [2, entry('password', new Uint8Array(Buffer.from('s3cret')))], [3, 'Opaque'])));
    assert.deepEqual(secret.data, { password: Buffer.from('s3cret').toString('base64') });
    assert.equal(secret.type, 'Opaque');
    const cm = decodeObject(envelope('v1', 'ConfigMap', m([1, objectMeta('c')], [2, entry('a', 'b')])));
    assert.deepEqual(cm.data, { a: 'b' });
  });

  test('fields the sim does not know are skipped, as protobuf allows', () => {
    const o = decodeObject(envelope('v1', 'ServiceAccount', m([1, objectMeta('robot', [99, 'from the future'])], [4, true], [77, m([1, 'x'])])));
    assert.deepEqual(o, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot' }, automountServiceAccountToken: true });
  });

  test('DeleteOptions and Eviction (what typed clients send to delete and evict)', () => {
    const opts = m([1, 0], [4, 'Foreground'], [5, 'All']);
    assert.deepEqual(decodeObject(envelope('meta.k8s.io/v1', 'DeleteOptions', opts)), { apiVersion: 'meta.k8s.io/v1', kind: 'DeleteOptions', gracePeriodSeconds: 0, propagationPolicy: 'Foreground', dryRun: ['All'] });
    const ev = decodeObject(envelope('policy/v1', 'Eviction', m([1, objectMeta('web-1', [3, 'apps'])], [2, m([1, 5])])));
    assert.deepEqual(ev, { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'web-1', namespace: 'apps' }, deleteOptions: { gracePeriodSeconds: 5 } });
  });

  for (const { rule, body, why } of [
    { rule: 'no magic', body: Buffer.from('{"kind":"Namespace"}'), why: /magic/ },
    { rule: 'a kind the schema does not have', body: envelope('apps/v1', 'ControllerRevision', m([1, objectMeta('x')])), why: /ControllerRevision \(apps\/v1\)/ },
    { rule: 'a version the schema does not have', body: envelope('batch/v1beta1', 'CronJob', m([1, objectMeta('x')])), why: /CronJob \(batch\/v1beta1\)/ },
    { rule: 'an encoded raw', body: envelope('v1', 'Namespace', m([1, objectMeta('x')]), 'gzip'), why: /gzip/ },
    { rule: 'a truncated message', body: envelope('v1', 'Namespace', m([1, objectMeta('x')]).subarray(0, 5)), why: /malformed/ },
  ]) {
    test(`unreadable: ${rule}`, () => {
      assert.throws(() => decodeObject(body), (err: unknown) => err instanceof UnreadableBody && why.test(err.message));
    });
  }
});

describe('Kubernetes protobuf bodies over HTTP', () => {
  let sim: RunningSim;
  before(async () => {
    sim = await fastSim({ scenario: 'empty' });
  });
  after(() => sim.close());

  const post = (path: string, body: Uint8Array, accept = 'application/vnd.kubernetes.protobuf, application/json') =>
    kube(sim, path, { method: 'POST', headers: { 'content-type': 'application/vnd.kubernetes.protobuf', accept }, body: Buffer.from(body) });

  test('a protobuf create is stored like its JSON twin and answered in JSON, even to a protobuf-only Accept', async () => {
    const r = await post('/api/v1/namespaces', envelope('v1', 'Namespace', m([1, objectMeta('proto-ns')])), 'application/vnd.kubernetes.protobuf');
    assert.equal(r.status, 201);
    assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(r.body.metadata.name, 'proto-ns');
    assert.equal(r.body.status.phase, 'Active');
    assert.equal(sim.cluster.get('namespaces', '', 'proto-ns')?.metadata.labels['kubernetes.io/metadata.name'], 'proto-ns');
    const got = await kube(sim, '/api/v1/namespaces/proto-ns', { headers: { accept: 'application/vnd.kubernetes.protobuf' } });
    assert.equal(got.status, 200);
    assert.match(got.headers.get('content-type') ?? '', /^application\/json/);
  });

  test('a body the sim cannot read: 415 naming kubectl apply -f as the way around it', async () => {
    const r = await post('/apis/apps/v1/namespaces/default/deployments', envelope('apps/v1', 'Deployment', m([1, objectMeta('x')])).subarray(0, 12));
    assert.equal(r.status, 415);
    assert.equal(r.body.reason, 'UnsupportedMediaType');
    const d = await post('/apis/apps/v1/namespaces/default/deployments', envelope('apps/v1', 'ControllerRevision', m([1, objectMeta('x')])));
    assert.equal(d.status, 415);
    assert.match(d.body.message, /^the body of the request was in an unknown format - accepted media types include: application\/json, application\/vnd\.kubernetes\.protobuf \(.*ControllerRevision.*`kubectl apply -f FILE`\)$/);
    const text = await kube(sim, '/api/v1/namespaces', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    assert.equal(text.status, 415);
    assert.match(text.body.message, /reads no "text\/plain" bodies; .*`kubectl apply -f FILE`/);
  });

  test('a protobuf SelfSubjectAccessReview gets a JSON answer with the spec echoed', async () => {
    const attrs = m([1, 'default'], [2, 'create'], [3, ''], [4, ''], [5, 'pods'], [6, 'eviction'], [7, '']);
    const r = await post('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', envelope('authorization.k8s.io/v1', 'SelfSubjectAccessReview', m([1, objectMeta('')], [2, m([1, attrs])], [3, m()])));
    assert.equal(r.status, 201);
    assert.deepEqual(r.body.spec, { resourceAttributes: { namespace: 'default', verb: 'create', resource: 'pods', subresource: 'eviction' } });
    assert.equal(r.body.status.allowed, true);
    sim.faults.deny({ verb: 'create', resource: 'pods', subresource: 'eviction' });
    const denied = await post('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', envelope('authorization.k8s.io/v1', 'SelfSubjectAccessReview', m([2, m([1, attrs])])));
    assert.equal(denied.body.status.allowed, false);
  });
});
