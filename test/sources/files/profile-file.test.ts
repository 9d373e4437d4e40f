import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readProfilesFile } from '../../../source/sources/files/profile-file.js';
import { UserError } from '../../../source/errors.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-profiles-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

const describeJson = (name: string, extra: object = {}) => ({
  fargateProfileName: name,
  fargateProfileArn: `arn:aws:eks:eu-west-1:111122223333:fargateprofile/demo/${name}/28c4`,
  clusterName: 'demo',
  createdAt: 1687012426.24,
  podExecutionRoleArn: 'arn:aws:iam::111122223333:role/FargatePodExecRole',
  subnets: ['subnet-0d9124ff945abf078'],
  selectors: [{ namespace: 'dev', labels: { env: 'dev' } }],
  status: 'CREATING',
  tags: {},
  ...extra,
});

describe('readProfilesFile formats', () => {
  const formats: { rule: string; name: string; text: string; names: string[] }[] = [
    {
      rule: 'eksctl ClusterConfig YAML (fargateProfiles)',
      name: 'cluster.yaml',
      text: `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: cluster-16, region: ap-northeast-1}
fargateProfiles:
  - name: fp-default
    selectors:
      - namespace: default
      - namespace: kube-system
  - name: fp-dev
    podExecutionRoleARN: arn:aws:iam::1:role/exec
    selectors:
      - namespace: dev
        labels: {env: dev, checks: passed}
    tags: {env: dev}
`,
      names: ['fp-default', 'fp-dev'],
    },
    {
      rule: 'eksctl ClusterConfig as JSON',
      name: 'cluster.json',
      text: JSON.stringify({ apiVersion: 'eksctl.io/v1alpha5', kind: 'ClusterConfig', fargateProfiles: [{ name: 'fp-a', selectors: [{ namespace: 'a' }] }] }),
      names: ['fp-a'],
    },
    {
      rule: 'aws eks describe-fargate-profile JSON',
      name: 'describe.json',
      text: JSON.stringify({ fargateProfile: describeJson('fp-dev') }),
      names: ['fp-dev'],
    },
    {
      rule: 'a list of describe-fargate-profile outputs',
      name: 'describes.json',
      text: JSON.stringify([{ fargateProfile: describeJson('fp-1') }, { fargateProfile: describeJson('fp-2') }]),
      names: ['fp-1', 'fp-2'],
    },
    {
      rule: '{fargateProfiles: [...]} of AWS-shaped profiles',
      name: 'wrapped.json',
      text: JSON.stringify({ fargateProfiles: [describeJson('fp-x'), describeJson('fp-y')] }),
      names: ['fp-x', 'fp-y'],
    },
    {
      rule: 'eksctl get fargateprofile -o yaml (a bare list)',
      name: 'eksctl-get.yaml',
      text: `- name: fp-default
  podExecutionRoleARN: arn:aws:iam::1:role/r
  selectors:
  - namespace: default
  status: ACTIVE
  subnets: [subnet-1, subnet-2]
- name: fp-dev
  selectors:
  - namespace: dev
    labels: {env: dev}
`,
      names: ['fp-default', 'fp-dev'],
    },
    {
      rule: 'several YAML documents',
      name: 'multi.yaml',
      text: 'fargateProfile: {fargateProfileName: fp-1, selectors: [{namespace: a}]}\n---\nfargateProfile: {fargateProfileName: fp-2, selectors: [{namespace: b}]}\n',
      names: ['fp-1', 'fp-2'],
    },
  ];
  for (const c of formats) {
    test(c.rule, () => {
      const file = write(c.name, c.text);
      const profiles = readProfilesFile(file);
      assert.deepEqual(profiles.map((p) => p.name), c.names);
      for (const p of profiles) {
        assert.equal(p.source, 'file');
        assert.equal(p.status, 'ACTIVE', 'a file is a proposal: judged as ACTIVE');
        assert.equal(p.file, file);
      }
    });
  }

  test('fields are mapped from both eksctl and AWS spellings', () => {
    const eksctl = readProfilesFile(
      write('fields.yaml', 'fargateProfiles:\n- name: fp\n  podExecutionRoleARN: arn:r\n  subnets: [s-1]\n  tags: {team: x}\n  selectors:\n  - namespace: dev\n    labels: {tier: 1}\n'),
    )[0]!;
    assert.deepEqual(eksctl.selectors, [{ namespace: 'dev', labels: { tier: '1' } }]);
    assert.equal(eksctl.podExecutionRoleArn, 'arn:r');
    assert.deepEqual(eksctl.subnets, ['s-1']);
    assert.deepEqual(eksctl.tags, { team: 'x' });
    const aws = readProfilesFile(write('fields.json', JSON.stringify({ fargateProfile: describeJson('fp-aws') })))[0]!;
    assert.equal(aws.podExecutionRoleArn, 'arn:aws:iam::111122223333:role/FargatePodExecRole');
    assert.deepEqual(aws.selectors, [{ namespace: 'dev', labels: { env: 'dev' } }]);
  });
});

