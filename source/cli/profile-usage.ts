// `kubectl fargate profile SUBCOMMAND`: which flags and arguments each subcommand takes, checked
// before anything is contacted. A flag that means nothing to the subcommand is refused (exit 2),
// never silently dropped.
import { parseSelectorText, SELECTOR_SYNTAX, SpecError, specProblems } from '../domain/profile-spec.js';
import type { Selector } from '../domain/types.js';
import { UsageError } from '../errors.js';
import type { Options } from './flags.js';

export const PROFILE_SUBCOMMANDS = ['create', 'replace', 'delete', 'export', 'list'] as const;
export type ProfileSubcommand = (typeof PROFILE_SUBCOMMANDS)[number];

/** Subcommands that change the cluster (refused with --read-only). */
export const PROFILE_WRITES: ReadonlySet<ProfileSubcommand> = new Set(['create', 'replace', 'delete']);

/** Flags any profile subcommand takes: where the cluster is, how to talk to it, how to print. */
const COMMON = ['kubeconfig', 'context', 'cluster', 'request-timeout', 'eks-cluster', 'region', 'profile', 'color', 'demo', 'read-only', 'help', 'version'];

/** What each subcommand takes besides COMMON. */
const TAKES: Record<ProfileSubcommand, readonly string[]> = {
  create: ['selector', 'role', 'subnets', 'tag', 'wait', 'reschedule', 'yes', 'dry-run', 'timeout', 'backup-dir', 'output', 'json'],
  replace: ['name', 'selector', 'role', 'subnets', 'tag', 'yes', 'dry-run', 'timeout', 'backup-dir', 'output', 'json'],
  delete: ['wait', 'yes', 'dry-run', 'timeout', 'backup-dir'],
  export: ['output', 'json', 'profiles-file', 'no-aws'],
  list: ['output', 'json', 'no-headers', 'profiles-file', 'no-aws'],
};

export interface ProfileCommand {
  sub: ProfileSubcommand;
  /** The profile names after the subcommand. */
  names: string[];
  /** --selector values, read as Fargate selectors. */
  selectors: Selector[];
  /** --tag values. */
  tags: Record<string, string>;
}

/** Every check that needs no cluster: a bad command line is one line and exit 2. */
export function checkProfileUsage(options: Options): ProfileCommand {
  const [first, ...names] = options.args;
  if (first === undefined) throw new UsageError('name a profile subcommand', `kubectl fargate profile ${PROFILE_SUBCOMMANDS.join('|')}`);
  if (!(PROFILE_SUBCOMMANDS as readonly string[]).includes(first)) {
    throw new UsageError(`unknown profile subcommand "${first}"`, `use one of: ${PROFILE_SUBCOMMANDS.join(', ')}`);
  }
  const sub = first as ProfileSubcommand;
  const takes = new Set([...COMMON, ...TAKES[sub]]);
  for (const flag of options.given) {
    if (takes.has(flag) || (flag === 'no-headers' && takes.has('output'))) continue;
    if (flag === 'selector' && options.selectorSpelled === '-l') {
      throw new UsageError(`-l is kubectl's label selector, which profile ${sub} does not take`, `a Fargate selector is --selector ${SELECTOR_SYNTAX}`);
    }
    throw new UsageError(`--${flag} does not apply to profile ${sub}`, hintFor(flag, sub));
  }
  if (options.selectorSpelled === '-l') {
    throw new UsageError(`-l is kubectl's label selector; under profile, write a Fargate selector as --selector ${SELECTOR_SYNTAX}`, 'e.g. --selector apps:tier=web');
  }
  if (PROFILE_WRITES.has(sub) && options.readOnly) throw new UsageError(`--read-only: profile ${sub} would change the cluster`, 'drop --read-only to change it');
  if (options.dryRun === 'server') {
    throw new UsageError('--dry-run=server: the EKS API has no dry run, so EKS cannot check a profile command without doing it', 'use --dry-run (client) to see what would be sent');
  }
  checkArguments(sub, names, options);
  checkOutput(sub, options);
  const command: ProfileCommand = { sub, names, selectors: options.selectors.map(readSelector), tags: readTags(options.tags) };
  checkSpec(command, options);
  return command;
}

