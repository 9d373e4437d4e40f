// The run journal: its pure rules (which pods a run left deleted, whether its run still lives),
// and the files: written before each step, closed when nothing is left, found at the next start.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RunJournal, journalDir, parseJournal, podsLeftDeleted, runIsLive, type JournalEntry } from '../../source/actions/journal.js';
import { markRestored, openJournals, pendingRestores } from '../../source/actions/journal-scan.js';
import { tempDir } from '../helpers/files.js';

const at = '2026-06-01T12:00:00.000Z';
const e = (event: JournalEntry['event'], extra: Partial<JournalEntry> = {}): JournalEntry => ({ event, at, ...extra });
const backup = (pod = 'test/web') => e('backup-written', { pod, namespace: pod.split('/')[0], name: pod.split('/')[1], uid: 'u1', file: `/b/${pod}.yaml` });

describe('podsLeftDeleted: a pod is left deleted from its delete until a create succeeded', () => {
  const cases: { rule: string; entries: JournalEntry[]; left: string[] }[] = [
    { rule: 'backup written, never deleted: not left deleted', entries: [backup()], left: [] },
    { rule: 'killed right after the deleting entry: maybe deleted, reported', entries: [backup(), e('deleting', { pod: 'test/web' })], left: ['test/web'] },
    { rule: 'deleted, killed before the create: reported', entries: [backup(), e('deleting', { pod: 'test/web' }), e('deleted', { pod: 'test/web' }), e('creating', { pod: 'test/web' })], left: ['test/web'] },
    { rule: 'created: back, not reported', entries: [backup(), e('deleting', { pod: 'test/web' }), e('creating', { pod: 'test/web' }), e('created', { pod: 'test/web' })], left: [] },
    { rule: 'restored later (restore --pending, or found to exist): not reported', entries: [backup(), e('deleting', { pod: 'test/web' }), e('restored', { pod: 'test/web' })], left: [] },
    { rule: 'the run ended the pod saying it may be deleted (it printed the restore command): reported', entries: [backup(), e('deleting', { pod: 'test/web' }), e('ended', { pod: 'test/web', outcome: 'failed', leftDeleted: true })], left: ['test/web'] },
    { rule: 'the run ended the pod saying it was never deleted (the delete failed): not reported', entries: [backup(), e('deleting', { pod: 'test/web' }), e('ended', { pod: 'test/web', outcome: 'failed', leftDeleted: false })], left: [] },
    { rule: 'no backup entry: nothing to restore from, not reported', entries: [e('deleting', { pod: 'test/web' })], left: [] },
    { rule: 'each pod on its own', entries: [backup('a/1'), backup('b/2'), e('deleting', { pod: 'a/1' }), e('created', { pod: 'a/1' }), e('deleting', { pod: 'b/2' })], left: ['b/2'] },
  ];
  for (const c of cases) test(c.rule, () => assert.deepEqual(podsLeftDeleted(c.entries).map((p) => p.pod), c.left));

  test('a left-deleted pod carries what its restore needs', () => {
    assert.deepEqual(podsLeftDeleted([backup(), e('deleting', { pod: 'test/web' })]), [{ pod: 'test/web', namespace: 'test', name: 'web', uid: 'u1', file: '/b/test/web.yaml' }]);
  });
});

describe('runIsLive: a journal of a run still going is not reported', () => {
  const started = e('started', { pid: 4242, host: 'box' });
  const cases = [
    { rule: 'its process lives on this host: live', entries: [started], alive: true, host: 'box', live: true },
    { rule: 'its process is gone (SIGKILL, power loss): dead', entries: [started], alive: false, host: 'box', live: false },
    { rule: 'it wrote done: over, whatever the pid', entries: [started, e('done')], alive: true, host: 'box', live: false },
    { rule: 'another host: its pid means nothing here, treated as dead', entries: [started], alive: true, host: 'other', live: false },
    { rule: 'no started entry: dead', entries: [], alive: true, host: 'box', live: false },
  ];
  for (const c of cases) test(c.rule, () => assert.equal(runIsLive(c.entries, c.host, () => c.alive), c.live));
});

test('parseJournal skips a torn last line (power loss mid-write)', () => {
  const text = `${JSON.stringify(e('started'))}\n${JSON.stringify(backup())}\n{"event":"dele`;
  assert.deepEqual(parseJournal(text).map((x) => x.event), ['started', 'backup-written']);
});

