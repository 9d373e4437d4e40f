// The committed krew-manifest.yaml and .krew.yaml: valid under krew-index's rules, generated
// (not hand-edited), for package.json's version, and in agreement with each other once
// krew-release-bot has rendered the template.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PLUGIN_NAME, renderKrewTemplate, renderManifest } from '../../scripts/release/manifest.mjs';
import { TARGETS, archiveName, binName, completionName, releaseUri } from '../../scripts/release/targets.mjs';
import { validateManifest } from '../../scripts/release/validate-krew.mjs';
import { ROOT, VERSION } from './release-fixture.js';

interface Platform {
  selector: { matchLabels: { os: string; arch: string } };
  uri: string;
  sha256: string;
  bin: string;
  files?: { from: string; to: string }[];
}
interface Plugin {
  metadata: { name: string };
  spec: { version: string; shortDescription: string; description: string; caveats: string; homepage: string; platforms: Platform[] };
}

const manifestText = readFileSync(join(ROOT, 'krew-manifest.yaml'), 'utf8');
const manifest = parse(manifestText) as Plugin;
const templateText = readFileSync(join(ROOT, '.krew.yaml'), 'utf8');
const shaByArchive = Object.fromEntries(manifest.spec.platforms.map((p) => [p.uri.split('/').pop()!, p.sha256]));

/**
 * krew-release-bot's rendering (pkg/source/template.go): Go template actions `{{ .TagName }}`
 * and `{{addURIAndSha "URL" .TagName }}`, the latter becoming `uri: URL` + `    sha256: SHA` of
 * the downloaded asset. Anything else in `{{ }}` would fail the bot, so it fails here too.
 */
function renderLikeReleaseBot(template: string, tag: string, sha256: (url: string) => string): string {
  return template
    .split('\n')
    .map((line) => {
      const call = /^(\s*)\{\{addURIAndSha "(.+)" \.TagName \}\}$/.exec(line);
      if (call) {
        const url = call[2]!.replaceAll('{{ .TagName }}', tag);
        return `${call[1]}uri: ${url}\n    sha256: ${sha256(url)}`;
      }
      const rendered = line.replaceAll('{{ .TagName }}', tag);
      if (rendered.includes('{{')) throw new Error(`krew-release-bot cannot render: ${line}`);
      return rendered;
    })
    .join('\n');
}

describe('krew-manifest.yaml (committed at the repo root)', () => {
  test('passes krew-index validation as plugins/fargate.yaml, without warnings', () => {
    assert.deepEqual(validateManifest(manifest, `${PLUGIN_NAME}.yaml`), { errors: [], warnings: [] });
  });

  test("is for package.json's version", () => {
    assert.equal(manifest.spec.version, `v${VERSION}`);
  });

  test('has one platform per target, downloading its archive from the GitHub release', () => {
    assert.deepEqual(
      manifest.spec.platforms.map((p) => p.selector.matchLabels),
      TARGETS.map((t) => ({ os: t.os, arch: t.arch })),
    );
    for (const [i, t] of TARGETS.entries()) {
      const p = manifest.spec.platforms[i]!;
      assert.equal(p.uri, releaseUri(t, VERSION));
      assert.equal(p.bin, binName(t));
      assert.match(p.uri, t.os === 'windows' ? /_windows_amd64\.zip$/ : /\.tar\.gz$/);
    }
  });

  test('caveats say only what the user must do: grant the IAM permissions', () => {
    const { caveats } = manifest.spec;
    assert.match(caveats, /AWS\s+credentials/);
    assert.match(caveats, /eks:ListFargateProfiles/);
    assert.match(caveats, /eks:DescribeFargateProfile/);
    assert.ok(caveats.trim().split('\n').length <= 5, caveats);
    assert.doesNotMatch(caveats, /--read-only|RBAC|Without them/, 'no product tour in the caveats');
  });

  test('shortDescription is a few words on one line (krew-index median: 44 characters)', () => {
    const short = manifest.spec.shortDescription;
    assert.ok(!short.includes('\n'));
    assert.ok(short.length <= 44, `${short.length} characters: ${short}`);
  });

  test('every platform installs the executable, its completion hook, LICENSE and THIRD_PARTY_NOTICES', () => {
    for (const [i, t] of TARGETS.entries()) {
      const files = manifest.spec.platforms[i]!.files!.map((f) => `${f.from} -> ${f.to}`);
      assert.deepEqual(files, [binName(t), completionName(t), 'LICENSE', 'THIRD_PARTY_NOTICES'].map((name) => `${name} -> .`));
    }
  });

  test('says it is submitted as plugins/fargate.yaml', () => {
    assert.match(manifestText.split('\n').slice(0, 6).join('\n'), /^# .*plugins\/fargate\.yaml/m);
  });

  test('is exactly what the generator writes (regenerate with npm run release, do not hand-edit)', () => {
    assert.equal(manifestText, renderManifest({ version: VERSION, sha256: shaByArchive }));
  });
});

describe('.krew.yaml (krew-release-bot template)', () => {
  test('is exactly what the generator writes', () => {
    assert.equal(templateText, renderKrewTemplate());
  });

  test('rendered for tag v<version>, gives the committed manifest (bar its header comment)', () => {
    const rendered = renderLikeReleaseBot(templateText, `v${VERSION}`, (url) => {
      const sha = shaByArchive[url.split('/').pop()!];
      assert.ok(sha, `no archive for ${url}`);
      return sha;
    });
    assert.deepEqual(parse(rendered), manifest);
    assert.deepEqual(validateManifest(parse(rendered), `${PLUGIN_NAME}.yaml`), { errors: [], warnings: [] });
  });

  test('asks for each archive by the name the release gives it', () => {
    for (const t of TARGETS) {
      const url = releaseUri(t, '9.8.7').replaceAll('v9.8.7', '{{ .TagName }}');
      assert.ok(templateText.includes(`{{addURIAndSha "${url}" .TagName }}`), `${archiveName(t, '9.8.7')} missing from .krew.yaml`);
    }
  });
});
