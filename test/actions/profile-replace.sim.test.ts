// `profile replace` against the sim, interrupted at every step: the run is stopped right after
// the step is journalled (as a kill there would leave it), the same replace is run again, and the
// cluster must end as an uninterrupted replace leaves it: NEW ACTIVE, OLD gone, every pod OLD ran
// back and running under NEW (a bare pod under its own name), the journal closed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { writeBackup } from '../../source/actions/backup.js';
import { getPod } from '../../source/actions/kube-pods.js';
import { recreateManifest } from '../../source/actions/manifest-source.js';
import { replaceProfile, replaceStrategy } from '../../source/actions/profiles/replace.js';
import { ReplaceJournal, replaceDir, type ReplaceEvent } from '../../source/actions/profiles/replace-journal.js';
import type { ProfileSpec } from '../../source/domain/profile-spec.js';
import { deployment, container, pdb, pod } from '../../source/sim/scenarios/manifests.js';
import { openProfileApi } from '../../source/sources/aws/eks-profile-api.js';
import { clusterView, startActionSim, type ActionSim } from './helpers.js';
import { tempDir } from '../helpers/files.js';
import { waitUntil } from '../helpers/waiting.js';

const ROLE = 'arn:aws:iam::111122223333:role/AmazonEKSFargatePodExecutionRole';
const spec = (name: string, selectors: ProfileSpec['selectors']): ProfileSpec => ({ name, selectors, podExecutionRoleArn: ROLE, subnets: [], tags: {} });

class Killed extends Error {}

interface Case {
  strategy: 'one-at-a-time' | 'at-delete';
  old: string;
  spec: ProfileSpec;
  /** Sets up OLD and its pods. */
  setup(s: ActionSim): Promise<void>;
  steps: ReplaceEvent[];
}

const runningUnder = async (s: ActionSim, namespace: string, profile: string): Promise<string[]> =>
  ((await clusterView(s, namespace)).byNamespace.get(namespace) ?? []).filter((v) => v.placement.runsOn === 'fargate' && v.placement.currentProfile === profile && v.pod.status === 'Running').map((v) => v.pod.name);

const CASES: Case[] = [
  {
    // fp-web-a sorts before fp-web-b: it wins as soon as it is ACTIVE, so the pods move one at a time.
    strategy: 'one-at-a-time',
    old: 'fp-web-b',
    spec: spec('fp-web-a', [{ namespace: 'web', labels: { tier: 'web' } }]),
    async setup(s) {
      s.sim.cluster.createProfile({ name: 'fp-web-b', selectors: [{ namespace: 'web' }] });
      s.sim.cluster.apply([
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'web' } },
        deployment('web', 'shop', { labels: { app: 'shop', tier: 'web' }, replicas: 2, containers: [container({ image: 'nginx:1.27' })] }),
        pdb('web', 'shop', { app: 'shop' }, { minAvailable: 1 }),
        pod('web', 'solo', { labels: { tier: 'web' }, containers: [container({ image: 'nginx:1.27' })] }),
      ]);
      await waitUntil('three pods under fp-web-b', async () => (await runningUnder(s, 'web', 'fp-web-b')).length === 3);
    },
    steps: ['started', 'creating', 'created', 'active', 'moving', 'moved', 'deleting-old', 'old-deleting', 'old-gone'],
  },
  {
    // test-v2 sorts after test: test keeps the pod while it exists, so it moves as test is deleted.
    strategy: 'at-delete',
    old: 'test',
    spec: spec('test-v2', [{ namespace: 'test', labels: { tier: 'web' } }]),
    async setup(s) {
      s.sim.cluster.createProfile({ name: 'test', selectors: [{ namespace: 'test' }] });
      s.sim.cluster.apply([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'test' } }, pod('test', 'test', { labels: { tier: 'web' }, containers: [container({ image: 'nginx:1.27' })] })]);
      await waitUntil('the pod under test', async () => (await runningUnder(s, 'test', 'test')).length === 1);
    },
    steps: ['started', 'creating', 'created', 'active', 'backed-up', 'deleting-old', 'old-deleting', 'restored', 'old-gone'],
  },
];

async function run(s: ActionSim, c: Case, backupDir: string, atStep?: (step: ReplaceEvent) => void) {
  const api = await openProfileApi(s.identity);
  try {
    return await replaceProfile(
      { old: c.old, spec: c.spec, strategy: c.strategy },
      { kc: s.kc, api, readPods: async () => (await clusterView(s)).pods, backupDir, context: s.identity.context, timeoutMs: 20_000, podTimeoutMs: 20_000, pollMs: () => 20, ...(atStep ? { atStep } : {}) },
    );
  } finally {
    api.close();
  }
}

