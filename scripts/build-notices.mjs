// THIRD_PARTY_NOTICES: the licence of every package the bundle contains, for dist/ (the npm
// package) and each release archive. Which packages: esbuild's metafile (the files it bundled).
// Their licences and licence files: license-checker-rseidelsohn, which reads the installed
// packages (package.json's licence, LICENSE/COPYING/NOTICE files); a few packages that ship no
// licence file are clarified in build-notices.clarifications.json.
import { readFile, realpath } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';

export const NOTICES_FILE = 'THIRD_PARTY_NOTICES';

const RULE = '='.repeat(80);

/**
 * The package directories (real paths) holding the bundle's inputs: `node_modules/x/...` and
 * `node_modules/@scope/x/...`, the innermost node_modules winning (nested versions count apart).
 */
export async function bundledPackageDirs(metafile, root) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    // Plugin namespaces ("stub:react-devtools-core", "builtin:node:http") are not files.
    if (/^[a-z]+:/.test(input)) continue;
    const parts = input.split('/');
    const at = parts.lastIndexOf('node_modules');
    if (at === -1) continue;
    const depth = parts[at + 1]?.startsWith('@') ? 2 : 1;
    dirs.add(await realpath(join(root, ...parts.slice(0, at + 1 + depth))));
  }
  return dirs;
}

/** license-checker's view of every installed package (dev dependencies included: we bundle those). */
async function installedPackages(root) {
  const { init } = await import('license-checker-rseidelsohn');
  const clarificationsFile = join(import.meta.dirname, 'build-notices.clarifications.json');
  const customFormat = { name: '', version: '', licenses: '', licenseFile: '', licenseText: '', noticeFile: '', repository: '' };
  return new Promise((resolve, reject) => {
    init({ start: root, development: true, customFormat, clarificationsFile }, (error, packages) => (error ? reject(error) : resolve(packages)));
  });
}

/** The package's own licence file, or null when license-checker only found its README. */
const isLicenceFile = (file) => Boolean(file) && !/^readme/i.test(basename(file));

/**
 * The notices text for the packages in `dirs` (real paths). Throws when a bundled package has no
 * licence text, so a new dependency without one fails the build instead of shipping silently.
 * @returns {Promise<{text: string, packages: {name: string, version: string, licenses: string}[]}>}
 */
export async function renderNotices({ root, dirs, product }) {
  const installed = await installedPackages(root);
  // license-checker names each package once per name@version (one copy installed in two places
  // is one entry): look bundled packages up that way.
  const byDir = new Map();
  const missing = [];
  for (const dir of dirs) {
    const { name, version } = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    const info = installed[`${name}@${version}`];
    if (info) byDir.set(`${name}@${version}`, info);
    else missing.push(`${name}@${version} (${dir})`);
  }
  if (missing.length > 0) throw new Error(`no licence information for bundled ${missing.join(', ')}`);

  const packages = [...byDir.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  // A package of a monorepo may ship without the repository's LICENSE (some AWS SDK clients):
  // its sibling's copy is the same file.
  const repoLicence = new Map(packages.filter((p) => p.repository && isLicenceFile(p.licenseFile)).map((p) => [p.repository, p.licenseFile]));
  const sections = [];
  // The same text (the AWS SDK's many Apache-2.0 copies) is given in full once.
  const firstWith = new Map();
  for (const info of packages) {
    const licenses = Array.isArray(info.licenses) ? info.licenses.join(' OR ') : String(info.licenses);
    const title = `${info.name} ${info.version}`;
    const text = await licenceText(info, repoLicence);
    const body = firstWith.has(text) ? `The same licence text as ${firstWith.get(text)}, above.\n` : text;
    if (!firstWith.has(text)) firstWith.set(text, title);
    sections.push(`${RULE}\n${title} (${licenses})${info.repository ? `\n${info.repository}` : ''}\n${'-'.repeat(80)}\n${body}`);
  }
  const header = `Third-party software in ${product}\n\n${product} bundles the packages below, each under its own licence, whose full text follows
(a text shared by several packages is given once).\n`;
  return { text: `${header}\n${sections.join('\n')}`, packages: packages.map((p) => ({ name: p.name, version: p.version, licenses: String(p.licenses) })) };
}

/** The licence file's text (and NOTICE), a clarified text, or the monorepo's licence file. */
async function licenceText(info, repoLicence) {
  let text = '';
  // A clarified licenseFile is relative to the package.
  if (isLicenceFile(info.licenseFile)) text = await readFile(resolve(info.path, info.licenseFile), 'utf8');
  else if (info.licenseText && (!info.licenseFile || (await readFile(info.licenseFile, 'utf8')).trim() !== info.licenseText.trim())) text = info.licenseText;
  else if (repoLicence.has(info.repository)) text = await readFile(repoLicence.get(info.repository), 'utf8');
  if (!text.trim()) throw new Error(`${info.name}@${info.version} (${info.licenses}) ships no licence text: add one to scripts/build-notices.clarifications.json`);
  const notice = info.noticeFile ? `\n${normalise(await readFile(info.noticeFile, 'utf8'))}` : '';
  return normalise(text) + notice;
}

/** LF line ends and one final newline: the file reads the same on every platform. */
const normalise = (text) => `${text.replace(/\r\n?/g, '\n').trimEnd()}\n`;
