// A krew manifest validator mirroring what krew-index's CI enforces: krew's structural checks
// (internal/index/validation/validate.go: ValidatePlugin, validatePlatform, validateFiles,
// validateSelector) and cmd/validate-krew-manifest (file name = metadata.name, every selector
// matches a supported os/arch, no overlapping selectors, and installing each platform leaves a
// LICENSE-like file). krew itself cannot run here (it is fetched from GitHub), so this is a
// port; the rule each check comes from is in its message.
import { basename, join, posix } from 'node:path';
import { existsSync } from 'node:fs';
import { listArchive, sha256File } from './archive.mjs';

export const KREW_API_VERSION = 'krew.googlecontainertools.github.com/v1alpha2';

/** cmd/validate-krew-manifest allPlatforms(): the <os,arch> pairs krew supports. */
export const SUPPORTED_PLATFORMS = Object.freeze([
  ['windows', '386'], ['windows', 'amd64'], ['windows', 'arm64'],
  ['linux', '386'], ['linux', 'amd64'], ['linux', 'arm'], ['linux', 'arm64'], ['linux', 'ppc64le'],
  ['darwin', '386'], ['darwin', 'amd64'], ['darwin', 'arm64'],
].map(([os, arch]) => Object.freeze({ os, arch })));

const SAFE_NAME = /^[\w-]+$/;
const WINDOWS_FORBIDDEN = ['CON', 'PRN', 'AUX', 'NUL', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`COM${n}`, `LPT${n}`])];
const SHA256 = /^[a-f0-9]{64}$/;
// k8s.io/apimachinery ParseSemantic, after krew's own "must start with v" check.
const SEMVER = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
// validate-krew-manifest validateLicenseFileExists(): names compared lowercased.
const LICENSE_FILES = new Set(['license', 'license.txt', 'license.md', 'licenses', 'licenses.txt', 'licenses.md', 'copying', 'copying.txt']);

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v) => (typeof v === 'string' ? v : '');

/** krew IsSafePluginName. */
export const isSafePluginName = (name) =>
  SAFE_NAME.test(name) && !WINDOWS_FORBIDDEN.some((f) => f.toLowerCase() === name.toLowerCase());

/**
 * Structural validation (krew ValidatePlugin + validatePlatform). `name` is the plugin name
 * krew-index infers from the file name (plugins/<name>.yaml). Returns error messages.
 */
export function validatePlugin(plugin, name) {
  const errors = [];
  if (!isObject(plugin)) return ['manifest is not a YAML mapping'];
  const spec = isObject(plugin.spec) ? plugin.spec : {};
  const metadata = isObject(plugin.metadata) ? plugin.metadata : {};
  if (plugin.apiVersion !== KREW_API_VERSION) errors.push(`apiVersion must be ${KREW_API_VERSION}, not ${JSON.stringify(plugin.apiVersion)}`);
  if (plugin.kind !== 'Plugin') errors.push(`kind must be "Plugin", not ${JSON.stringify(plugin.kind)}`);
  if (!isSafePluginName(name)) errors.push(`plugin name ${JSON.stringify(name)} is not allowed, must match ${SAFE_NAME}`);
  if (metadata.name !== name) errors.push(`plugin should be named ${JSON.stringify(name)} (the file name), not ${JSON.stringify(metadata.name)}`);
  const short = str(spec.shortDescription);
  if (!short) errors.push('should have a short description (spec.shortDescription)');
  if (/[\r\n]/.test(short)) errors.push('should not have line breaks in short description');
  const platforms = Array.isArray(spec.platforms) ? spec.platforms : [];
  if (platforms.length === 0) errors.push('should have a platform specified (spec.platforms)');
  const version = str(spec.version);
  if (!version) errors.push('should have a version specified (spec.version)');
  else if (!version.startsWith('v')) errors.push(`version string ${JSON.stringify(version)} not starting with 'v'`);
  else if (!SEMVER.test(version)) errors.push(`version ${JSON.stringify(version)} is not semantic (vMAJOR.MINOR.PATCH)`);
  platforms.forEach((p, i) => {
    for (const error of validatePlatform(p)) errors.push(`platform[${i}] is badly constructed: ${error}`);
  });
  return errors;
}

