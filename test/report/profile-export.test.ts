// Each export format: the eksctl ClusterConfig is read back by the tool's own --profiles-file
// reader; the Terraform is valid HCL (checked by `terraform fmt` when terraform is on PATH: it
// parses the text and must leave it unchanged, i.e. it is already in canonical form; and by a
// structural reading always); CloudFormation's shapes follow AWS::EKS::FargateProfile; the JSON is
// the CreateFargateProfile request.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fc from 'fast-check';
import { parse } from 'yaml';
import type { Profile } from '../../source/domain/types.js';
import { exportProfiles, hclString, logicalId, terraformName } from '../../source/report/profile-export.js';
import { parseProfiles } from '../../source/sources/files/profile-file.js';

const CLUSTER = { name: 'demo', region: 'us-east-1' };
const ROLE = 'arn:aws:iam::111122223333:role/AmazonEKSFargatePodExecutionRole';
const p = (name: string, o: Partial<Profile> = {}): Profile => ({ name, status: 'ACTIVE', selectors: [{ namespace: name }], subnets: [], podExecutionRoleArn: ROLE, source: 'eks', ...o });

const PROFILES: Profile[] = [
  p('fp-default', { selectors: [{ namespace: 'default' }, { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } }], subnets: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'] }),
  p('fp-batch', { selectors: [{ namespace: 'batch-*' }, { namespace: 'data', labels: { tier: 'back*', 'app.kubernetes.io/name': 'etl?' } }], tags: { team: 'data', 'cost-center': '${x}' } }),
  p('0-first', { selectors: [{ namespace: 'a' }] }),
];

/** `terraform fmt -` on the text: its output (canonical HCL) or null when terraform is not installed. */
function terraformFmt(text: string): Promise<{ code: number; out: string; err: string } | null> {
  return new Promise((resolve) => {
    const child = execFile('terraform', ['fmt', '-no-color', '-'], { timeout: 30_000 }, (error, out, err) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') return resolve(null);
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err });
    });
    child.stdin!.end(text);
  });
}

/**
 * A reading of the HCL subset the export writes (blocks, `key = value` with strings, lists of
 * strings and maps of strings), independent of the writer: braces balance, every string is closed,
 * and it gives back the profiles' values.
 */
