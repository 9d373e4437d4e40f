// The oldest Node the CLI runs on (package.json's engines), checked before anything heavy
// loads: on an older one a library fails deep inside with an unrelated message instead.

export const MINIMUM_NODE = '22.19';

/** One line for the user when `version` ("20.20.2", process.versions.node) is too old, else null. */
export function nodeTooOld(version: string, minimum: string = MINIMUM_NODE): string | null {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [needMajor = 0, needMinor = 0] = minimum.split('.').map(Number);
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return `kubectl-fargate needs Node ${minimum} or newer; this is Node ${version}. Install a newer Node (e.g. \`nvm install 24\`) and run it again.`;
}