/** EKS's rules for what the command line gives (name, selectors, tags, subnets, role), before anything is read. */
function checkSpec(command: ProfileCommand, options: Options): void {
  const name = command.sub === 'create' ? command.names[0] : command.sub === 'replace' ? options.name : undefined;
  if (name === undefined) return;
  // Stand-ins for what the cluster may still supply; only what was given is judged.
  const spec = {
    name,
    selectors: command.selectors.length > 0 ? command.selectors : [{ namespace: 'x' }],
    podExecutionRoleArn: options.role ?? 'arn:aws:iam::000000000000:role/x',
    subnets: options.subnets,
    tags: command.tags,
  };
  const problem = specProblems(spec)[0];
  if (problem) throw new UsageError(problem.problem, problem.hint);
}

function checkArguments(sub: ProfileSubcommand, names: string[], options: Options): void {
  const one = (what: string): void => {
    if (names.length === 0) throw new UsageError(`profile ${sub} needs the ${what}`, `e.g. kubectl fargate profile ${sub} fp-apps${sub === 'create' ? ' --selector apps' : ''}`);
    if (names.length > 1) throw new UsageError(`profile ${sub} takes one profile name, got ${names.length}: ${names.join(' ')}`, 'run it once per profile');
  };
  if (sub === 'create') {
    one('name of the new profile');
    if (options.selectors.length === 0) throw new UsageError('profile create needs at least one --selector', `--selector ${SELECTOR_SYNTAX}, e.g. --selector apps or --selector apps:tier=web (repeatable, up to 5)`);
  }
  if (sub === 'replace') {
    one('name of the profile to replace');
    if (options.name !== undefined && options.name === names[0]) {
      throw new UsageError(`--name ${options.name} is the profile being replaced`, 'profiles are immutable: give the new profile another name');
    }
  }
  if (sub === 'delete') one('name of the profile to delete');
  if (sub === 'list' && names.length > 0) throw new UsageError(`profile list takes no names (got ${names.join(' ')})`, 'use `kubectl fargate profile export NAME` for some profiles');
}

function checkOutput(sub: ProfileSubcommand, options: Options): void {
  const format = options.profileFormat ?? options.output;
  if (format === undefined) return;
  const allowed: Record<ProfileSubcommand, readonly string[]> = {
    list: ['table', 'wide', 'json', 'yaml'],
    export: ['eksctl', 'terraform', 'cloudformation', 'json'],
    create: options.dryRun ? ['eksctl', 'terraform', 'cloudformation', 'json'] : [],
    replace: options.dryRun ? ['eksctl', 'terraform', 'cloudformation', 'json'] : [],
    delete: [],
  };
  if (allowed[sub].includes(format)) return;
  if (allowed[sub].length === 0) {
    throw new UsageError(`-o ${format} does not apply to profile ${sub}`, sub === 'delete' ? 'its plan and results are printed as text' : `-o ${format} goes with --dry-run, which prints the profile instead of creating it`);
  }
  throw new UsageError(`-o ${format} does not apply to profile ${sub}`, `use -o ${allowed[sub].join('|')}`);
}

function readSelector(text: string): Selector {
  try {
    return parseSelectorText(text);
  } catch (error) {
    // The domain says `selector "TEXT": ...`; on the command line it was the flag's value.
    if (error instanceof SpecError) throw new UsageError(`--${error.detail.problem}`, error.detail.hint);
    throw error;
  }
}

/** --tag k=v (repeatable, comma-separated): AWS tag values cannot hold commas, so the split is safe. */
function readTags(values: readonly string[]): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const text of values) {
    const eq = text.indexOf('=');
    if (eq <= 0) throw new UsageError(`--tag "${text}" is not key=value`, 'e.g. --tag team=payments');
    const key = text.slice(0, eq);
    if (key in tags) throw new UsageError(`--tag ${key} is given twice`, 'give each tag once');
    tags[key] = text.slice(eq + 1);
  }
  return tags;
}

function hintFor(flag: string, sub: ProfileSubcommand): string {
  if (flag === 'namespace' || flag === 'all-namespaces') return `a profile is cluster-wide; its selectors name namespaces (--selector ${SELECTOR_SYNTAX})`;
  if (flag === 'no-aws' || flag === 'profiles-file') return `profile ${sub} works on the live profiles of EKS`;
  return `see \`kubectl fargate --help\` for what profile ${sub} takes`;
}
