// kubectl's flag grammar for every flag: the FLAGS table (names, shorthands, kinds, which commands
// take them), tokenised by lib/pflag.ts, then checked and turned into Options. Longer than most
// files: the table and the checks of its values are one contract, read best in one place.
// Every run loads this file before it knows its mode (--version and --help too): it imports only
// light checks. The JSONPath checks of -o jsonpath/custom-columns and --sort-by load only when
// those flags are given (template-flags.ts); test/architecture/startup.test.ts holds the line.
import { UsageError } from '../errors.js';
import { parseDuration, parseTimeout } from '../lib/duration.js';
import { PflagError, tokenize, type PflagDef, type PflagTokens } from '../lib/pflag.js';
import { parseEksClusterFlag } from '../sources/kube/identity.js';
import type { ConnectionOverrides } from '../sources/kube/overrides.js';
import { connectionOverrides } from './connection-flags.js';
import { parseOutput, ROW_OUTPUTS, type Output } from './output-flags.js';
import { readMultiContextFlags, type MultiContextFlags } from './multi-context-flags.js';
import { parseVerbosity } from './verbosity-flag.js';

// Flags follow kubectl's names (genericclioptions) and its grammar (pflag, see lib/pflag.ts) so
// muscle memory carries over. The tokenizer reads pflag's grammar and already types each value
// (booleans as 'true' / 'false', every value of a repeated flag in order); the values are read
// from it as typed (no second parser: a quote inside a value stays, as in kubectl).

export const COMMANDS = ['check', 'reschedule', 'restore', 'profile', 'version', 'completion'] as const;
export type Command = 'view' | (typeof COMMANDS)[number];

export { PLAIN_OUTPUTS as OUTPUTS, type Output } from './output-flags.js';

/** `profile export` / `profile create --dry-run`: -o also takes these (json is the CreateFargateProfile request there). */
export const PROFILE_FORMATS = ['eksctl', 'terraform', 'cloudformation'] as const;
export type ProfileFormat = (typeof PROFILE_FORMATS)[number];

export const DRY_RUN_MODES = ['none', 'client', 'server'] as const;
/** false = a real run; client = print the plan, send nothing; server = every write with dryRun=All. */
export type DryRun = false | 'client' | 'server';

export interface FlagDef extends PflagDef {
  /** Only these commands take it (else every command does). */
  commands?: readonly Command[];
  /** An empty value (`--context ""`, `--context=`) is allowed; by default it is a usage error. */
  emptyOk?: boolean;
}

