// THIRD_PARTY_NOTICES for the archives: dist/'s (the bundled packages, written by the build)
// and the Bun runtime that `bun build --compile` puts in every executable. The bun package ships
// no licence text, so its section says what it is and where Bun states its licences.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const RULE = '='.repeat(80);

/** The section for the runtime inside the executables (the installed `bun` devDependency's). */
export async function runtimeNotice() {
  const require = createRequire(import.meta.url);
  const { version, license } = JSON.parse(await readFile(require.resolve('bun/package.json'), 'utf8'));
  return `${RULE}
Bun ${version} (${license}), the runtime inside the executables of the release archives
https://github.com/oven-sh/bun
${'-'.repeat(80)}
The executables are built with \`bun build --compile\` and hold Bun's runtime. Bun is
${license}-licensed and statically links other libraries, among them JavaScriptCore and WebKit
(LGPL-2). Bun's statement of those licences, and where their sources are:
https://github.com/oven-sh/bun/blob/bun-v${version}/LICENSE.md
`;
}

/** dist/THIRD_PARTY_NOTICES followed by the runtime's section. */
export async function archiveNotices(distNotices) {
  return `${(await readFile(distNotices, 'utf8')).trimEnd()}\n\n${await runtimeNotice()}`;
}
