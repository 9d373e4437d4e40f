// The platforms we ship self-contained executables for, in krew's os/arch words and bun's.
// x64 uses bun's "baseline" runtime: the default one needs AVX2 and dies with "Illegal
// instruction" on older CPUs and on VMs with a conservative CPU model.

/** @typedef {{os: string, arch: string, bunTarget: string}} Target */

/** @type {readonly Target[]} sorted by os, then arch (the order of the manifest's platforms) */
export const TARGETS = Object.freeze([
  { os: 'darwin', arch: 'amd64', bunTarget: 'bun-darwin-x64-baseline' },
  { os: 'darwin', arch: 'arm64', bunTarget: 'bun-darwin-arm64' },
  { os: 'linux', arch: 'amd64', bunTarget: 'bun-linux-x64-baseline' },
  { os: 'linux', arch: 'arm64', bunTarget: 'bun-linux-arm64' },
  { os: 'windows', arch: 'amd64', bunTarget: 'bun-windows-x64-baseline' },
]);

export const PROJECT = 'kubectl-fargate';
export const REPO_URL = 'https://github.com/kubectl-fargate/kubectl-fargate';

/** `os/arch`, the way targets are named on the command line. */
export const targetId = (t) => `${t.os}/${t.arch}`;

/** The executable's name inside the archive: Windows only runs `.exe` entrypoints. */
export const binName = (t) => (t.os === 'windows' ? `${PROJECT}.exe` : PROJECT);

/**
 * The shell completion hook in the archive, beside the executable: kubectl >= 1.26 runs
 * `kubectl_complete-fargate` for `kubectl fargate <TAB>`. A script (a .cmd on Windows) that runs
 * the executable's `__complete`; the sources are in scripts/release/.
 */
export const completionName = (t) => (t.os === 'windows' ? 'kubectl_complete-fargate.cmd' : 'kubectl_complete-fargate');

/** The files of every archive, sorted: the executable, its completion hook, the licences. */
export const archiveFiles = (t) => [binName(t), completionName(t), 'LICENSE', 'THIRD_PARTY_NOTICES'].sort();

/** `kubectl-fargate_v0.1.0_linux_amd64.tar.gz`; Windows gets a `.zip`. */
export const archiveName = (t, version) =>
  `${PROJECT}_v${version}_${t.os}_${t.arch}.${t.os === 'windows' ? 'zip' : 'tar.gz'}`;

/** Where a published archive is downloaded from (a GitHub release of tag `v<version>`). */
export const releaseUri = (t, version) => `${REPO_URL}/releases/download/v${version}/${archiveName(t, version)}`;

/** The target matching this machine, if we ship one for it. */
export function hostTarget() {
  const os = { linux: 'linux', darwin: 'darwin', win32: 'windows' }[process.platform];
  const arch = { x64: 'amd64', arm64: 'arm64' }[process.arch];
  return TARGETS.find((t) => t.os === os && t.arch === arch);
}

/** Parses `linux/amd64,darwin/arm64` (or `all`/`host`) into targets; throws on unknown names. */
export function parseTargets(spec) {
  if (!spec || spec === 'all') return [...TARGETS];
  return spec.split(',').map((id) => {
    const target = id === 'host' ? hostTarget() : TARGETS.find((t) => targetId(t) === id);
    if (!target) throw new Error(`unknown target "${id}"; use one of ${TARGETS.map(targetId).join(', ')}, host or all`);
    return target;
  });
}
