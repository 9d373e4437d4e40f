// The edge-cases scenario, as the simulated EKS produces it: where each pod runs and under which
// profile (hand-written in EDGE_CASES_EXPECTED), the fargate-scheduler's storage refusals in
// the documented words, and a static pod's mirror that comes back when deleted (also with the
// real kubectl).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { EDGE_CASES_EXPECTED, expectationIn } from '../../source/sim/index.js';
import type { RunningSim } from '../../source/sim/index.js';
import { EDGE_NODE } from '../../source/sim/scenarios/edge-cases.js';
import { fastSim } from '../helpers/sim.js';
import type { Json } from './helpers.js';

const run = promisify(execFile);
const MIRROR = `log-agent-${EDGE_NODE}`;

describe('edge-cases scenario in the sim', () => {
  let sim: RunningSim;
  before(async () => {
    sim = await fastSim({ scenario: 'edge-cases' });
  });
  after(() => sim.close());

  const runsOn = (p: Json): string => (p.spec.nodeName === undefined ? 'pending' : String(p.spec.nodeName).startsWith('fargate-') ? 'fargate' : 'ec2');
  const refusal = (ns: string, name: string): string | undefined =>
    sim.cluster.events(ns, name).find((e) => e.reason === 'FailedScheduling' && e.source.component === 'fargate-scheduler')?.message;

  test('every pod has one expectation row, with the expected count', () => {
    const counts = new Map<unknown, number>();
    for (const p of sim.cluster.listPods()) {
      const e = expectationIn(EDGE_CASES_EXPECTED, p);
      assert.ok(e, `no expectation for ${String(p.metadata.namespace)}/${String(p.metadata.name)}`);
      counts.set(e, (counts.get(e) ?? 0) + 1);
    }
    for (const e of EDGE_CASES_EXPECTED) assert.equal(counts.get(e) ?? 0, e.count, `${e.namespace}/${e.name}`);
  });

  for (const e of EDGE_CASES_EXPECTED) {
    test(`${e.namespace}/${e.name}${e.prefix === true ? '*' : ''}: ${e.runsOn}${e.currentProfile === null ? '' : ` under ${e.currentProfile}`} (${e.why})`, () => {
      const pods = sim.cluster.listPods(e.namespace).filter((p) => expectationIn(EDGE_CASES_EXPECTED, p) === e);
      assert.equal(pods.length, e.count);
      for (const p of pods) {
        assert.equal(runsOn(p), e.runsOn, String(p.metadata.name));
        const recorded = p.spec.schedulerName === 'fargate-scheduler' ? (p.metadata.labels?.['eks.amazonaws.com/fargate-profile'] ?? null) : null;
        assert.equal(recorded, e.currentProfile, String(p.metadata.name));
      }
    });
  }

  test('fargate-scheduler refuses EBS (in-tree, as its CSI driver) and unbound claims in the observed words; EFS runs', () => {
    assert.equal(
      refusal('storage', 'cache'),
      'Pod not supported on Fargate: volumes not supported: data not supported because: PVC cache-data bound to invalid PV ebs-cache with CSI Driver: ebs.csi.aws.com',
    );
    assert.equal(refusal('storage', 'uploader'), 'Pod not supported on Fargate: volumes not supported: incoming not supported because: PVC incoming not bound');
    assert.equal(refusal('storage', 'files'), undefined);
    assert.equal(sim.cluster.getPod('storage', 'files')?.status?.phase, 'Running');
  });

  test('the database on a hand-made EBS volume, re-created, is admitted under fp-storage and refused', async () => {
    const old = sim.cluster.listPods('storage').find((p) => String(p.metadata.name).startsWith('db-'))!;
    sim.cluster.deletePod('storage', String(old.metadata.name), { gracePeriodSeconds: 0 });
    const message = await sim.cluster.waitFor(
      () => {
        const next = sim.cluster.listPods('storage').find((p) => String(p.metadata.name).startsWith('db-') && p.metadata.uid !== old.metadata.uid);
        return next === undefined ? undefined : refusal('storage', String(next.metadata.name));
      },
      3000,
      'the replacement db pod refused',
    );
    assert.equal(message, 'Pod not supported on Fargate: volumes not supported: data not supported because: PVC db-data bound to invalid PV ebs-db with CSI Driver: ebs.csi.aws.com');
  });

  test('the mirror pod is owned by its Node and carries the kubelet annotations', () => {
    const p = sim.cluster.getPod('prod', MIRROR);
    assert.equal(p.spec.nodeName, EDGE_NODE);
    assert.deepEqual(
      p.metadata.ownerReferences.map((r: Json) => `${String(r.kind)}/${String(r.name)}/${String(r.uid === sim.cluster.get('nodes', '', EDGE_NODE).metadata.uid)}`),
      [`Node/${EDGE_NODE}/true`],
    );
    assert.equal(p.metadata.annotations['kubernetes.io/config.mirror'], p.metadata.annotations['kubernetes.io/config.hash']);
    assert.equal(p.metadata.annotations['kubernetes.io/config.source'], 'file');
    assert.equal(p.status.phase, 'Running');
  });

  test('deleting the mirror pod (real kubectl) does not move it: the kubelet writes it again on the same node', async () => {
    const before = sim.cluster.getPod('prod', MIRROR);
    const env: NodeJS.ProcessEnv = { ...process.env, ...sim.env };
    await run('kubectl', ['delete', 'pod', '-n', 'prod', MIRROR, '--wait=true'], { env, timeout: 30_000 });
    const again = await sim.cluster.waitFor(() => {
      const p = sim.cluster.getPod('prod', MIRROR);
      return p !== undefined && p.metadata.uid !== before.metadata.uid ? p : undefined;
    }, 3000, 'the mirror pod back');
    assert.equal(again.spec.nodeName, EDGE_NODE);
    assert.equal(again.status.phase, 'Running');
    assert.equal(again.metadata.annotations['kubernetes.io/config.mirror'], before.metadata.annotations['kubernetes.io/config.mirror']);
    const { stdout } = await run('kubectl', ['get', 'pod', '-n', 'prod', MIRROR, '-o', 'jsonpath={.metadata.uid} {.spec.nodeName}'], { env, timeout: 30_000 });
    assert.equal(stdout, `${String(again.metadata.uid)} ${EDGE_NODE}`);
  });

  test('no internal controller errors', () => {
    assert.deepEqual(sim.cluster.errors, []);
  });
});
