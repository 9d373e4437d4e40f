import meow from 'meow';
import { UsageError } from '../errors.js';
import { helpText } from './help.js';
import { VERSION } from './version.js';

// Flags follow kubectl's names (genericclioptions) so muscle memory carries over.

export const COMMANDS = ['check', 'reschedule', 'restore', 'version'] as const;
export type Command = 'view' | (typeof COMMANDS)[number];

export const OUTPUTS = ['json', 'yaml', 'wide', 'table'] as const;
export type Output = (typeof OUTPUTS)[number];

const flagSpec = {
  kubeconfig: { type: 'string' },
  context: { type: 'string' },
  namespace: { type: 'string', shortFlag: 'n' },
  allNamespaces: { type: 'boolean', shortFlag: 'A' },
  selector: { type: 'string', shortFlag: 'l' },
  requestTimeout: { type: 'string' },
  cluster: { type: 'string' },
  region: { type: 'string' },
  profile: { type: 'string' },
  profilesFile: { type: 'string', isMultiple: true },
  aws: { type: 'boolean', default: true },
  output: { type: 'string', shortFlag: 'o' },
  json: { type: 'boolean' },
  headers: { type: 'boolean', default: true },
  color: { type: 'string' },
  readOnly: { type: 'boolean' },
  demo: { type: 'boolean' },
  // reschedule / restore
  all: { type: 'boolean' },
  yes: { type: 'boolean', shortFlag: 'y' },
  dryRun: { type: 'boolean' },
  backupDir: { type: 'string' },
  timeout: { type: 'string' },
  from: { type: 'string' },
  pending: { type: 'boolean' },
  help: { type: 'boolean', shortFlag: 'h' },
  version: { type: 'boolean' },
} as const;

/** Flags only some commands take; the rest are common. */
const COMMAND_ONLY: Record<string, readonly Command[]> = {
  all: ['reschedule'],
  yes: ['reschedule', 'restore'],
  dryRun: ['reschedule', 'restore'],
  backupDir: ['reschedule', 'restore', 'view'],
  from: ['reschedule'],
  pending: ['restore'],
  timeout: ['reschedule', 'restore', 'view'],
  readOnly: ['view'],
};

export interface Options {
  command: Command;
  args: string[];
  kubeconfig?: string;
  context?: string;
  /** null = all namespaces (the default, like `-A`). */
  namespace: string | null;
  /** -A was given (reschedule --all must be told the scope explicitly). */
  allNamespaces: boolean;
  selector?: string;
  requestTimeout?: string;
  cluster?: string;
  region?: string;
  awsProfile?: string;
  profilesFiles: string[];
  aws: boolean;
  /** Explicit output; undefined = the TUI on a terminal, else a table. */
  output?: Output;
  headers: boolean;
  color: 'auto' | 'always' | 'never';
  readOnly: boolean;
  demo: boolean;
  all: boolean;
  yes: boolean;
  dryRun: boolean;
  backupDir?: string;
  timeout?: string;
  /** reschedule: what bare pods are re-created from (live | last-applied; checked by the mode). */
  from?: string;
  /** restore: every pod an unfinished run left deleted. */
  pending: boolean;
  help: boolean;
  version: boolean;
}

/** String flags whose empty value is a mistake (see parseArgs). */
const NEEDS_VALUE = ['kubeconfig', 'context', 'requestTimeout', 'cluster', 'region', 'profile', 'profilesFile', 'backupDir', 'timeout', 'from'] as const;

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Every spelling meow accepts for our flags, to spot unknown ones. */
function knownFlagNames(): Set<string> {
  const names = new Set<string>();
  for (const [name, spec] of Object.entries(flagSpec)) {
    names.add(name);
    names.add(kebab(name));
    if ('shortFlag' in spec) names.add(spec.shortFlag);
  }
  for (const negatable of ['aws', 'headers']) names.add(`no-${negatable}`);
  return names;
}