/** Every flag, in --help order. New flags are one row here (and a line in help.ts). */
export const FLAGS: readonly FlagDef[] = [
  // Kubernetes (as kubectl)
  { name: 'kubeconfig', kind: 'string' },
  { name: 'context', kind: 'string' },
  { name: 'cluster', kind: 'string' },
  // Several clusters for the one-shot faces (multi-context-flags.ts checks them).
  { name: 'contexts', kind: 'array' },
  { name: 'all-contexts', kind: 'bool' },
  { name: 'concurrency', kind: 'string' },
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'all-namespaces', short: 'A', kind: 'bool' },
  { name: 'selector', short: 'l', kind: 'string', emptyOk: true },
  { name: 'field-selector', kind: 'string', emptyOk: true, commands: ['view', 'check', 'reschedule'] },
  { name: 'request-timeout', kind: 'string' },
  { name: 'user', kind: 'string' },
  { name: 'server', short: 's', kind: 'string' },
  { name: 'token', kind: 'string' },
  { name: 'as', kind: 'string' },
  { name: 'as-group', kind: 'array' },
  { name: 'as-uid', kind: 'string' },
  { name: 'certificate-authority', kind: 'string' },
  { name: 'client-certificate', kind: 'string' },
  { name: 'client-key', kind: 'string' },
  { name: 'tls-server-name', kind: 'string' },
  { name: 'insecure-skip-tls-verify', kind: 'bool' },
  { name: 'v', short: 'v', kind: 'string' },
  // AWS
  { name: 'eks-cluster', kind: 'string' },
  { name: 'region', kind: 'string' },
  { name: 'profile', kind: 'string' },
  { name: 'profiles-file', kind: 'array' },
  { name: 'price-file', kind: 'string', commands: ['view', 'check'] },
  // kubectl's negative booleans (--no-headers): Options hold the positive (headers, aws).
  { name: 'no-aws', kind: 'bool' },
  // Output
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'json', kind: 'bool' },
  { name: 'no-headers', kind: 'bool' },
  { name: 'sort-by', kind: 'string', commands: ['view', 'check'] },
  { name: 'show-labels', kind: 'bool', commands: ['view', 'check'] },
  { name: 'watch', short: 'w', kind: 'bool', commands: ['view'] },
  { name: 'color', kind: 'string' },
  { name: 'read-only', kind: 'bool', commands: ['view', 'profile'] },
  { name: 'demo', kind: 'bool' },
  // check --upgrade, reschedule --outdated: Fargate pods on a kubelet older than the control plane.
  { name: 'upgrade', kind: 'bool', commands: ['check'] },
  { name: 'outdated', kind: 'bool', commands: ['reschedule'] },
  // reschedule: evict | restart (checked by the mode); default: per workload.
  { name: 'strategy', kind: 'string', commands: ['reschedule'] },
  // reschedule / restore
  { name: 'all', kind: 'bool', commands: ['reschedule'] },
  { name: 'yes', short: 'y', kind: 'bool', commands: ['reschedule', 'restore', 'profile'] },
  // kubectl's --dry-run: bare means client (its NoOptDefVal); a value needs `=`.
  // The viewer too: its profile keys (c, x) then show what would be sent and send nothing.
  { name: 'dry-run', kind: 'string', noValue: 'client', commands: ['reschedule', 'restore', 'profile', 'view'] },
  { name: 'backup-dir', kind: 'string', commands: ['reschedule', 'restore', 'view', 'profile'] },
  { name: 'timeout', kind: 'string', commands: ['reschedule', 'restore', 'view', 'profile'] },
  // What a bare pod is re-created from: live (default) | last-applied (checked by the mode).
  { name: 'from', kind: 'string', commands: ['reschedule'] },
  { name: 'pending', kind: 'bool', commands: ['restore'] },
  // profile create | replace | delete (which subcommand takes which: cli/profile-usage.ts).
  // Under `profile`, --selector is a Fargate selector NS[:key=value,...], repeatable (read from
  // every value given), not kubectl's label selector.
  { name: 'role', kind: 'string', commands: ['profile'] },
  { name: 'subnets', kind: 'array', commands: ['profile'] },
  { name: 'tag', kind: 'array', commands: ['profile'] },
  { name: 'name', kind: 'string', commands: ['profile'] },
  { name: 'wait', kind: 'bool', commands: ['profile'] },
  { name: 'reschedule', kind: 'bool', commands: ['profile'] },
  { name: 'help', short: 'h', kind: 'bool' },
  { name: 'version', kind: 'bool' },
];

export interface Options extends MultiContextFlags {
  command: Command;
  args: string[];
  /** The long names of the flags given (so a command can refuse those that mean nothing to it). */
  given: ReadonlySet<string>;
  kubeconfig?: string;
  context?: string;
  /** --cluster: the kubeconfig cluster entry to use instead of the context's (as kubectl). */
  cluster?: string;
  /** null = all namespaces (the default, like `-A`). */
  namespace: string | null;
  /** -A was given (reschedule --all must be told the scope explicitly). */
  allNamespaces: boolean;
  selector?: string;
  /** --field-selector, applied to the pods list (as `kubectl get pods --field-selector`). */
  fieldSelector?: string;
  /** Every --selector given, in order (`profile`: each is a Fargate selector). */
  selectors: string[];
  /** How the last --selector was written (`-l` or `--selector`). */
  selectorSpelled?: string;
  requestTimeout?: string;
  /** kubectl's other connection flags (--user, -s, --token, --as…, TLS files). */
  connection: ConnectionOverrides;
  /** -v/--v: kubectl's log level; 6 and up log each request (0 = none). */
  verbosity: number;
  /** --eks-cluster: the EKS cluster's name or ARN (else inferred from the kubeconfig). */
  eksCluster?: string;
  region?: string;
  awsProfile?: string;
  profilesFiles: string[];
  /** --price-file: Fargate rates overriding the embedded table (sources/files/price-file.ts). */
  priceFile?: string;
  aws: boolean;
  /** Explicit output; undefined = the TUI on a terminal, else a table. */
  output?: Output;
  /** -o jsonpath=… / custom-columns=… (file forms already read). */
  template?: string;
  headers: boolean;
  /** --sort-by: a JSONPath into each pod of the --json document. */
  sortBy?: string;
  showLabels: boolean;
  /** -w: print the table, then a row for each pod that changes. */
  watch: boolean;
  color: 'auto' | 'always' | 'never';
  readOnly: boolean;
  demo: boolean;
  all: boolean;
  yes: boolean;
  dryRun: DryRun;
  backupDir?: string;
  timeout?: string;
  /** reschedule: what bare pods are re-created from (live | last-applied; checked by the mode). */
  from?: string;
  /** restore: every pod an unfinished run left deleted. */
  pending: boolean;
  /** profile: -o eksctl|terraform|cloudformation (export, create --dry-run). */
  profileFormat?: ProfileFormat;
  role?: string;
  /** --subnets, each value comma-split. */
  subnets: string[];
  /** --tag k=v, each value comma-split. */
  tags: string[];
  /** profile replace: the new profile's name. */
  name?: string;
  wait: boolean;
  /** profile create: reschedule the pods the new profile captures once it is ACTIVE. */
  reschedule: boolean;
  /** check: only the Fargate pods that block the next control-plane upgrade. */
  upgrade: boolean;
  /** reschedule: every Fargate pod on a kubelet older than the control plane. */
  outdated: boolean;
  /** reschedule: evict | restart for controller pods (checked by the mode); undefined = per workload. */
  strategy?: string;
  help: boolean;
  version: boolean;
}

