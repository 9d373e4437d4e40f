import { VERSION } from './version.js';

// `kubectl fargate version -o json|yaml`, shaped like `kubectl version -o json` (clientVersion),
// for scripts that check which build runs.

export interface VersionDocument {
  clientVersion: {
    /** The package version, e.g. "0.1.0". */
    version: string;
    /** kubectl's GOOS/GOARCH form: linux/amd64, darwin/arm64, windows/amd64. */
    platform: string;
    /** What runs it: "node v24.1.0" (npm install) or "bun 1.2.3" (the self-contained executables). */
    runtime: string;
  };
}

const ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' };

export function versionDocument(): VersionDocument {
  const bun = (process.versions as Record<string, string | undefined>).bun;
  return {
    clientVersion: {
      version: VERSION,
      platform: `${process.platform === 'win32' ? 'windows' : process.platform}/${ARCH[process.arch] ?? process.arch}`,
      runtime: bun ? `bun ${bun}` : `node ${process.version}`,
    },
  };
}

/** The text `version` prints: the plain line, or the document as JSON or YAML. */
export async function versionText(output: string | undefined): Promise<string> {
  if (output === 'json') return `${JSON.stringify(versionDocument(), null, 2)}\n`;
  if (output === 'yaml') return (await import('yaml')).stringify(versionDocument());
  return `kubectl-fargate ${VERSION}\n`;
}
