// Nothing moves unless the user meant it: every `profile create|replace|delete` the built CLI is
// given with bad input, an odd flag form, --read-only, --dry-run or no way to confirm is run
// against the sim, and the sim's request log must show no write to EKS or Kubernetes, its
// profiles unchanged and no backup written. Bad input is exit 2 and one `error:` line.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import type { SimRequest } from '../../source/sim/index.js';
import { parseProfiles } from '../../source/sources/files/profile-file.js';
import type { CliResult } from '../helpers/cli.js';
import { filesUnder } from '../helpers/files.js';
import { cliSimForFile, FAST } from '../helpers/sim.js';

// The walkthrough's fp-analytics stays CREATING for the whole file (a minute at real speed).
const f = cliSimForFile({ scenario: 'walkthrough', timing: FAST }, 'kf-profile-writes-');

const cli = f.runLogged;
/** Writes to either API: an EKS request other than a read, or a Kubernetes write. */
const writes = (): SimRequest[] => [...f.sim.requests.all.filter((r) => r.api === 'eks' && r.method !== 'GET'), ...f.sim.requests.writes()];
const profilesNow = (): string[] => f.sim.cluster.profiles().map((p) => `${p.name}:${p.status}`).sort();
const podsNow = (): string[] => f.sim.cluster.listPods().map((p) => `${p.metadata.namespace}/${p.metadata.name}:${String(p.metadata.uid)}`).sort();

async function assertNothingSent(run: () => Promise<CliResult>): Promise<CliResult> {
  const [profiles, pods] = [profilesNow(), podsNow()];
  const r = await run();
  assert.deepEqual(writes().map((w) => `${w.api} ${w.method} ${w.path}`), [], `nothing was sent:\n${r.stderr}`);
  assert.deepEqual(profilesNow(), profiles, 'the profiles are as they were');
  assert.deepEqual(podsNow(), pods, 'no pod was deleted or created');
  assert.deepEqual(filesUnder(f.state), [], 'no backup or journal was written');
  return r;
}

interface Row {
  rule: string;
  args: string[];
  exit: number;
  stderr: RegExp;
}

const SEL = ['--selector', 'analytics'];
const ROLE = ['--role', 'arn:aws:iam::111122223333:role/AmazonEKSFargatePodExecutionRole'];

