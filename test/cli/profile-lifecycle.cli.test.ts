// profile create --wait and profile replace through the built CLI against the sim, for what
// EKS does besides succeeding: CREATE_FAILED with its reason, one profile CREATING at a time
// (the tool waits and says so), and a replace interrupted earlier continued from its journal.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ReplaceJournal } from '../../source/actions/profiles/replace-journal.js';
import { container, namespace, pod } from '../../source/sim/scenarios/manifests.js';
import { cliSimForFile, FAST } from '../helpers/sim.js';
import { waitUntil } from '../helpers/waiting.js';

const ROLE = 'arn:aws:iam::111122223333:role/AmazonEKSFargatePodExecutionRole';

const f = cliSimForFile({ scenario: 'empty', timing: FAST }, 'kf-profile-life-');

const cli = f.runLogged;
const status = (name: string): string | undefined => f.sim.cluster.profiles().find((p) => p.name === name)?.status;
const kubeWrites = () => f.sim.requests.writes();

describe('profile create --wait: how EKS ends it', () => {
  test('CREATE_FAILED: exit 1 with EKS\'s reason; --reschedule moves nothing', async () => {
    const broken = 'arn:aws:iam::111122223333:role/Broken';
    f.sim.cluster.breakPodExecutionRole(broken);
    const r = await cli('profile', 'create', 'fp-failing', '--selector', 'nowhere', '--role', broken, '--wait', '--reschedule', '--yes', '--timeout', '30s');
    assert.equal(r.code, 1, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /^profile fp-failing is CREATE_FAILED: AccessDenied: Fargate could not assume the pod execution role/m);
    assert.deepEqual(kubeWrites(), [], 'no pod was touched');
    f.sim.cluster.repairPodExecutionRole(broken);
  });

  test('another profile is CREATING: the create waits, says why, and gives up at --timeout with one line', async () => {
    f.sim.cluster.createProfile({ name: 'fp-busy', selectors: [{ namespace: 'busy' }] });
    f.sim.cluster.setProfileStatus('fp-busy', 'CREATING');
    try {
      const r = await cli('profile', 'create', 'fp-later', '--selector', 'later', '--role', ROLE, '--yes', '--timeout', '2s');
      assert.equal(r.code, 1, `${r.stdout}\n${r.stderr}`);
      assert.match(r.stderr, /EKS is busy: profile fp-busy is CREATING, and EKS creates or deletes one profile at a time; waiting for it/);
      const errors = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
      assert.equal(errors.length, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      assert.equal(status('fp-later'), undefined, 'not created');
    } finally {
      f.sim.cluster.setProfileStatus('fp-busy', 'ACTIVE');
    }
  });
});

describe('profile create: a signal while it waits for EKS', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    test(`${signal} while EKS is busy with another profile: no create is sent after it, exit ${signal === 'SIGINT' ? 130 : 143}`, async () => {
      f.sim.cluster.createProfile({ name: 'fp-slow', selectors: [{ namespace: 'slow' }] });
      f.sim.cluster.setProfileStatus('fp-slow', 'CREATING');
      try {
        f.sim.requests.clear();
        const child = execFile(process.execPath, [f.cli, 'profile', 'create', 'fp-sig', '--selector', 'sig', '--role', ROLE, '--wait', '--reschedule', '--yes', '--timeout', '60s'], { env: f.env() });
        let stderr = '';
        child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
        const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
        await waitUntil('the create waiting for EKS', () => stderr.includes('EKS is busy: profile fp-slow is CREATING'));
        // Until now each CreateFargateProfile was refused (ResourceInUseException); none may follow.
        const eksWrites = () => f.sim.requests.all.filter((q) => q.api === 'eks' && q.method !== 'GET').length;
        const sent = eksWrites();
        child.kill(signal);
        const code = await exited;
        assert.equal(code, signal === 'SIGINT' ? 130 : 143, stderr);
        assert.equal(eksWrites(), sent, 'no CreateFargateProfile after the signal');
        assert.deepEqual(kubeWrites(), []);
        assert.equal(status('fp-sig'), undefined);
        assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
      } finally {
        f.sim.cluster.deleteProfile('fp-slow');
      }
    });
  }
});