function validatePlatform(p) {
  if (!isObject(p)) return ['not a mapping'];
  if (!str(p.uri)) return ['`uri` has to be set'];
  if (!str(p.sha256)) return ['`sha256` sum has to be set'];
  if (!SHA256.test(p.sha256)) return [`\`sha256\` value ${p.sha256} is not valid, must match pattern ${SHA256.source}`];
  if (!str(p.bin)) return ['`bin` has to be set'];
  const files = validateFiles(p.files);
  if (files) return [`\`files\` is invalid: ${files}`];
  const selector = validateSelector(p.selector);
  if (selector) return [`invalid platform selector: ${selector}`];
  return [];
}

function validateFiles(files) {
  if (files === undefined || files === null) return null; // krew defaults to {from: "*", to: "."}
  if (!Array.isArray(files) || files.length === 0) return '`files` has to be unspecified or non-empty';
  for (const op of files) {
    if (!str(op?.from)) return '`from` field has to be set';
    if (!str(op?.to)) return '`to` field has to be set';
  }
  return null;
}

function validateSelector(sel) {
  if (!isObject(sel)) return 'nil selector is not supported';
  const labels = sel.matchLabels;
  const exprs = sel.matchExpressions;
  if ((labels === undefined || labels === null) && !(Array.isArray(exprs) && exprs.length > 0)) return 'empty selector is not supported';
  const keys = [...Object.keys(isObject(labels) ? labels : {}), ...(Array.isArray(exprs) ? exprs.map((e) => e?.key) : [])];
  for (const key of keys) if (key !== 'os' && key !== 'arch') return `key ${JSON.stringify(key)} not supported`;
  if (isObject(labels) && Object.keys(labels).length === 0) return '`matchLabels` specified but empty';
  if (Array.isArray(exprs) && exprs.length === 0) return '`matchExpressions` specified but empty';
  return null;
}

/**
 * metav1.LabelSelectorAsSelector(sel).Matches({os, arch}). An unconvertible selector (bad
 * operator or values) matches nothing, as in validate-krew-manifest.
 */