describe('readProfilesFile validation (what EKS would reject)', () => {
  const six = Array.from({ length: 6 }, (_, i) => ({ namespace: `ns${i}` }));
  const sixLabels = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`k${i}`, 'v']));
  const errors: { rule: string; name: string; text: string; error: RegExp }[] = [
    {
      rule: 'at most 5 selectors',
      name: 'profiles.yaml',
      text: JSON.stringify({ fargateProfiles: [{ name: 'fp-x', selectors: six }] }),
      error: /^.*profiles\.yaml: profile fp-x has 6 selectors; EKS allows at most 5$/,
    },
    {
      rule: 'at least 1 selector',
      name: 'none.yaml',
      text: 'fargateProfiles:\n- name: fp-empty\n  selectors: []\n',
      error: /none\.yaml: profile fp-empty has no selectors; EKS needs 1 to 5/,
    },
    {
      rule: 'selectors are required',
      name: 'missing-selectors.yaml',
      text: 'fargateProfiles:\n- name: fp-nosel\n',
      error: /profile fp-nosel has no selectors/,
    },
    {
      rule: 'a selector needs a namespace',
      name: 'nons.yaml',
      text: 'fargateProfiles:\n- name: fp-a\n  selectors:\n  - labels: {a: b}\n',
      error: /profile fp-a selector 1 has no namespace; EKS requires one/,
    },
    {
      rule: 'the namespace may not be empty',
      name: 'emptyns.yaml',
      text: 'fargateProfiles:\n- name: fp-a\n  selectors:\n  - namespace: ""\n',
      error: /profile fp-a selector 1 has no namespace/,
    },
    {
      rule: 'at most 5 label pairs per selector',
      name: 'labels.json',
      text: JSON.stringify({ fargateProfiles: [{ name: 'fp-l', selectors: [{ namespace: 'a' }, { namespace: 'b', labels: sixLabels }] }] }),
      error: /profile fp-l selector 2 has 6 label pairs; EKS allows at most 5/,
    },
    {
      rule: 'a name is required',
      name: 'noname.yaml',
      text: 'fargateProfiles:\n- selectors:\n  - namespace: a\n',
      error: /noname\.yaml: profile #1 has no name/,
    },
    {
      rule: 'the eks- prefix is reserved',
      name: 'reserved.yaml',
      text: 'fargateProfiles:\n- name: eks-mine\n  selectors:\n  - namespace: a\n',
      error: /profile eks-mine: names starting with "eks-" are reserved by AWS/,
    },
    {
      rule: 'names must be unique',
      name: 'dupe.yaml',
      text: 'fargateProfiles:\n- {name: fp, selectors: [{namespace: a}]}\n- {name: fp, selectors: [{namespace: b}]}\n',
      error: /profile name fp appears twice/,
    },
    {
      rule: 'list-fargate-profiles output has only names',
      name: 'list.json',
      text: JSON.stringify({ fargateProfileNames: ['fp-a', 'fp-b'] }),
      error: /list\.json: lists only profile names \(aws eks list-fargate-profiles\); use describe-fargate-profile output/,
    },
    {
      rule: 'a ClusterConfig without profiles',
      name: 'noprofiles.yaml',
      text: 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c}\n',
      error: /noprofiles\.yaml: contains no Fargate profiles/,
    },
    {
      rule: 'something else entirely',
      name: 'other.yaml',
      text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n',
      error: /other\.yaml: document is not a Fargate profile/,
    },
    {
      rule: 'malformed YAML',
      name: 'broken.yaml',
      text: 'fargateProfiles: [\n  - name: x\n',
      error: /broken\.yaml: not valid YAML or JSON: /,
    },
    {
      rule: 'a YAML alias bomb is refused naming the file (not a bare "Excessive alias count")',
      name: 'bomb.yaml',
      text: ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdef'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`)].join('\n'),
      error: /^\S+bomb\.yaml: its YAML aliases \(\*name\) expand to too many nodes \(an alias bomb\), so it is not read$/,
    },
  ];
  for (const c of errors) {
    test(c.rule, () => {
      const file = write(c.name, c.text);
      assert.throws(() => readProfilesFile(file), (error: unknown) => {
        assert.ok(error instanceof UserError);
        assert.match(error.message, c.error);
        return true;
      });
    });
  }

  test('a missing file', () => {
    assert.throws(() => readProfilesFile(path.join(dir, 'nope.yaml')), /nope\.yaml: no such file/);
  });
});