describe('RunJournal files', { skip: process.platform === 'win32' ? 'POSIX modes' : false }, () => {
  test('open: <root>/<context>/runs/<time>-<pid>.open.jsonl, private, the started entry on disk at once', () => {
    const root = tempDir('kf-journal-');
    const j = RunJournal.open({ root, context: 'arn:aws:eks:x:1:cluster/demo', pods: ['test/web'], now: new Date(at) });
    assert.equal(path.dirname(j.file), journalDir(root, 'arn:aws:eks:x:1:cluster/demo'));
    assert.match(path.basename(j.file), new RegExp(`^20260601T120000000Z-${process.pid}\\.open\\.jsonl$`));
    assert.equal(statSync(j.file).mode & 0o777, 0o600);
    const [started] = parseJournal(readFileSync(j.file, 'utf8'));
    assert.equal(started?.event, 'started');
    assert.equal(started?.pid, process.pid);
    assert.deepEqual(started?.pods, ['test/web']);
    j.append(backup());
    assert.equal(parseJournal(readFileSync(j.file, 'utf8')).length, 2, 'each entry is in the file when append returns');
    j.finish();
  });

  test('finish with nothing left deleted: renamed .done.jsonl (no longer found)', () => {
    const root = tempDir('kf-journal-');
    const j = RunJournal.open({ root, context: 'c', pods: ['test/web'] });
    j.append(backup());
    j.append(e('deleting', { pod: 'test/web' }));
    j.append(e('created', { pod: 'test/web' }));
    j.finish();
    assert.equal(existsSync(j.file), false);
    assert.ok(existsSync(j.file.replace('.open.jsonl', '.done.jsonl')));
    assert.deepEqual(openJournals([root], 'c'), []);
  });

  test('finish with a pod left deleted: stays open for the next start', () => {
    const root = tempDir('kf-journal-');
    const j = RunJournal.open({ root, context: 'c', pods: ['test/web'] });
    j.append(backup());
    j.append(e('deleting', { pod: 'test/web' }));
    j.finish();
    assert.ok(existsSync(j.file));
    assert.deepEqual(openJournals([root], 'c').map((x) => x.file), [j.file]);
  });

  test('--backup-dir elsewhere: a link in the default root finds it; closing drops the link', () => {
    const root = tempDir('kf-journal-');
    const index = tempDir('kf-journal-default-');
    const j = RunJournal.open({ root, context: 'c', indexRoot: index, pods: ['test/web'] });
    assert.deepEqual(readdirSync(journalDir(index, 'c')).map((n) => n.endsWith('.open.link')), [true]);
    assert.deepEqual(openJournals([index], 'c').map((x) => x.file), [j.file], 'found from the default root alone');
    j.finish();
    assert.deepEqual(readdirSync(journalDir(index, 'c')), []);
  });

  test('journals of other contexts are not read', () => {
    const root = tempDir('kf-journal-');
    RunJournal.open({ root, context: 'prod', pods: [] });
    assert.deepEqual(openJournals([root], 'staging'), []);
  });
});

describe('pendingRestores: what the next start reports', () => {
  /** A journal a killed run left behind: pod test/web deleted, not re-created. */
  function killedRun(root: string, pid = 999_999): string {
    const j = RunJournal.open({ root, context: 'c', pods: ['test/web'] });
    j.append(backup());
    j.append(e('deleting', { pod: 'test/web' }));
    // The process died here: no finish(). Make the started entry name a dead process.
    const text = readFileSync(j.file, 'utf8').replace(`"pid":${process.pid}`, `"pid":${pid}`);
    writeFileSync(j.file, text);
    return j.file;
  }

  test('a pod still missing is reported with its backup; the journal stays open', async () => {
    const root = tempDir('kf-pending-');
    const file = killedRun(root);
    const { pending, closed } = await pendingRestores([root], 'c', async () => false, { alive: () => false });
    assert.deepEqual(pending.map((p) => [p.pod, p.file, p.journal]), [['test/web', '/b/test/web.yaml', file]]);
    assert.deepEqual(closed, []);
    assert.ok(existsSync(file));
  });

  test('a pod that exists again is not reported: its journal is closed with a note', async () => {
    const root = tempDir('kf-pending-');
    const file = killedRun(root);
    const { pending, closed } = await pendingRestores([root], 'c', async () => true, { alive: () => false });
    assert.deepEqual(pending, []);
    assert.deepEqual(closed, ['test/web']);
    const done = file.replace('.open.jsonl', '.done.jsonl');
    assert.ok(existsSync(done));
    assert.match(readFileSync(done, 'utf8'), /"event":"restored","pod":"test\/web","note":"the pod exists again/);
  });

  test('when the cluster cannot tell, the pod is reported (to be safe) and the journal kept', async () => {
    const root = tempDir('kf-pending-');
    const file = killedRun(root);
    const { pending } = await pendingRestores([root], 'c', async () => null, { alive: () => false });
    assert.equal(pending.length, 1);
    assert.ok(existsSync(file));
  });

  test('a run still going (its process lives) is not reported, nor touched', async () => {
    const root = tempDir('kf-pending-');
    const file = killedRun(root, process.pid);
    const { pending } = await pendingRestores([root], 'c', async () => false);
    assert.deepEqual(pending, []);
    assert.ok(existsSync(file));
  });

  test('two starts closing the same journal: the second does not create it anew', async () => {
    const root = tempDir('kf-pending-');
    const file = killedRun(root);
    await pendingRestores([root], 'c', async () => true, { alive: () => false });
    markRestored(file, 'test/web', 'late');
    assert.equal(existsSync(file), false);
    assert.deepEqual(openJournals([root], 'c'), []);
  });

  test('markRestored: the last pod restored closes the journal', async () => {
    const root = tempDir('kf-pending-');
    const file = killedRun(root);
    markRestored(file, 'test/web', 'restored from /b/test/web.yaml');
    assert.equal(existsSync(file), false);
    assert.deepEqual((await pendingRestores([root], 'c', async () => false, { alive: () => false })).pending, []);
  });
});
