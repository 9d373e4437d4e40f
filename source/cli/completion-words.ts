// The fixed words shell completion offers: commands and flags with the wording of --help (read
// from help.ts, so the two cannot disagree), and what kind of value each flag takes.
import { COMMANDS, DRY_RUN_MODES, FLAGS, OUTPUTS, type FlagDef } from './flags.js';
import { helpText } from './help.js';

export interface Candidate {
  value: string;
  description?: string;
}

/**
 * Where a flag's values come from: a fixed list, the kubeconfig (no network), the cluster or
 * EKS (network, bounded), the AWS config files, the file system (left to the shell), or nowhere.
 */
export type ValueKind =
  | { fixed: readonly string[] }
  | 'contexts'
  | 'clusters'
  | 'namespaces'
  | 'aws-profiles'
  | 'manifest-sources'
  | 'files'
  | 'none';

const FLAG_VALUES: Readonly<Record<string, ValueKind>> = {
  kubeconfig: 'files',
  context: 'contexts',
  contexts: 'contexts',
  cluster: 'clusters',
  namespace: 'namespaces',
  profile: 'aws-profiles',
  'profiles-file': 'files',
  'price-file': 'files',
  output: { fixed: OUTPUTS },
  color: { fixed: ['auto', 'always', 'never'] },
  'dry-run': { fixed: DRY_RUN_MODES },
  'backup-dir': 'files',
  from: 'manifest-sources',
};

export const valueKindOf = (def: FlagDef): ValueKind => FLAG_VALUES[def.name] ?? 'none';

/** A command's positional arguments: pod names, backup files, Fargate profile names, shells. */
export type ArgKind = 'pods' | 'files' | 'fargate-profiles' | 'shells' | 'none';

const COMMAND_ARGS: Readonly<Record<string, ArgKind>> = {
  reschedule: 'pods',
  restore: 'files',
  completion: 'shells',
  // A command taking Fargate profile names completes them once it is in COMMANDS.
  profile: 'fargate-profiles',
};

export const argKindOf = (command: string): ArgKind => COMMAND_ARGS[command] ?? 'none';

/** The usage lines of --help, by command: `kubectl fargate check [flags]   list pods ...`. */
function commandDescriptions(help: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of help.matchAll(/^ {2}kubectl fargate ([a-z]+)\b.*?(?: {2,}(\S.*))?$/gm)) {
    if (!found.has(match[1]!) || !found.get(match[1]!)) found.set(match[1]!, match[2] ?? '');
  }
  return found;
}

/** Each flag's text in --help: `  -n, --namespace NS           only this namespace`, and the lines continuing it. */
function flagDescriptions(help: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of help.matchAll(/^ {2}(?:-\S, | {4})--([a-z-]+)\S*(?: [A-Z|]+)? {2,}(\S.*(?:\n {20,}\S.*)*)$/gm)) {
    found.set(match[1]!, match[2]!.replace(/\s*\n\s*/g, ' '));
  }
  return found;
}

let described: { commands: Map<string, string>; flags: Map<string, string> } | undefined;
const descriptions = () => {
  const help = helpText();
  described ??= { commands: commandDescriptions(help), flags: flagDescriptions(help) };
  return described;
};

export function commandCandidates(): Candidate[] {
  const { commands } = descriptions();
  return COMMANDS.map((name) => ({ value: name, description: commands.get(name) || (name === 'version' ? 'print the version' : '') }));
}

export function flagDescription(def: FlagDef): string {
  return descriptions().flags.get(def.name) ?? '';
}

export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
export type Shell = (typeof SHELLS)[number];
