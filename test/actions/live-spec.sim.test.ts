// A bare pod comes back as it runs now: after `kubectl set image` or `kubectl label` (the real
// kubectl, against the sim), the re-created pod and its backup carry the new image and label,
// not the stale last-applied-configuration. The plan shows where the two differ; --from
// last-applied picks the old one on purpose.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { describeRecreates } from '../../source/actions/manifest-source.js';
import { planReschedule } from '../../source/actions/plan.js';
import { reschedule } from '../../source/actions/reschedule.js';
import { namespace } from '../../source/sim/scenarios/manifests.js';
import { viewsOf } from './helpers.js';
import { actionSimForFile } from '../helpers/sim.js';
import { tempDir } from '../helpers/files.js';

const run = promisify(execFile);
const s = actionSimForFile({ timing: { graceMsPerSecond: 20, maxGraceMs: 200 } });

const kubectl = (...args: string[]) => run('kubectl', args, { env: { ...process.env, ...s.sim.env }, timeout: 30_000 });

/** `kubectl apply` a bare pod on EC2, change it with kubectl, then add the profile that selects it. */
async function appliedThenChanged(ns: string, change: (ns: string) => Promise<unknown>): Promise<void> {
  s.sim.cluster.apply(namespace(ns));
  const file = path.join(tempDir('kf-live-'), 'web.yaml');
  writeFileSync(file, ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', `  namespace: ${ns}`, '  labels: {app: web}', 'spec:', '  containers:', '  - name: web', '    image: public.ecr.aws/nginx/nginx:1.27', ''].join('\n'));
  await kubectl('apply', '-f', file);
  await s.sim.cluster.waitFor(() => s.sim.cluster.getPod(ns, 'web')?.status?.phase === 'Running', 5000, `${ns}/web running`);
  await change(ns);
  s.sim.cluster.createProfile({ name: `fp-${ns}`, selectors: [{ namespace: ns }] });
}

const setImage = (ns: string) => kubectl('set', 'image', '-n', ns, 'pod/web', 'web=public.ecr.aws/nginx/nginx:1.28');
const addLabel = (ns: string) => kubectl('label', '-n', ns, 'pod/web', 'tier=front');

describe('re-created from the live spec (default)', () => {
  const cases = [
    { rule: 'after `kubectl set image`: the new image comes back, in the pod and in its backup', ns: 'live-image', change: setImage, check: (pod: any) => assert.equal(pod.spec.containers[0].image, 'public.ecr.aws/nginx/nginx:1.28') },
    { rule: 'after `kubectl label`: the new label comes back, in the pod and in its backup', ns: 'live-label', change: addLabel, check: (pod: any) => assert.equal(pod.metadata.labels.tier, 'front') },
  ];
  for (const c of cases) {
    test(c.rule, async () => {
      await appliedThenChanged(c.ns, c.change);
      const before = s.sim.cluster.getPod(c.ns, 'web')!;
      c.check(before);
      const [result] = await reschedule(s.kc, planReschedule(await viewsOf(s, c.ns, 'web')), { backupDir: tempDir('kf-live-b-'), context: s.identity.context, timeoutMs: 15_000 });
      assert.equal(result!.outcome, 'succeeded', result!.message);
      const after = s.sim.cluster.getPod(c.ns, 'web')!;
      assert.notEqual(after.metadata.uid, before.metadata.uid, 'a new pod');
      c.check(after);
      c.check(parse(readFileSync(result!.backupFile!, 'utf8')));
      assert.match(readFileSync(result!.backupFile!, 'utf8'), /^# re-created from: the live pod$/m);
      // The merge base of the next `kubectl apply` is kept as it was.
      assert.equal(after.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'], before.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']);
    });
  }
});

describe('the plan shows where last-applied and live differ; --from picks', () => {
  test('the difference is a warning of the step, and the manifests are the live ones', async () => {
    await appliedThenChanged('live-plan', async (ns) => {
      await setImage(ns);
      await addLabel(ns);
    });
    const { steps, manifests } = await describeRecreates(s.kc, planReschedule(await viewsOf(s, 'live-plan', 'web')), 'live');
    const [step] = steps;
    assert.equal(step!.manifestSource, 'live');
    assert.deepEqual(step!.lastAppliedDiff!.map((d) => d.path).sort(), ['metadata.labels.tier', 'spec.containers[web].image']);
    assert.ok(
      step!.warnings.includes(
        're-created from the live pod; its last-applied-configuration differs: metadata.labels.tier: last-applied (none), live front; spec.containers[web].image: last-applied public.ecr.aws/nginx/nginx:1.27, live public.ecr.aws/nginx/nginx:1.28 (--from last-applied re-creates that instead)',
      ),
      step!.warnings.join('\n'),
    );
    assert.equal(manifests.get('live-plan/web')!.spec.containers[0].image, 'public.ecr.aws/nginx/nginx:1.28');
  });

  test('--from last-applied re-creates what was applied (the old image, no label), and says what is lost', async () => {
    const steps = planReschedule(await viewsOf(s, 'live-plan', 'web'));
    const described = await describeRecreates(s.kc, steps, 'last-applied');
    assert.match(described.steps[0]!.warnings.join('\n'), /re-created from its last-applied-configuration, so these live changes are lost: .*spec\.containers\[web\]\.image/);
    const [result] = await reschedule(s.kc, described.steps, { backupDir: tempDir('kf-live-b-'), context: s.identity.context, timeoutMs: 15_000, from: 'last-applied' });
    assert.equal(result!.outcome, 'succeeded', result!.message);
    const after = s.sim.cluster.getPod('live-plan', 'web')!;
    assert.equal(after.spec.containers[0].image, 'public.ecr.aws/nginx/nginx:1.27');
    assert.equal(after.metadata.labels.tier, undefined);
    assert.match(readFileSync(result!.backupFile!, 'utf8'), /^# re-created from: its last-applied-configuration$/m);
  });
});