/** The end state every run must reach, interrupted or not. */
async function assertReplaced(s: ActionSim, c: Case, backupDir: string): Promise<void> {
  const namespace = c.spec.selectors[0]!.namespace;
  const api = await openProfileApi(s.identity);
  try {
    assert.equal((await api.describe(c.spec.name))?.profile.status, 'ACTIVE', `${c.spec.name} is ACTIVE`);
    assert.equal(await api.describe(c.old), null, `${c.old} is gone`);
  } finally {
    api.close();
  }
  await waitUntil(`every pod of ${namespace} running under ${c.spec.name}`, async () => {
    const views = (await clusterView(s, namespace)).byNamespace.get(namespace) ?? [];
    return views.length > 0 && views.every((v) => v.placement.currentProfile === c.spec.name && v.pod.status === 'Running' && !v.pod.deleting);
  });
  const names = ((await clusterView(s, namespace)).byNamespace.get(namespace) ?? []).map((v) => v.pod.name);
  if (c.strategy === 'one-at-a-time') {
    assert.ok(names.includes('solo'), `the bare pod is back under its own name: ${names.join()}`);
    assert.equal(names.filter((n) => n.startsWith('shop-')).length, 2, names.join());
  } else assert.deepEqual(names, ['test']);
  assert.equal(ReplaceJournal.find(backupDir, s.identity.context, c.old), null, 'the journal is closed');
  assert.ok(readdirSync(replaceDir(backupDir, s.identity.context)).some((f) => f.endsWith('.done.jsonl')), 'and kept as the record');
}

describe('profile replace', () => {
  test('the strategy follows EKS\'s choice: NEW must sort first to win while both exist', () => {
    assert.equal(replaceStrategy('fp-web-b', 'fp-web-a'), 'one-at-a-time');
    assert.equal(replaceStrategy('test', 'test-v2'), 'at-delete');
  });

  for (const c of CASES) {
    test(`${c.strategy}: uninterrupted`, async () => {
      const s = await startActionSim({ scenario: 'empty' });
      try {
        await c.setup(s);
        const backupDir = tempDir('kf-replace-');
        const outcome = await run(s, c, backupDir);
        if (c.strategy === 'one-at-a-time') assert.equal(outcome.moved.length, 3);
        else {
          assert.equal(outcome.restored.length, 1);
          assert.ok(existsSync(path.join(backupDir)), 'backed up first');
        }
        await assertReplaced(s, c, backupDir);
      } finally {
        await s.close();
      }
    });

    for (const step of c.steps) {
      test(`${c.strategy}: interrupted right after "${step}", run again: the same end state`, async () => {
        const s = await startActionSim({ scenario: 'empty' });
        try {
          await c.setup(s);
          const backupDir = tempDir('kf-replace-');
          await assert.rejects(
            run(s, c, backupDir, (at) => {
              if (at === step) throw new Killed(`killed at ${at}`);
            }),
            Killed,
          );
          await run(s, c, backupDir);
          await assertReplaced(s, c, backupDir);
        } finally {
          await s.close();
        }
      });
    }
  }

  test('killed between a bare pod\'s delete and its create: the next run re-creates it from its backup, under NEW', async () => {
    const c = CASES[0]!;
    const s = await startActionSim({ scenario: 'empty' });
    try {
      await c.setup(s);
      const backupDir = tempDir('kf-replace-');
      await assert.rejects(run(s, c, backupDir, (at) => {
        if (at === 'moving') throw new Killed();
      }), Killed);
      // What the reschedule leaves when killed there: the backup written and recorded, the pod deleted.
      const live = await getPod(s.kc, 'web', 'solo');
      const { file } = writeBackup({ dir: backupDir, context: s.identity.context, manifest: recreateManifest(live!).manifest });
      ReplaceJournal.find(backupDir, s.identity.context, c.old)!.append({ event: 'backup', pod: 'web/solo', file });
      s.sim.cluster.deletePod('web', 'solo');
      await waitUntil('the bare pod gone', async () => (await getPod(s.kc, 'web', 'solo')) === null);
      const outcome = await run(s, c, backupDir);
      assert.deepEqual(outcome.restored.map((r) => [r.pod, r.outcome]), [['web/solo', 'succeeded']]);
      await assertReplaced(s, c, backupDir);
    } finally {
      await s.close();
    }
  });
});