function readTokens(argv: string[]): PflagTokens {
  try {
    return tokenize(argv, FLAGS);
  } catch (error) {
    if (!(error instanceof PflagError)) throw error;
    if (error.problem === 'unknown-flag') throw new UsageError(error.message, 'see `kubectl fargate --help` for the flags');
    if (error.problem === 'missing-value') throw new UsageError(error.message, 'see `kubectl fargate --help`');
    throw new UsageError(error.message);
  }
}

export function parseArgs(argv: string[]): Options {
  const tokens = readTokens(argv);
  refuseSpacedDryRun(argv);
  // The last value of a scalar flag (pflag's "last one wins"); every value of an array flag.
  const str = (name: string) => tokens.values.get(name)?.at(-1);
  const bool = (name: string) => str(name) === 'true';
  const all = (name: string) => tokens.values.get(name) ?? [];

  const [first, ...rest] = tokens.positionals;
  let command: Command = 'view';
  let args = tokens.positionals;
  if (first !== undefined) {
    if (!(COMMANDS as readonly string[]).includes(first)) {
      throw new UsageError(`unknown command "${first}"`, `commands are: ${COMMANDS.join(', ')} (or none, to view)`);
    }
    command = first as Command;
    args = rest;
  }

  for (const def of FLAGS) {
    const values = tokens.values.get(def.name);
    if (!values) continue;
    const spelled = tokens.spelled.get(def.name)!;
    if (def.commands && !def.commands.includes(command) && values.at(-1) !== 'false') {
      const where = def.commands.map((c) => (c === 'view' ? 'the viewer' : c)).join(', ');
      throw new UsageError(`--${def.name} is only valid with: ${where}`);
    }
    // `--context "$CTX"` with CTX unset: an empty value is a mistake, not a request for the
    // default (which would silently pick another cluster).
    if (def.kind !== 'bool' && !def.emptyOk && values.some((v) => v.trim() === '')) {
      throw new UsageError(`${spelled === `--${def.name}` ? spelled : `${spelled}/--${def.name}`} needs a value`, 'see `kubectl fargate --help`');
    }
  }

  let output: Output | undefined;
  let template: string | undefined;
  let profileFormat: ProfileFormat | undefined;
  const o = str('output');
  if (o !== undefined) {
    if (command === 'profile' && (PROFILE_FORMATS as readonly string[]).includes(o)) profileFormat = o as ProfileFormat;
    else ({ output, template } = parseOutput(o));
  }
  // The template and --sort-by's path are checked by checkTemplateFlags (template-flags.ts),
  // still before anything is contacted.
  const sortBy = str('sort-by');
  if (bool('json')) {
    if (profileFormat) throw new UsageError(`--json conflicts with -o ${profileFormat}`);
    if (output && output !== 'json') throw new UsageError(`--json conflicts with -o ${output}`);
    output = 'json';
  }
  const rows = output === undefined || ROW_OUTPUTS.includes(output);
  if (bool('watch') && (!rows || command !== 'view')) throw new UsageError(`--watch works with the tables (-o table|wide|name|custom-columns), not -o ${output}`);
  if (bool('show-labels') && (!rows || output === 'name')) throw new UsageError(`--show-labels adds a column to the tables (-o table|wide), not -o ${output}`);
  if (command === 'version' && output !== undefined && output !== 'json' && output !== 'yaml') throw new UsageError(`version takes -o json or -o yaml, not -o ${output}`);

  const color = str('color') ?? 'auto';
  if (color !== 'auto' && color !== 'always' && color !== 'never') {
    throw new UsageError(`--color must be auto, always or never (got "${color}")`);
  }
  const namespace = str('namespace');
  const allNamespaces = bool('all-namespaces');
  if (namespace !== undefined && allNamespaces) {
    throw new UsageError('--namespace and --all-namespaces conflict', 'pass one of them');
  }
  if (command !== 'reschedule' && command !== 'restore' && command !== 'completion' && command !== 'profile' && args.length > 0) {
    throw new UsageError(`unexpected argument "${args[0]}"`, 'see `kubectl fargate --help`');
  }

  const dryRun = parseDryRun(str('dry-run'));
  // Durations are checked here, before anything is contacted or confirmed.
  const requestTimeout = str('request-timeout');
  if (requestTimeout !== undefined) parseDuration(requestTimeout, '--request-timeout');
  const timeout = str('timeout');
  if (timeout !== undefined) parseTimeout(timeout, '--timeout');
  const eksCluster = str('eks-cluster');
  const region = str('region');
  if (eksCluster !== undefined) {
    const parsed = parseEksClusterFlag(eksCluster);
    if (parsed === null) {
      throw new UsageError(`invalid --eks-cluster "${eksCluster}": give the EKS cluster's name (letters, digits, - and _) or its ARN`, 'e.g. --eks-cluster demo or --eks-cluster arn:aws:eks:us-east-1:111122223333:cluster/demo');
    }
    if (parsed.region && region !== undefined && region !== parsed.region) {
      throw new UsageError(`--region ${region} conflicts with the region of --eks-cluster ${eksCluster}`, 'drop --region: the ARN names it');
    }
  }

  const multi = readMultiContextFlags({
    command,
    contexts: tokens.values.get('contexts'),
    allContexts: bool('all-contexts'),
    concurrency: str('concurrency'),
    single: { context: str('context'), cluster: str('cluster'), eksCluster, demo: bool('demo') },
  });

  return {
    ...multi,
    command,
    args,
    given: new Set(tokens.values.keys()),
    kubeconfig: str('kubeconfig'),
    context: str('context'),
    cluster: str('cluster'),
    namespace: allNamespaces ? null : (namespace ?? null),
    allNamespaces,
    selector: str('selector'),
    fieldSelector: str('field-selector'),
    selectors: all('selector'),
    selectorSpelled: tokens.spelled.get('selector'),
    requestTimeout,
    connection: connectionOverrides(str, bool, all('as-group')),
    verbosity: parseVerbosity(str('v')),
    eksCluster,
    region,
    awsProfile: str('profile'),
    profilesFiles: all('profiles-file'),
    priceFile: str('price-file'),
    aws: !bool('no-aws'),
    output,
    template,
    headers: !bool('no-headers'),
    sortBy,
    showLabels: bool('show-labels'),
    watch: bool('watch'),
    color,
    readOnly: bool('read-only'),
    demo: bool('demo'),
    all: bool('all'),
    yes: bool('yes'),
    dryRun,
    backupDir: str('backup-dir'),
    timeout,
    from: str('from'),
    pending: bool('pending'),
    profileFormat,
    role: str('role'),
    subnets: commaList(all('subnets')),
    tags: commaList(all('tag')),
    name: str('name'),
    wait: bool('wait'),
    reschedule: bool('reschedule'),
    upgrade: bool('upgrade'),
    outdated: bool('outdated'),
    strategy: str('strategy'),
    help: bool('help'),
    version: bool('version') || command === 'version',
  };
}