export function selectorMatches(sel, env) {
  if (!isObject(sel)) return false;
  for (const [key, value] of Object.entries(isObject(sel.matchLabels) ? sel.matchLabels : {})) {
    if (String(env[key]) !== String(value)) return false;
  }
  for (const expr of Array.isArray(sel.matchExpressions) ? sel.matchExpressions : []) {
    const values = Array.isArray(expr?.values) ? expr.values.map(String) : [];
    const has = Object.hasOwn(env, expr?.key);
    switch (expr?.operator) {
      case 'In':
        if (values.length === 0 || !has || !values.includes(env[expr.key])) return false;
        break;
      case 'NotIn':
        if (values.length === 0 || (has && values.includes(env[expr.key]))) return false;
        break;
      case 'Exists':
        if (values.length > 0 || !has) return false;
        break;
      case 'DoesNotExist':
        if (values.length > 0 || has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/**
 * Everything krew-index's CI checks short of installing: file name (`fileName`, e.g.
 * "fargate.yaml") vs metadata.name, structure, supported and non-overlapping selectors.
 * Also two rules of ours: Windows entrypoints end in .exe (krew can only run those), and a
 * description. Line-length advice is returned as warnings, as krew only warns.
 * @returns {{errors: string[], warnings: string[]}}
 */
export function validateManifest(plugin, fileName) {
  const errors = [];
  const warnings = [];
  if (!fileName.endsWith('.yaml')) errors.push(`expected manifest extension ".yaml" but found ${JSON.stringify(posix.extname(fileName))}`);
  errors.push(...validatePlugin(plugin, basename(fileName, '.yaml')));
  const spec = isObject(plugin?.spec) ? plugin.spec : {};
  const platforms = Array.isArray(spec.platforms) ? spec.platforms.filter(isObject) : [];

  platforms.forEach((p, i) => {
    const env = SUPPORTED_PLATFORMS.find((e) => selectorMatches(p.selector, e));
    if (!env) errors.push(`spec.platform[${i}]'s selector doesn't match any supported platforms`);
    else if (env.os === 'windows' && !str(p.bin).toLowerCase().endsWith('.exe')) {
      errors.push(`spec.platform[${i}] (windows) bin ${JSON.stringify(p.bin)} must end in .exe: krew can only run .exe entrypoints on Windows`);
    }
  });
  for (const env of SUPPORTED_PLATFORMS) {
    const matching = platforms.flatMap((p, i) => (selectorMatches(p.selector, env) ? [i] : []));
    if (matching.length > 1) errors.push(`multiple spec.platforms (at indexes ${matching.join(',')}) have overlapping selectors that select os=${env.os}/arch=${env.arch}`);
  }
  if (!str(spec.description).trim()) errors.push('should have a description (spec.description)');

  const longLines = (text, max) => str(text).split('\n').some((l) => l.length > max && l.trim().includes(' '));
  if (longLines(spec.shortDescription, 70)) warnings.push('line length in `shortDescription` exceeds 70 characters');
  if (longLines(spec.description, 80)) warnings.push('line length in `description` exceeds 80 characters');
  if (longLines(spec.caveats, 80)) warnings.push('line length in `caveats` exceeds 80 characters');
  return { errors, warnings };
}

/** The os/arch a platform entry installs on (the first supported pair its selector matches). */
export const platformEnv = (p) => SUPPORTED_PLATFORMS.find((e) => selectorMatches(p?.selector, e));

/**
 * What krew would install from an archive's entries: its `files` operations (default
 * `{from: "*", to: "."}`) — a direct path first, else a glob — as in installation/move.go.
 * Throws when an operation matches nothing (krew: "no files in the plugin archive matched").
 * @returns {{from: string, to: string}[]} archive entry -> installed path
 */
export function installedFiles(entries, files) {
  const ops = files ?? [{ from: '*', to: '.' }];
  const names = entries.map((e) => posix.normalize(e.name));
  const installed = [];
  for (const op of ops) {
    const from = posix.normalize(op.from);
    const to = posix.normalize(op.to);
    if (names.includes(from)) {
      installed.push({ from, to: to === '.' ? posix.basename(from) : to });
      continue;
    }
    const pattern = globToRegExp(from);
    const matched = names.filter((n) => pattern.test(n));
    if (matched.length === 0) throw new Error(`no files in the plugin archive matched the glob pattern=${op.from}`);
    for (const n of matched) installed.push({ from: n, to: posix.normalize(posix.join(to, posix.basename(n))) });
  }
  return installed;
}

/** filepath.Glob syntax (*, ?, [..]); `*` and `?` do not cross `/`. */
function globToRegExp(glob) {
  let re = '';
  for (const c of glob) {
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[' || c === ']') re += c;
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * What `kubectl krew install --manifest --archive` + validate-krew-manifest's install step check,
 * per platform, against the archives in `dir` (found by the uri's file name): the sha256, that
 * `bin` gets installed (and is executable outside Windows), and that a LICENSE-like file does.
 * @returns {Promise<string[]>} errors
 */
export async function validateArchives(plugin, dir) {
  const errors = [];
  const platforms = Array.isArray(plugin?.spec?.platforms) ? plugin.spec.platforms : [];
  for (const [i, p] of platforms.entries()) {
    const where = `spec.platforms[${i}]`;
    const file = join(dir, basename(str(p?.uri)));
    if (!p?.uri || !existsSync(file)) {
      errors.push(`${where}: archive ${basename(str(p?.uri))} not found in ${dir}`);
      continue;
    }
    const actual = await sha256File(file);
    if (actual !== p.sha256) errors.push(`${where}: sha256 of ${basename(file)} is ${actual}, manifest says ${p.sha256}`);
    const entries = await listArchive(file);
    let installed;
    try {
      installed = installedFiles(entries, p.files);
    } catch (error) {
      errors.push(`${where}: ${error.message}`);
      continue;
    }
    const bin = posix.normalize(str(p.bin));
    const binFile = installed.find((f) => f.to === bin);
    if (!binFile) errors.push(`${where}: bin ${p.bin} is not among the installed files [${installed.map((f) => f.to).join(', ')}]`);
    const mode = entries.find((e) => posix.normalize(e.name) === binFile?.from)?.mode ?? null;
    if (binFile && platformEnv(p)?.os !== 'windows' && mode !== null && (mode & 0o111) === 0) {
      errors.push(`${where}: ${binFile.from} is not executable (mode ${mode.toString(8)})`);
    }
    if (!installed.some((f) => LICENSE_FILES.has(posix.basename(f.to).toLowerCase()))) {
      errors.push(`${where}: LICENSE (or alike) file is not extracted from the archive as part of installation`);
    }
  }
  return errors;
}