describe('profile delete backs up first', () => {
  test('a bare pod that cannot be backed up: nothing is deleted, one line says why', async () => {
    f.sim.cluster.createProfile({ name: 'fp-keep', selectors: [{ namespace: 'keep' }] });
    f.sim.cluster.apply([namespace('keep'), pod('keep', 'solo', { containers: [container({ image: 'nginx:1.27' })] })]);
    await waitUntil('the pod under fp-keep', () => f.sim.cluster.getPod('keep', 'solo')?.metadata?.labels?.['eks.amazonaws.com/fargate-profile'] === 'fp-keep' && f.sim.cluster.getPod('keep', 'solo')?.status?.phase === 'Running');
    const notADir = path.join(f.state, 'not-a-dir');
    writeFileSync(notADir, 'a file where the backups would go\n');
    const uid = f.sim.cluster.getPod('keep', 'solo')?.metadata?.uid;
    const r = await cli('profile', 'delete', 'fp-keep', '--yes', '--backup-dir', notADir);
    assert.equal(r.code, 1, `${r.stdout}\n${r.stderr}`);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
    assert.equal(errors.length, 1, r.stderr);
    assert.match(errors[0]!, /not-a-dir/);
    assert.deepEqual(f.sim.requests.all.filter((q) => q.api === 'eks' && q.method !== 'GET').map((q) => `${q.method} ${q.path}`), [], 'DeleteFargateProfile was not sent');
    assert.equal(status('fp-keep'), 'ACTIVE');
    assert.equal(f.sim.cluster.getPod('keep', 'solo')?.metadata?.uid, uid, 'the pod runs on');
  });
});

describe('profile replace: run again, it continues from its journal', () => {
  test('a replace whose journal is open (its run was killed) is continued by the same command, without --name or --selector', async () => {
    f.sim.cluster.createProfile({ name: 'fp-res', selectors: [{ namespace: 'res' }] });
    f.sim.cluster.apply([namespace('res'), pod('res', 'solo', { labels: { tier: 'web' }, containers: [container({ image: 'nginx:1.27' })] })]);
    await waitUntil('the pod under fp-res', () => f.sim.cluster.getPod('res', 'solo')?.metadata?.labels?.['eks.amazonaws.com/fargate-profile'] === 'fp-res' && f.sim.cluster.getPod('res', 'solo')?.status?.phase === 'Running');
    // The default backup root (XDG_STATE_HOME is `state`), so every start looks there.
    const backupDir = path.join(f.state, 'kubectl-fargate', 'backups');
    // What a run killed right after it started leaves: the journal, nothing done yet (its
    // process on another host, so no start takes it for a run still going).
    const journal = ReplaceJournal.start(backupDir, f.sim.contextName, { old: 'fp-res', spec: { name: 'fp-a-res', selectors: [{ namespace: 'res', labels: { tier: 'web' } }], podExecutionRoleArn: ROLE, subnets: [], tags: {} }, strategy: 'one-at-a-time' });
    writeFileSync(journal.file, readFileSync(journal.file, 'utf8').replace(/"host":"[^"]*"/, '"host":"another-host"'));

    // The next start names it, with the command that continues it.
    const check = await cli('check');
    const warning = check.stderr.split('\n').find((l) => l.includes('did not finish'));
    assert.match(warning ?? '', /^warning: the replace of Fargate profile fp-res by fp-a-res did not finish \(started [^)]+\): continue it with `kubectl fargate profile replace fp-res --context \S+` \(journal \S+replace-fp-res\.open\.jsonl\)$/, check.stderr);

    const other = await cli('profile', 'replace', 'fp-res', '--name', 'fp-other', '--selector', 'res', '--yes');
    assert.equal(other.code, 2, other.stderr);
    assert.match(other.stderr, /^error: a replace of fp-res by fp-a-res is under way \(journal .*\); run `kubectl fargate profile replace fp-res` to continue it$/m);
    assert.equal(status('fp-other'), undefined);

    const r = await cli('profile', 'replace', 'fp-res', '--context', f.sim.contextName, '--yes', '--timeout', '30s');
    assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stderr, /Continuing the replace of fp-res by fp-a-res from its journal/);
    assert.equal(status('fp-a-res'), 'ACTIVE');
    assert.equal(status('fp-res'), undefined, 'the old profile is gone');
    await waitUntil('the pod running under fp-a-res', () => {
      const p = f.sim.cluster.getPod('res', 'solo');
      return p?.metadata?.labels?.['eks.amazonaws.com/fargate-profile'] === 'fp-a-res' && p?.status?.phase === 'Running';
    });
    assert.equal(ReplaceJournal.find(backupDir, f.sim.contextName, 'fp-res'), null, 'the journal is closed');
  });
});
