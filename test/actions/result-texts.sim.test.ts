// Result texts say what happened: a pod never deleted is not "deleted, but timed out"; the loser
// of two runs on one pod is not told to restore a pod that exists. And the journal beside the
// backups holds each step before it was taken.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseJournal } from '../../source/actions/journal.js';
import { planReschedule } from '../../source/actions/plan.js';
import { reschedule } from '../../source/actions/reschedule.js';
import type { RescheduleEvent } from '../../source/actions/types.js';
import { namespace } from '../../source/sim/scenarios/manifests.js';
import { rescheduleOptionsFor, viewsOf } from './helpers.js';
import { actionSimForFile } from '../helpers/sim.js';
import { backupsUnder, journalsUnder, tempDir } from '../helpers/files.js';

const s = actionSimForFile({ timing: { graceMsPerSecond: 20, maxGraceMs: 300 } });

const options = rescheduleOptionsFor(s, { backupPrefix: 'kf-texts-', timeoutMs: 15_000 });

async function driftedBarePod(ns: string, name = ns): Promise<string> {
  s.sim.cluster.apply(namespace(ns));
  s.sim.cluster.createPod({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'public.ecr.aws/nginx/nginx:1.27' }] } });
  await s.sim.cluster.waitFor(() => s.sim.cluster.getPod(ns, name)?.status?.phase === 'Running', 5000, `${ns}/${name} running`);
  s.sim.cluster.createProfile({ name: `fp-${ns}`, selectors: [{ namespace: ns }] });
  return String(s.sim.cluster.getPod(ns, name)!.metadata.uid);
}

describe('result texts', () => {
  test('a delete the API server answers but never carries out: "not being deleted; nothing was changed", no restore advice', async () => {
    const uid = await driftedBarePod('nodelete');
    // Something between us and the cluster answers 200 and drops the delete.
    s.sim.faults.failNext({ method: 'DELETE', path: /\/namespaces\/nodelete\/pods\/nodelete$/, status: 200, body: { kind: 'Status', apiVersion: 'v1', status: 'Success' } });
    const [result] = await reschedule(s.kc, planReschedule(await viewsOf(s, 'nodelete', 'nodelete')), options({ timeoutMs: 2000 }));
    assert.equal(result!.outcome, 'failed');
    assert.equal(result!.message, 'the API server answered the delete, but the pod is not being deleted (it still runs); nothing was changed');
    assert.equal(result!.restoreHint, undefined);
    assert.equal(s.sim.cluster.getPod('nodelete', 'nodelete')?.metadata.uid, uid, 'the same pod runs');
  });

  test('someone re-creates the pod between our delete and our create: "nothing to restore", no restore advice', async () => {
    await driftedBarePod('loser');
    const [result] = await reschedule(s.kc, planReschedule(await viewsOf(s, 'loser', 'loser')), options({
      onEvent: (e: RescheduleEvent) => {
        // The other run wins the race: its pod is there before our create arrives.
        if (e.step === 'create') s.sim.cluster.createPod({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'loser', namespace: 'loser', labels: { app: 'loser' } }, spec: { containers: [{ name: 'app', image: 'public.ecr.aws/nginx/nginx:1.27' }] } });
      },
    }));
    const winner = s.sim.cluster.getPod('loser', 'loser')!;
    assert.equal(result!.outcome, 'failed');
    assert.equal(result!.message, `deleted, but someone else re-created it meanwhile (a pod loser/loser with uid ${winner.metadata.uid} exists now): nothing to restore; check that it is the pod you want`);
    assert.equal(result!.restoreHint, undefined);
    assert.doesNotMatch(result!.message, /restore it with/);
  });

  test('two runs on one pod at once: the pod exists afterwards, and no result tells to restore it', async () => {
    await driftedBarePod('race');
    const steps = planReschedule(await viewsOf(s, 'race', 'race'));
    const results = (await Promise.all([reschedule(s.kc, steps, options()), reschedule(s.kc, steps, options())])).flat();
    assert.ok(s.sim.cluster.getPod('race', 'race'), 'the pod exists');
    assert.ok(results.some((r) => r.outcome === 'succeeded'), results.map((r) => r.message).join(' | '));
    for (const r of results) {
      assert.equal(r.restoreHint, undefined, r.message);
      assert.doesNotMatch(r.message, /restore it with/);
    }
  });
});

describe('the journal', () => {
  test('each step is in the journal before it is taken; a finished run closes it', async () => {
    await driftedBarePod('journal');
    const dir = tempDir('kf-journal-run-');
    const seenAtDelete: string[][] = [];
    const stop = s.sim.cluster.onChange((c) => {
      if (c.rid === 'pods' && c.entry.ns === 'journal' && c.entry.name === 'journal' && (c.entry.deleting || c.type === 'DELETED') && seenAtDelete.length === 0) {
        const [file] = journalsUnder(dir);
        seenAtDelete.push(parseJournal(readFileSync(file!, 'utf8')).map((e) => e.event));
      }
    });
    const [result] = await reschedule(s.kc, planReschedule(await viewsOf(s, 'journal', 'journal')), options({ backupDir: dir })).finally(stop);
    assert.equal(result!.outcome, 'succeeded', result!.message);
    assert.deepEqual(seenAtDelete, [['started', 'backup-written', 'deleting']], 'the delete reached the API server after its journal entry');
    const [journal] = journalsUnder(dir);
    assert.match(journal!, /\.done\.jsonl$/, 'closed: nothing left to restore');
    const entries = parseJournal(readFileSync(journal!, 'utf8'));
    assert.deepEqual(entries.map((e) => e.event), ['started', 'backup-written', 'deleting', 'deleted', 'creating', 'created', 'verified', 'ended', 'done']);
    assert.equal(entries[1]!.file, backupsUnder(dir)[0]);
  });

  test('a run that cannot write its journal deletes nothing', async () => {
    const uid = await driftedBarePod('nojournal');
    const [result] = await reschedule(s.kc, planReschedule(await viewsOf(s, 'nojournal', 'nojournal')), options({ backupDir: '/proc/kf-no-such-dir' }));
    assert.equal(result!.outcome, 'failed');
    assert.match(result!.message, /^cannot write the run journal in \/proc\/kf-no-such-dir\/.*: nothing was done$/);
    assert.equal(s.sim.cluster.getPod('nojournal', 'nojournal')?.metadata.uid, uid);
  });
});