function readHcl(text: string): { type: string; name: string; attrs: Record<string, unknown>; selectors: Record<string, unknown>[] }[] {
  const str = /"((?:[^"\\]|\\.)*)"/y;
  const unquote = (s: string) => JSON.parse(`"${s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{')}"`) as string;
  const resources: ReturnType<typeof readHcl> = [];
  const lines = text.split('\n');
  let i = 0;
  const readMap = (): Record<string, string> => {
    const map: Record<string, string> = {};
    for (i++; lines[i]!.trim() !== '}'; i++) {
      const m = /^\s*"((?:[^"\\]|\\.)*)"\s*=\s*"((?:[^"\\]|\\.)*)"$/.exec(lines[i]!);
      assert.ok(m, `map entry expected, got ${lines[i]}`);
      map[unquote(m[1]!)] = unquote(m[2]!);
    }
    return map;
  };
  const readAttrs = (into: Record<string, unknown>): void => {
    const line = lines[i]!;
    const m = /^\s*([a-z_]+)\s*=\s*(.*)$/.exec(line);
    assert.ok(m, `attribute expected, got ${line}`);
    const value = m[2]!;
    if (value === '{') into[m[1]!] = readMap();
    else if (value.startsWith('[')) into[m[1]!] = [...value.slice(1, -1).matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((x) => unquote(x[1]!));
    else {
      str.lastIndex = 0;
      const s = str.exec(value);
      assert.ok(s && s[0].length === value.length, `one string expected, got ${value}`);
      into[m[1]!] = unquote(s[1]!);
    }
  };
  for (; i < lines.length; i++) {
    const head = /^resource "([^"]+)" "([^"]+)" \{$/.exec(lines[i]!);
    if (!head) {
      assert.equal(lines[i]!.trim(), '', `unexpected top-level line ${lines[i]}`);
      continue;
    }
    const resource = { type: head[1]!, name: head[2]!, attrs: {} as Record<string, unknown>, selectors: [] as Record<string, unknown>[] };
    for (i++; lines[i] !== '}'; i++) {
      if (lines[i]!.trim() === '') continue;
      if (lines[i]!.trim() === 'selector {') {
        const selector: Record<string, unknown> = {};
        for (i++; lines[i]!.trim() !== '}'; i++) readAttrs(selector);
        resource.selectors.push(selector);
      } else readAttrs(resource.attrs);
    }
    resources.push(resource);
  }
  return resources;
}

describe('profile export', () => {
  test('eksctl: a ClusterConfig the tool reads back with --profiles-file, the same profiles', () => {
    const text = exportProfiles(PROFILES, 'eksctl', CLUSTER);
    const doc = parse(text);
    assert.equal(doc.apiVersion, 'eksctl.io/v1alpha5');
    assert.equal(doc.kind, 'ClusterConfig');
    assert.deepEqual(doc.metadata, { name: 'demo', region: 'us-east-1' });
    assert.equal(doc.fargateProfiles[0].podExecutionRoleARN, ROLE, 'eksctl spells it podExecutionRoleARN');
    const back = parseProfiles(text, 'export.yaml');
    assert.deepEqual(
      back.map(({ name, selectors, subnets, podExecutionRoleArn, tags }) => ({ name, selectors, subnets, podExecutionRoleArn, tags })),
      PROFILES.map(({ name, selectors, subnets, podExecutionRoleArn, tags }) => ({ name, selectors, subnets, podExecutionRoleArn, tags })),
    );
  });

  test('eksctl, generated profiles: read back unchanged (property)', () => {
    const word = fc.stringMatching(/^[a-z0-9][a-z0-9*?-]{0,12}$/);
    const text = fc.string({ maxLength: 12 });
    const profile = fc.record({
      name: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,20}$/),
      selectors: fc.array(fc.record({ namespace: word, labels: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9./-]{0,15}$/), text, { maxKeys: 5 }) }), { minLength: 1, maxLength: 5 }),
      subnets: fc.array(fc.stringMatching(/^subnet-[0-9a-f]{8}$/), { maxLength: 3 }),
      tags: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9:_-]{0,10}$/), text, { maxKeys: 4 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(profile, { selector: (x) => x.name, minLength: 1, maxLength: 4 }), (raw) => {
        const profiles = raw.map((r) =>
          p(r.name, {
            selectors: r.selectors.map((s) => (Object.keys(s.labels).length > 0 ? { namespace: s.namespace, labels: { ...s.labels } } : { namespace: s.namespace })),
            subnets: r.subnets,
            ...(Object.keys(r.tags).length > 0 ? { tags: { ...r.tags } } : {}),
          }),
        );
        const back = parseProfiles(exportProfiles(profiles, 'eksctl', CLUSTER), 'x.yaml');
        assert.deepEqual(back.map((b) => [b.name, b.selectors, b.subnets, b.tags]), profiles.map((b) => [b.name, b.selectors, b.subnets, b.tags]));
      }),
      { numRuns: 150 },
    );
  });

  test('terraform: aws_eks_fargate_profile resources, read back to the same values', () => {
    const resources = readHcl(exportProfiles(PROFILES, 'terraform', CLUSTER));
    assert.deepEqual(resources.map((r) => [r.type, r.name]), [
      ['aws_eks_fargate_profile', 'fp-default'],
      ['aws_eks_fargate_profile', 'fp-batch'],
      ['aws_eks_fargate_profile', 'fp_0-first'],
    ]);
    const batch = resources[1]!;
    assert.deepEqual(batch.attrs, { cluster_name: 'demo', fargate_profile_name: 'fp-batch', pod_execution_role_arn: ROLE, tags: { team: 'data', 'cost-center': '${x}' } });
    assert.deepEqual(batch.selectors, [{ namespace: 'batch-*' }, { namespace: 'data', labels: { tier: 'back*', 'app.kubernetes.io/name': 'etl?' } }]);
    assert.deepEqual(resources[0]!.attrs.subnet_ids, ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002']);
  });

  test('terraform: valid HCL in canonical form (terraform fmt parses it and changes nothing)', async (t) => {
    const nasty = p('odd', { selectors: [{ namespace: 'x', labels: { 'a"b': 'c\\d', e: '%{f}' } }], tags: { 'k': 'line\nbreak\t$${y}' } });
    const text = exportProfiles([...PROFILES, nasty], 'terraform', CLUSTER);
    const fmt = await terraformFmt(text);
    if (fmt === null) return t.skip('terraform is not on PATH');
    assert.equal(fmt.code, 0, `terraform fmt refused it:\n${fmt.err}\n${text}`);
    assert.equal(fmt.out, text);
    const broken = await terraformFmt(text.replace('selector {', 'selector {{'));
    assert.notEqual(broken!.code, 0, 'terraform fmt does fail on broken HCL');
  });

  test('terraform: strings are escaped so Terraform reads them literally', () => {
    assert.equal(hclString('a"b\\c'), '"a\\"b\\\\c"');
    assert.equal(hclString('${var.x} %{if}'), '"$${var.x} %%{if}"');
    assert.equal(terraformName('9lives'), 'fp_9lives');
    assert.equal(terraformName('fp.apps'), 'fp_apps');
  });

  test('cloudformation: AWS::EKS::FargateProfile resources, labels and tags as Key/Value lists, created one after another', () => {
    const doc = parse(exportProfiles(PROFILES, 'cloudformation', CLUSTER));
    assert.equal(doc.AWSTemplateFormatVersion, '2010-09-09');
    const ids = Object.keys(doc.Resources);
    assert.deepEqual(ids, ['FpDefault', 'FpBatch', 'Profile0First']);
    const batch = doc.Resources.FpBatch;
    assert.equal(batch.Type, 'AWS::EKS::FargateProfile');
    // EKS creates one profile at a time per cluster: each depends on the one before.
    assert.equal(batch.DependsOn, 'FpDefault');
    assert.equal(doc.Resources.FpDefault.DependsOn, undefined);
    assert.deepEqual(batch.Properties, {
      ClusterName: 'demo',
      FargateProfileName: 'fp-batch',
      PodExecutionRoleArn: ROLE,
      Selectors: [{ Namespace: 'batch-*' }, { Namespace: 'data', Labels: [{ Key: 'tier', Value: 'back*' }, { Key: 'app.kubernetes.io/name', Value: 'etl?' }] }],
      Tags: [{ Key: 'team', Value: 'data' }, { Key: 'cost-center', Value: '${x}' }],
    });
    assert.deepEqual(doc.Resources.FpDefault.Properties.Subnets, ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002']);
  });

  test('cloudformation: logical IDs are alphanumeric and unique', () => {
    const used = new Set<string>();
    assert.deepEqual(['fp-a', 'fp_a', 'FpA'].map((n) => logicalId(n, used)), ['FpA', 'FpA2', 'FpA3']);
  });

  test('json: the CreateFargateProfile request (one object for one profile, a list for several)', () => {
    const one = JSON.parse(exportProfiles([PROFILES[1]!], 'json', CLUSTER));
    assert.deepEqual(one, {
      fargateProfileName: 'fp-batch',
      clusterName: 'demo',
      podExecutionRoleArn: ROLE,
      selectors: [{ namespace: 'batch-*' }, { namespace: 'data', labels: { tier: 'back*', 'app.kubernetes.io/name': 'etl?' } }],
      tags: { team: 'data', 'cost-center': '${x}' },
    });
    assert.equal(JSON.parse(exportProfiles(PROFILES, 'json', CLUSTER)).length, 3);
  });
});