/** kubectl's stringSlice: repeatable, and each value split at commas. */
const commaList = (values: readonly string[]): string[] => values.flatMap((v) => v.split(',')).map((v) => v.trim());

/**
 * `--dry-run server` is, for kubectl too, a client dry run plus an argument "server" (a pod name
 * to reschedule): almost surely not what was meant, so it is refused.
 */
function refuseSpacedDryRun(argv: readonly string[]): void {
  const end = argv.indexOf('--');
  const flags = end === -1 ? argv : argv.slice(0, end);
  const at = flags.findIndex((arg, i) => arg === '--dry-run' && (DRY_RUN_MODES as readonly string[]).includes(flags[i + 1] ?? ''));
  if (at !== -1) throw new UsageError(`--dry-run takes its mode after "=": --dry-run=${flags[at + 1]}`, 'a bare --dry-run is --dry-run=client');
}

/** kubectl's values: none (a real run), client, server; bare --dry-run is client. */
function parseDryRun(value: string | undefined): DryRun {
  if (value === undefined || value === 'none') return false;
  if (value === 'client' || value === 'server') return value;
  throw new UsageError(`invalid --dry-run "${value}"`, `use --dry-run=client, --dry-run=server or --dry-run=none (${DRY_RUN_MODES.join('|')})`);
}
