// The krew validator (a port of what krew-index's CI enforces) accepts our generated manifest and
// rejects each way a manifest can break one of krew's rules. Each case names the rule and where
// krew enforces it.
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { renderManifest } from '../../scripts/release/manifest.mjs';
import { TARGETS, archiveName } from '../../scripts/release/targets.mjs';
import { installedFiles, selectorMatches, validateManifest } from '../../scripts/release/validate-krew.mjs';

type Manifest = {
  apiVersion?: unknown;
  kind?: unknown;
  metadata: { name?: unknown };
  spec: {
    version?: unknown;
    shortDescription?: unknown;
    description?: unknown;
    caveats?: unknown;
    platforms: Record<string, unknown>[];
  };
};

// Realistic digests: an all-digit one would parse as a YAML number.
const fakeSha = (i: number) => createHash('sha256').update(String(i)).digest('hex');
const VALID_TEXT = renderManifest({ version: '1.2.3', sha256: Object.fromEntries(TARGETS.map((t, i) => [archiveName(t, '1.2.3'), fakeSha(i)])) });
const valid = (): Manifest => parse(VALID_TEXT) as Manifest;
const FILE = 'fargate.yaml';

const platform = (m: Manifest, i = 0): Record<string, unknown> => m.spec.platforms[i]!;
const selectorOf = (os: string, arch: string) => ({ matchLabels: { os, arch } });

describe('validateManifest accepts', () => {
  const cases: { rule: string; mutate?: (m: Manifest) => void }[] = [
    { rule: 'the generated manifest (as plugins/fargate.yaml)' },
    { rule: 'files may be left out: krew defaults to {from: "*", to: "."} (validateFiles)', mutate: (m) => delete platform(m).files },
    {
      rule: 'matchExpressions with In are a valid selector (validateSelector, LabelSelectorAsSelector)',
      mutate: (m) => (platform(m).selector = { matchExpressions: [{ key: 'os', operator: 'In', values: ['darwin'] }, { key: 'arch', operator: 'In', values: ['amd64'] }] }),
    },
    { rule: 'pre-release and build metadata are semver (semver.Parse)', mutate: (m) => (m.spec.version = 'v1.2.3-rc.1+abc') },
  ];
  for (const { rule, mutate } of cases) {
    test(rule, () => {
      const m = valid();
      mutate?.(m);
      assert.deepEqual(validateManifest(m, FILE), { errors: [], warnings: [] });
    });
  }
});