function unknownFlags(argv: string[]): string[] {
  const known = knownFlagNames();
  const unknown: string[] = [];
  for (const arg of argv) {
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-') continue;
    if (arg.startsWith('--')) {
      const name = arg.slice(2).split('=')[0]!;
      if (!known.has(name)) unknown.push(`--${name}`);
    } else {
      // Short flags may be bundled (-An) or carry a value (-ndefault).
      const first = arg.slice(1, 2);
      if (!known.has(first)) unknown.push(`-${first}`);
    }
  }
  return unknown;
}

export function parseArgs(argv: string[]): Options {
  const unknown = unknownFlags(argv);
  if (unknown.length > 0) {
    throw new UsageError(`unknown flag ${unknown[0]}`, 'see `kubectl fargate --help` for the flags');
  }
  const cli = meow(helpText(), {
    importMeta: import.meta,
    argv,
    pkg: { name: 'kubectl-fargate', version: VERSION },
    autoHelp: false,
    autoVersion: false,
    allowUnknownFlags: true,
    flags: flagSpec,
  });
  const f = cli.flags;
  const [first, ...rest] = cli.input;
  let command: Command = 'view';
  let args = cli.input;
  if (first !== undefined) {
    if (!(COMMANDS as readonly string[]).includes(first)) {
      throw new UsageError(`unknown command "${first}"`, `commands are: ${COMMANDS.join(', ')} (or none, to view)`);
    }
    command = first as Command;
    args = rest;
  }

  for (const [flag, commands] of Object.entries(COMMAND_ONLY)) {
    const value = (f as Record<string, unknown>)[flag];
    if (value !== undefined && value !== false && !commands.includes(command)) {
      throw new UsageError(`--${kebab(flag)} is only valid with: ${commands.map((c) => (c === 'view' ? 'the viewer' : c)).join(', ')}`);
    }
  }

  let output: Output | undefined;
  if (f.output !== undefined) {
    if (!(OUTPUTS as readonly string[]).includes(f.output)) {
      throw new UsageError(`unsupported output format "${f.output}"`, `use -o ${OUTPUTS.join('|')}`);
    }
    output = f.output as Output;
  }
  if (f.json) {
    if (output && output !== 'json') throw new UsageError(`--json conflicts with -o ${output}`);
    output = 'json';
  }

  const color = f.color ?? 'auto';
  if (color !== 'auto' && color !== 'always' && color !== 'never') {
    throw new UsageError(`--color must be auto, always or never (got "${color}")`);
  }
  if (f.namespace !== undefined && f.namespace.trim() === '') throw new UsageError('--namespace needs a value');
  // `--context` at the end of a line, or `--context "$CTX"` with CTX unset: an empty value is a
  // mistake, not a request for the default (which would silently pick another cluster).
  for (const flag of NEEDS_VALUE) {
    const value = (f as Record<string, unknown>)[flag];
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === 'string' && v.trim() === '')) {
      throw new UsageError(`--${kebab(flag)} needs a value`, 'see `kubectl fargate --help`');
    }
  }
  if (f.namespace !== undefined && f.allNamespaces) {
    throw new UsageError('--namespace and --all-namespaces conflict', 'pass one of them');
  }
  if (command !== 'reschedule' && command !== 'restore' && args.length > 0) {
    throw new UsageError(`unexpected argument "${args[0]}"`, 'see `kubectl fargate --help`');
  }

  return {
    command,
    args,
    kubeconfig: f.kubeconfig,
    context: f.context,
    namespace: f.allNamespaces ? null : (f.namespace ?? null),
    allNamespaces: f.allNamespaces ?? false,
    selector: f.selector,
    requestTimeout: f.requestTimeout,
    cluster: f.cluster,
    region: f.region,
    awsProfile: f.profile,
    profilesFiles: f.profilesFile ?? [],
    aws: f.aws,
    output,
    headers: f.headers,
    color,
    readOnly: f.readOnly ?? false,
    demo: f.demo ?? false,
    all: f.all ?? false,
    yes: f.yes ?? false,
    dryRun: f.dryRun ?? false,
    backupDir: f.backupDir,
    timeout: f.timeout,
    from: f.from,
    pending: f.pending ?? false,
    help: f.help ?? false,
    version: (f.version ?? false) || command === 'version',
  };
}