const ROWS: Row[] = [
  // ---- usage: exit 2 before anything is contacted ----
  { rule: 'create without a name', args: ['profile', 'create', ...SEL], exit: 2, stderr: /^error: profile create needs the name of the new profile; e\.g\. / },
  { rule: 'create without --selector', args: ['profile', 'create', 'fp-new'], exit: 2, stderr: /^error: profile create needs at least one --selector; / },
  { rule: 'a name EKS refuses', args: ['profile', 'create', 'Bad_Name!', ...SEL], exit: 2, stderr: /^error: invalid profile name "Bad_Name!"; / },
  { rule: 'a selector that is not NS[:key=value,...]', args: ['profile', 'create', 'fp-new', '--selector', 'apps:tier'], exit: 2, stderr: /^error: --selector "apps:tier": "tier" is not a label key=value; write it as NS\[:key=value,\.\.\.\]/ },
  { rule: 'more than EKS\'s 5 selectors', args: ['profile', 'create', 'fp-new', ...['a', 'b', 'c', 'd', 'e', 'f'].flatMap((n) => ['--selector', n])], exit: 2, stderr: /^error: .*5.*; / },
  { rule: '-n: a profile is cluster-wide', args: ['profile', 'create', 'fp-new', ...SEL, '-n', 'apps'], exit: 2, stderr: /^error: --namespace does not apply to profile create; / },
  { rule: '-lapp=x is kubectl\'s label selector, not a Fargate selector', args: ['profile', 'create', 'fp-new', '-lapp=x'], exit: 2, stderr: /^error: -l is kubectl's label selector/ },
  { rule: '--tag without =', args: ['profile', 'create', 'fp-new', ...SEL, '--tag', 'team'], exit: 2, stderr: /^error: --tag "team" is not key=value; / },
  { rule: '--wait=maybe', args: ['profile', 'create', 'fp-new', ...SEL, '--wait=maybe', '--yes'], exit: 2, stderr: /^error: invalid value "maybe" for --wait/ },
  { rule: '--yes=perhaps is not a yes', args: ['profile', 'delete', 'fp-test', '--yes=perhaps'], exit: 2, stderr: /^error: invalid value "perhaps" for --yes/ },
  { rule: '--dry-run=server: the EKS API has no dry run', args: ['profile', 'create', 'fp-new', ...SEL, '--dry-run=server', '--yes'], exit: 2, stderr: /^error: --dry-run=server: the EKS API has no dry run/ },
  { rule: '--dry-run=bogus', args: ['profile', 'delete', 'fp-test', '--dry-run=bogus', '--yes'], exit: 2, stderr: /^error: invalid --dry-run "bogus"/ },
  { rule: 'delete without a name', args: ['profile', 'delete', '--yes'], exit: 2, stderr: /^error: profile delete needs the name of the profile to delete/ },
  { rule: 'delete of two profiles at once', args: ['profile', 'delete', 'fp-test', 'fp-default', '--yes'], exit: 2, stderr: /^error: profile delete takes one profile name, got 2/ },
  { rule: 'delete -oyaml (nothing to print that way)', args: ['profile', 'delete', 'fp-test', '-oyaml', '--yes'], exit: 2, stderr: /^error: --output does not apply to profile delete/ },
  { rule: 'replace by itself', args: ['profile', 'replace', 'fp-test', '--name', 'fp-test', ...SEL, '--yes'], exit: 2, stderr: /^error: --name fp-test is the profile being replaced; / },
  { rule: 'replace without --name', args: ['profile', 'replace', 'fp-test', ...SEL, '--yes'], exit: 2, stderr: /^error: profile replace needs --name NEW/ },
  { rule: 'an unknown subcommand', args: ['profile', 'remove', 'fp-test', '--yes'], exit: 2, stderr: /^error: unknown profile subcommand "remove"; use one of: / },
  // ---- --read-only hides every profile write ----
  { rule: '--read-only create', args: ['profile', 'create', 'fp-new', ...SEL, '--read-only', '--yes'], exit: 2, stderr: /^error: --read-only: profile create would change the cluster; / },
  { rule: '--read-only replace', args: ['profile', 'replace', 'fp-test', '--name', 'fp-test-v2', ...SEL, '--read-only', '--yes'], exit: 2, stderr: /^error: --read-only: profile replace would change the cluster; / },
  { rule: '--read-only delete', args: ['profile', 'delete', 'fp-test', '--read-only', '--yes'], exit: 2, stderr: /^error: --read-only: profile delete would change the cluster; / },
  // ---- no terminal to ask, no --yes ----
  { rule: 'create with stdin not a terminal and no --yes', args: ['profile', 'create', 'fp-new', ...SEL], exit: 2, stderr: /^error: refusing to create profile fp-new without confirmation: pass --yes/ },
  { rule: 'delete with stdin not a terminal and no --yes', args: ['profile', 'delete', 'fp-test'], exit: 2, stderr: /^error: refusing to delete profile fp-test without confirmation: pass --yes/ },
  { rule: 'delete with --yes=false', args: ['profile', 'delete', 'fp-test', '--yes=false'], exit: 2, stderr: /^error: refusing to delete profile fp-test without confirmation: pass --yes/ },
  { rule: 'replace with stdin not a terminal and no --yes', args: ['profile', 'replace', 'fp-test', '--name', 'fp-test-v2', ...SEL], exit: 2, stderr: /^error: refusing to replace profile fp-test without confirmation: pass --yes/ },
  // ---- what the cluster says no to: exit 1, one line ----
  { rule: 'create of a profile that exists', args: ['profile', 'create', 'fp-test', ...SEL, '--yes'], exit: 1, stderr: /^error: profile fp-test exists already \(ACTIVE\); profiles are immutable/ },
  { rule: 'delete of a profile that does not exist', args: ['profile', 'delete', 'fp-nope', '--yes'], exit: 1, stderr: /^error: no Fargate profile fp-nope in cluster \S+; see `kubectl fargate profile list`/ },
  { rule: 'delete of a CREATING profile', args: ['profile', 'delete', 'fp-analytics', '--yes'], exit: 1, stderr: /^error: profile fp-analytics is CREATING; EKS deletes a profile only once it is ACTIVE/ },
  {
    rule: 'replace by a profile that would not take OLD\'s pods (labels are ANDed): refused, saying where they would go',
    args: ['profile', 'replace', 'fp-default', '--name', 'fp-default-v2', '--selector', 'default:tier=nope', '--yes'],
    exit: 1,
    stderr: /^error: .*fp-default-v2.*default\/\S+ would go to (EC2|profile \S+) \(/,
  },
  {
    rule: 'replace of controller pods by a profile sorting after OLD: EKS would stop them all at once, refused',
    args: ['profile', 'replace', 'fp-default', '--name', 'fp-default-v2', '--selector', 'default', '--yes'],
    exit: 1,
    stderr: /^error: fp-default-v2 sorts after fp-default, so EKS keeps choosing fp-default .*; name the new profile so it sorts before fp-default/,
  },
  { rule: 'replace of a profile that does not exist', args: ['profile', 'replace', 'fp-nope', '--name', 'fp-nope-v2', ...SEL, '--yes'], exit: 1, stderr: /^error: .*fp-nope/ },
];

describe('profile writes: bad input, odd flags, --read-only and no confirmation send nothing', () => {
  for (const row of ROWS) {
    test(row.rule, async () => {
      const r = await assertNothingSent(() => cli(...row.args));
      assert.equal(r.code, row.exit, `exit code\n${r.stdout}\n${r.stderr}`);
      const lines = r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('warning: '));
      assert.equal(lines.length, 1, `one line:\n${r.stderr}`);
      assert.match(lines[0]!, row.stderr);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    });
  }
});

describe('profile writes: --dry-run previews and sends nothing', () => {
  test('create --dry-run -o eksctl: the what-if, then a ClusterConfig the --profiles-file reader takes', async () => {
    const r = await assertNothingSent(() => cli('profile', 'create', 'fp-analytics-2', '--selector', 'analytics', ...ROLE, '--dry-run', '-o', 'eksctl'));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /What if: fp-analytics-2 would take \d+ pods? if re-created now/, r.stderr);
    assert.match(r.stderr, /analytics\//, 'the what-if names the pods it captures');
    assert.match(r.stderr, /CreateFargateProfile was not sent/);
    const doc = parse(r.stdout);
    assert.equal(doc.kind, 'ClusterConfig');
    const [profile] = parseProfiles(r.stdout, 'dry-run.yaml');
    assert.equal(profile?.name, 'fp-analytics-2');
    assert.deepEqual(profile?.selectors, [{ namespace: 'analytics' }]);
  });

  test('create --dry-run: the CreateFargateProfile request as JSON', async () => {
    const r = await assertNothingSent(() => cli('profile', 'create', 'fp-new', '--selector', 'apps:tier=web', ...ROLE, '--tag', 'team=web', '--dry-run'));
    assert.equal(r.code, 0, r.stderr);
    const request = JSON.parse(r.stdout);
    assert.equal(request.fargateProfileName, 'fp-new');
    assert.deepEqual(request.selectors, [{ namespace: 'apps', labels: { tier: 'web' } }]);
    assert.deepEqual(request.tags, { team: 'web' });
  });

  test('delete --dry-run: what EKS would stop, no backup, no DeleteFargateProfile', async () => {
    const r = await assertNothingSent(() => cli('profile', 'delete', 'fp-default', '--dry-run'));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Deleting profile fp-default makes EKS stop the \d+ pods it launched/);
    assert.match(r.stderr, /DeleteFargateProfile was not sent and nothing was backed up/);
  });

  test('replace --dry-run: the new profile, nothing sent', async () => {
    const r = await assertNothingSent(() => cli('profile', 'replace', 'fp-test', '--name', 'fp-test-a', '--selector', 'test', '--dry-run'));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).fargateProfileName, 'fp-test-a');
    assert.match(r.stderr, /nothing was sent/);
  });
});