describe('validateManifest rejects (krew-index rules)', () => {
  const cases: { rule: string; mutate?: (m: Manifest) => void; file?: string; error: RegExp }[] = [
    { rule: 'apiVersion must be krew.googlecontainertools.github.com/v1alpha2 (ValidatePlugin)', mutate: (m) => (m.apiVersion = 'krew.googlecontainertools.github.com/v1alpha1'), error: /apiVersion must be/ },
    { rule: 'kind must be Plugin (ValidatePlugin)', mutate: (m) => (m.kind = 'Plugins'), error: /kind must be "Plugin"/ },
    { rule: 'the manifest file must be .yaml (validate-krew-manifest)', file: 'fargate.yml', error: /extension "\.yaml"/ },
    { rule: 'metadata.name must equal the file name (ValidatePlugin)', file: 'eks-fargate.yaml', error: /should be named "eks-fargate"/ },
    { rule: 'the name must match ^[\\w-]+$ (IsSafePluginName)', file: 'far.gate.yaml', mutate: (m) => (m.metadata.name = 'far.gate'), error: /not allowed/ },
    { rule: 'Windows device names are not plugin names (IsSafePluginName)', file: 'con.yaml', mutate: (m) => (m.metadata.name = 'con'), error: /not allowed/ },
    { rule: 'shortDescription is required (ValidatePlugin)', mutate: (m) => (m.spec.shortDescription = ''), error: /short description/ },
    { rule: 'shortDescription is one line (ValidatePlugin)', mutate: (m) => (m.spec.shortDescription = 'two\nlines'), error: /line breaks in short description/ },
    { rule: 'a version is required (ValidatePlugin)', mutate: (m) => delete m.spec.version, error: /should have a version/ },
    { rule: 'the version starts with v (semver.Parse)', mutate: (m) => (m.spec.version = '1.2.3'), error: /not starting with 'v'/ },
    { rule: 'the version is MAJOR.MINOR.PATCH (k8s ParseSemantic)', mutate: (m) => (m.spec.version = 'v1.2'), error: /not semantic/ },
    { rule: 'at least one platform (ValidatePlugin)', mutate: (m) => (m.spec.platforms = []), error: /platform specified/ },
    { rule: 'uri is required (validatePlatform)', mutate: (m) => delete platform(m).uri, error: /`uri` has to be set/ },
    { rule: 'sha256 is required (validatePlatform)', mutate: (m) => delete platform(m).sha256, error: /`sha256` sum has to be set/ },
    { rule: 'sha256 is 64 lowercase hex digits (validatePlatform)', mutate: (m) => (platform(m).sha256 = fakeSha(10).toUpperCase()), error: /is not valid, must match pattern/ },
    { rule: 'bin is required (validatePlatform)', mutate: (m) => delete platform(m).bin, error: /`bin` has to be set/ },
    { rule: 'files, if given, is non-empty (validateFiles)', mutate: (m) => (platform(m).files = []), error: /unspecified or non-empty/ },
    { rule: 'each file operation has from and to (validateFiles)', mutate: (m) => (platform(m).files = [{ from: 'LICENSE' }]), error: /`to` field has to be set/ },
    { rule: 'a selector is required (validateSelector)', mutate: (m) => delete platform(m).selector, error: /nil selector/ },
    { rule: 'an empty selector matches everything and is refused (validateSelector)', mutate: (m) => (platform(m).selector = {}), error: /empty selector/ },
    { rule: 'matchLabels, if given, is non-empty (validateSelector)', mutate: (m) => (platform(m).selector = { matchLabels: {} }), error: /`matchLabels` specified but empty/ },
    {
      rule: 'matchExpressions, if given, is non-empty (validateSelector)',
      mutate: (m) => (platform(m).selector = { matchLabels: { os: 'darwin', arch: 'amd64' }, matchExpressions: [] }),
      error: /`matchExpressions` specified but empty/,
    },
    { rule: 'selectors use only the os and arch keys (validateSelector)', mutate: (m) => (platform(m).selector = { matchLabels: { os: 'linux', arch: 'amd64', libc: 'musl' } }), error: /key "libc" not supported/ },
    { rule: 'every selector matches a supported os/arch (validate-krew-manifest)', mutate: (m) => (platform(m).selector = selectorOf('freebsd', 'amd64')), error: /doesn't match any supported platforms/ },
    { rule: 'an unknown operator matches nothing (LabelSelectorAsSelector fails)', mutate: (m) => (platform(m).selector = { matchExpressions: [{ key: 'os', operator: 'Like', values: ['darwin'] }] }), error: /doesn't match any supported/ },
    { rule: 'no two platforms select the same os/arch (isOverlappingPlatformSelectors)', mutate: (m) => m.spec.platforms.push({ ...platform(m, 2) }), error: /overlapping selectors that select os=linux\/arch=amd64/ },
    {
      rule: 'a broad selector overlaps the specific ones (isOverlappingPlatformSelectors)',
      mutate: (m) => (platform(m, 3).selector = { matchLabels: { os: 'linux' } }),
      error: /overlapping selectors that select os=linux\/arch=amd64/,
    },
    { rule: 'Windows runs only .exe entrypoints (ours: krew#131, plugin-manifest.md)', mutate: (m) => (platform(m, 4).bin = 'kubectl-fargate'), error: /must end in \.exe/ },
    { rule: 'a description is required (ours)', mutate: (m) => (m.spec.description = ' '), error: /should have a description/ },
  ];
  for (const { rule, mutate, file = FILE, error } of cases) {
    test(rule, () => {
      const m = valid();
      mutate?.(m);
      const { errors } = validateManifest(m, file);
      assert.ok(errors.some((e) => error.test(e)), `expected an error matching ${error}, got ${JSON.stringify(errors)}`);
    });
  }
});

describe('validateManifest warns (as krew-index only warns)', () => {
  test('shortDescription past 70 columns', () => {
    const m = valid();
    m.spec.shortDescription = 'word '.repeat(15).trim();
    const { errors, warnings } = validateManifest(m, FILE);
    assert.deepEqual(errors, []);
    assert.match(warnings.join('\n'), /shortDescription. exceeds 70/);
  });
});

describe('selectorMatches (metav1 label selectors over {os, arch})', () => {
  const linux = { os: 'linux', arch: 'amd64' };
  const cases: { rule: string; selector: unknown; matches: boolean }[] = [
    { rule: 'matchLabels are ANDed', selector: { matchLabels: { os: 'linux', arch: 'arm64' } }, matches: false },
    { rule: 'NotIn excludes', selector: { matchExpressions: [{ key: 'arch', operator: 'NotIn', values: ['amd64'] }] }, matches: false },
    { rule: 'Exists needs the key', selector: { matchExpressions: [{ key: 'os', operator: 'Exists' }] }, matches: true },
    { rule: 'In needs values', selector: { matchExpressions: [{ key: 'os', operator: 'In', values: [] }] }, matches: false },
  ];
  for (const { rule, selector, matches } of cases) test(rule, () => assert.equal(selectorMatches(selector, linux), matches));
});

describe('installedFiles (krew file operations)', () => {
  const entries = [{ name: 'kubectl-fargate', mode: 0o755, size: 1 }, { name: 'LICENSE', mode: 0o644, size: 1 }];
  test('no files: everything at the root is installed', () => {
    assert.deepEqual(installedFiles(entries, undefined).map((f) => f.to).sort(), ['LICENSE', 'kubectl-fargate']);
  });
  test('a from that matches nothing fails the install', () => {
    assert.throws(() => installedFiles(entries, [{ from: 'bin/*', to: '.' }]), /no files in the plugin archive matched/);
  });
  test('a direct path can be renamed by to', () => {
    assert.deepEqual(installedFiles(entries, [{ from: 'LICENSE', to: 'LICENSE.txt' }]), [{ from: 'LICENSE', to: 'LICENSE.txt' }]);
  });
});
