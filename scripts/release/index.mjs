// `npm run release`: dist/ (the npm package's bundle), one self-contained executable per
// platform packed as krew expects (with its completion hook and the licences), krew-manifest.yaml + .krew.yaml, checksums and the npm tarball.
// Needs no network beyond the npm registry (bun fetches foreign runtimes from there).
//
//   node scripts/release/index.mjs [--targets=all|host|linux/amd64,...] [--skip-build]
//                                  [--no-root] [--no-pack] [--out=release]
//
// --skip-build reuses dist/; --no-root leaves the committed krew-manifest.yaml and .krew.yaml
// alone (tests use it); only a release of all targets writes manifests.
import { spawnSync } from 'node:child_process';
import { copyFile, cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { writeArchive } from './archive.mjs';
import { compile } from './compile.mjs';
import { releaseInputsDigest } from './inputs-digest.mjs';
import { archiveNotices } from './notices.mjs';
import { renderKrewTemplate, renderManifest } from './manifest.mjs';
import { TARGETS, archiveFiles, archiveName, binName, completionName, hostTarget, parseTargets, targetId } from './targets.mjs';
import { validateArchives, validateManifest } from './validate-krew.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: flags } = parseArgs({
  options: {
    targets: { type: 'string', default: 'all' },
    'skip-build': { type: 'boolean', default: false },
    'no-root': { type: 'boolean', default: false },
    'no-pack': { type: 'boolean', default: false },
    out: { type: 'string', default: 'release' },
  },
});

const out = resolve(root, flags.out);
// The output directory is emptied first: never the checkout or anything above it.
if (relative(out, root) === '' || !relative(out, root).startsWith('..')) throw new Error(`--out=${flags.out} would delete the checkout`);
const targets = parseTargets(flags.targets);
const allTargets = TARGETS.every((t) => targets.includes(t));
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const log = (line) => process.stderr.write(`${line}\n`);
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);

function sh(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

const started = performance.now();
if (!flags['skip-build']) {
  log('building dist/ ...');
  sh(process.execPath, ['scripts/build.mjs']);
}
await stat(join(root, 'dist', 'cli.js')).catch(() => {
  throw new Error('dist/cli.js is missing: run `npm run build` (or drop --skip-build)');
});

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
// Compile from a private copy of dist/: a rebuild of dist/ meanwhile (tests, a watcher) must not
// pull files from under bun.
const stagedDist = join(out, 'build', 'dist');
await cp(join(root, 'dist'), stagedDist, { recursive: true });
const entry = join(stagedDist, 'cli.js');
// The bundled packages' licences and the runtime's, in every archive.
const notices = await archiveNotices(join(stagedDist, 'THIRD_PARTY_NOTICES'));

const built = [];
for (const target of targets) {
  const dir = join(out, 'build', `${target.os}_${target.arch}`);
  const bin = binName(target);
  const { ms: compileMs, resigned } = await compile({ entry, target, outfile: join(dir, bin) });
  await copyFile(join(root, 'LICENSE'), join(dir, 'LICENSE'));
  await writeFile(join(dir, 'THIRD_PARTY_NOTICES'), notices);
  const completion = completionName(target);
  await copyFile(join(root, 'scripts', 'release', completion), join(dir, completion));
  const archiveStarted = performance.now();
  const executables = target.os === 'windows' ? [bin] : [bin, completion];
  const archive = await writeArchive({ dir, names: archiveFiles(target), executables, outfile: join(out, archiveName(target, version)) });
  const archiveMs = Math.round(performance.now() - archiveStarted);
  const binaryBytes = (await stat(join(dir, bin))).size;
  const archiveBytes = (await stat(archive.file)).size;
  built.push({ os: target.os, arch: target.arch, archive: relative(out, archive.file), sha256: archive.sha256, binaryBytes, archiveBytes, compileMs, archiveMs, resigned });
  log(`${targetId(target).padEnd(14)} compile ${(compileMs / 1000).toFixed(1)} s, archive ${(archiveMs / 1000).toFixed(1)} s, binary ${mb(binaryBytes)} MB${resigned ? ' (re-signed)' : ''}, ${relative(root, archive.file)} ${mb(archiveBytes)} MB`);
}

// The executable for this machine must at least start and know its version.
const host = hostTarget();
if (host && targets.includes(host)) {
  const printed = sh(join(out, 'build', `${host.os}_${host.arch}`, binName(host)), ['--version']).trim();
  if (printed !== `kubectl-fargate ${version}`) throw new Error(`the ${targetId(host)} executable printed ${JSON.stringify(printed)} for --version`);
}

await writeFile(join(out, 'checksums.txt'), built.map((b) => `${b.sha256}  ${b.archive}\n`).join(''));

if (allTargets) {
  const sha256 = Object.fromEntries(built.map((b) => [b.archive, b.sha256]));
  const manifestText = renderManifest({ version, sha256 });
  const manifest = parse(manifestText);
  // Validated as krew-index would see it: plugins/fargate.yaml.
  const { errors, warnings } = validateManifest(manifest, `${manifest.metadata.name}.yaml`);
  errors.push(...(await validateArchives(manifest, out)));
  for (const warning of warnings) log(`warning: ${warning}`);
  if (errors.length > 0) throw new Error(`the krew manifest is invalid:\n  ${errors.join('\n  ')}`);
  await writeFile(join(out, 'krew-manifest.yaml'), manifestText);
  if (!flags['no-root']) {
    await writeFile(join(root, 'krew-manifest.yaml'), manifestText);
    await writeFile(join(root, '.krew.yaml'), renderKrewTemplate());
    log('wrote krew-manifest.yaml and .krew.yaml');
  }
} else {
  log(`only ${targets.map(targetId).join(', ')} built: no krew manifest (it needs every platform)`);
}

if (!flags['no-pack']) {
  // npm's own CLI when run through `npm run` (same npm, no PATH lookup), else `npm`.
  const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  const packed = sh(npm[0], [...npm[1], 'pack', '--silent', '--pack-destination', out]).trim().split('\n').pop();
  log(`npm package: ${relative(root, join(out, packed))}`);
}

await writeFile(
  join(out, 'release.json'),
  `${JSON.stringify({ version, inputsDigest: await releaseInputsDigest(root, stagedDist), manifest: allTargets, targets: built }, null, 2)}\n`,
);
log(`release ${version} in ${relative(root, out)}/ (${((performance.now() - started) / 1000).toFixed(1)} s)`);
