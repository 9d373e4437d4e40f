// The release artifacts (built once by release-fixture.ts): every archive holds the binary named
// in `bin`, its completion hook, the LICENSE and THIRD_PARTY_NOTICES, with the sha256 the manifest gives; archives are reproducible; each
// executable is for its platform; darwin ones carry a valid code signature; the linux/amd64 one
// runs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { extractArchive, listArchive, sha256File, writeArchive } from '../../scripts/release/archive.mjs';
import { adhocSign, machoSignatureErrors } from '../../scripts/release/macho-signature.mjs';
import { TARGETS, archiveFiles, archiveName, binName, completionName, hostTarget, targetId } from '../../scripts/release/targets.mjs';
import type { Target } from '../../scripts/release/targets.mjs';
import { validateArchives, validateManifest } from '../../scripts/release/validate-krew.mjs';
import { ensureRelease, RELEASE_DIR, ROOT, VERSION } from './release-fixture.js';

const LICENSE = readFileSync(join(ROOT, 'LICENSE'));
const scratch = mkdtempSync(join(tmpdir(), 'kf-release-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Each target's archive extracted once, into its own directory. */
const extracted = new Map<Target, string>();
async function extract(t: Target): Promise<string> {
  let dir = extracted.get(t);
  if (!dir) {
    dir = mkdtempSync(join(scratch, `${t.os}_${t.arch}-`));
    await extractArchive(join(RELEASE_DIR, archiveName(t, VERSION)), dir);
    extracted.set(t, dir);
  }
  return dir;
}

before(() => ensureRelease());

describe('release/krew-manifest.yaml and the archives', () => {
  test('the manifest passes krew-index validation and matches the archives (sha256, bin, LICENSE, exec bit)', async () => {
    const manifest: unknown = parse(readFileSync(join(RELEASE_DIR, 'krew-manifest.yaml'), 'utf8'));
    assert.deepEqual(validateManifest(manifest, 'fargate.yaml').errors, []);
    assert.deepEqual(await validateArchives(manifest, RELEASE_DIR), []);
  });

  test('the committed krew-manifest.yaml is the one the release writes for these archives (else: npm run release, commit it)', () => {
    const committed = readFileSync(join(ROOT, 'krew-manifest.yaml'), 'utf8');
    const written = readFileSync(join(RELEASE_DIR, 'krew-manifest.yaml'), 'utf8');
    const shas = (text: string) => (parse(text) as { spec: { platforms: { uri: string; sha256: string }[] } }).spec.platforms.map((p) => `${p.uri.split('/').pop()} ${p.sha256}`);
    assert.deepEqual(shas(committed), shas(written), 'krew-manifest.yaml names other archives than the sources build: run `npm run release` and commit it');
    assert.equal(committed, written);
  });

  test('checksums.txt lists every archive with its sha256', async () => {
    const lines = readFileSync(join(RELEASE_DIR, 'checksums.txt'), 'utf8').trim().split('\n');
    assert.equal(lines.length, TARGETS.length);
    for (const t of TARGETS) {
      const name = archiveName(t, VERSION);
      assert.ok(lines.includes(`${await sha256File(join(RELEASE_DIR, name))}  ${name}`), name);
    }
  });

  for (const t of TARGETS) {
    test(`${targetId(t)}: ${archiveName(t, VERSION)} holds exactly ${binName(t)}, ${completionName(t)}, LICENSE and THIRD_PARTY_NOTICES, at the root`, async () => {
      const entries = await listArchive(join(RELEASE_DIR, archiveName(t, VERSION)));
      assert.deepEqual(entries.map((e) => e.name), ['LICENSE', 'THIRD_PARTY_NOTICES', binName(t), completionName(t)].sort());
      if (t.os !== 'windows') {
        const mode = (name: string) => entries.find((e) => e.name === name)!.mode;
        assert.equal(mode(binName(t)), 0o755);
        assert.equal(mode(completionName(t)), 0o755, 'kubectl runs the completion hook');
        assert.equal(mode('LICENSE'), 0o644);
        assert.equal(mode('THIRD_PARTY_NOTICES'), 0o644);
      }
      const dir = await extract(t);
      assert.ok(readFileSync(join(dir, 'LICENSE')).equals(LICENSE), 'the LICENSE is the repository one');
      assert.ok(readFileSync(join(dir, completionName(t))).equals(readFileSync(join(ROOT, 'scripts', 'release', completionName(t)))));
      const notices = readFileSync(join(dir, 'THIRD_PARTY_NOTICES'), 'utf8');
      assert.ok(notices.startsWith(readFileSync(join(RELEASE_DIR, 'build', 'dist', 'THIRD_PARTY_NOTICES'), 'utf8').trimEnd()), "the bundle's notices come first");
      assert.match(notices, /^Bun \d+\.\d+\.\d+ \(MIT\), the runtime inside the executables/m, 'and the runtime the executable carries');
    });
  }
});

describe('archives are reproducible (same files, same sha256)', () => {
  for (const t of [TARGETS.find((x) => x.os === 'linux' && x.arch === 'amd64')!, TARGETS.find((x) => x.os === 'windows')!]) {
    test(`${targetId(t)}: re-packing the extracted files gives the same bytes, in another time zone`, async () => {
      const dir = await extract(t);
      const out = join(mkdtempSync(join(scratch, 'repack-')), archiveName(t, VERSION));
      const tz = process.env.TZ;
      process.env.TZ = 'Pacific/Kiritimati'; // UTC+14: zip stores local time
      try {
        const executables = t.os === 'windows' ? [binName(t)] : [binName(t), completionName(t)];
        const { sha256 } = await writeArchive({ dir, names: archiveFiles(t), executables, outfile: out });
        assert.equal(sha256, await sha256File(join(RELEASE_DIR, archiveName(t, VERSION))));
      } finally {
        if (tz === undefined) delete process.env.TZ;
        else process.env.TZ = tz;
      }
    });
  }
});

/** What the executable's header says it is built for. */
function binaryPlatform(file: Buffer): string {
  if (file.readUInt32BE(0) === 0x7f454c46) return `linux/${{ 0x3e: 'amd64', 0xb7: 'arm64' }[file.readUInt16LE(18)] ?? '?'}`;
  if (file.readUInt32LE(0) === 0xfeedfacf) return `darwin/${{ 0x01000007: 'amd64', 0x0100000c: 'arm64' }[file.readUInt32LE(4)] ?? '?'}`;
  if (file.toString('latin1', 0, 2) === 'MZ') {
    const pe = file.readUInt32LE(0x3c);
    return `windows/${file.readUInt16LE(pe + 4) === 0x8664 ? 'amd64' : '?'}`;
  }
  return 'unknown';
}

describe('the executables', () => {
  for (const t of TARGETS) {
    test(`${targetId(t)}: the binary is built for ${targetId(t)}`, async () => {
      const file = readFileSync(join(await extract(t), binName(t)));
      assert.equal(binaryPlatform(file), targetId(t));
      if (t.os === 'darwin') assert.deepEqual(machoSignatureErrors(file), [], 'macOS kills executables with an invalid signature');
    });
  }

  test('the executables do not embed the checkout path (same sources, same bytes anywhere)', async () => {
    for (const t of TARGETS) {
      const file = readFileSync(join(await extract(t), binName(t)));
      assert.equal(file.indexOf(ROOT), -1, `${targetId(t)} contains ${ROOT}`);
    }
  });

  test('the ad-hoc signer repairs a modified darwin executable, and reproduces the signature bun writes', async () => {
    const arm64 = readFileSync(join(await extract(TARGETS.find((t) => t.os === 'darwin' && t.arch === 'arm64')!), 'kubectl-fargate'));
    const release = JSON.parse(readFileSync(join(RELEASE_DIR, 'release.json'), 'utf8')) as { targets: { os: string; arch: string; resigned: boolean }[] };
    if (!release.targets.find((t) => t.os === 'darwin' && t.arch === 'arm64')!.resigned) {
      // bun signed this one itself (identifier "a.out"): same input, same bytes.
      assert.ok(adhocSign(arm64, 'a.out').equals(arm64));
    }
    const tampered = Buffer.from(arm64);
    tampered[0x10000] = tampered[0x10000]! ^ 0xff;
    assert.match(machoSignatureErrors(tampered).join(), /1 of \d+ code page hashes do not match/);
    assert.deepEqual(machoSignatureErrors(adhocSign(tampered, 'kubectl-fargate')), []);
  });

  const host = hostTarget();
  describe(`${host ? targetId(host) : 'this machine'}: the executable runs`, { skip: host ? false : 'no executable for this machine' }, () => {
    const run = async (...args: string[]) => {
      const bin = join(await extract(host!), binName(host!));
      // From an empty directory with a .env in it: the executable must not load it.
      const cwd = mkdtempSync(join(scratch, 'cwd-'));
      writeFileSync(join(cwd, '.env'), 'KUBECONFIG=/nonexistent/from-dotenv\n');
      const env = { ...process.env };
      delete env.KUBECONFIG;
      return spawnSync(bin, args, { cwd, env: { ...env, HOME: cwd }, encoding: 'utf8', timeout: 30_000 });
    };

    test('--version prints the package version', async () => {
      const r = await run('--version');
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, `kubectl-fargate ${VERSION}\n`);
    });

    test('--help prints the usage', async () => {
      const r = await run('--help');
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^Usage:\n\s+kubectl fargate \[flags\]/m);
    });

    test('a usage error is one line and exit code 2 (JavaScriptCore sets Error.line: no getter of that name)', async () => {
      const r = await run('-o', 'bogus');
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^error: unsupported output format "bogus"[^\n]*\n$/);
    });

    test('does not load a .env from the working directory', async () => {
      const r = await run('--json');
      assert.equal(r.status, 1);
      assert.match(r.stderr, /^error: no kubeconfig found/m, 'HOME has no .kube/config and KUBECONFIG is unset');
      assert.doesNotMatch(r.stderr, /from-dotenv/);
    });
  });
});
