// What to offer for the word being typed, in cobra's `__complete` terms (kubectl >= 1.26 asks
// `kubectl_complete-fargate` this way, and the scripts of `kubectl fargate completion` do too):
// the words typed so far, the last one being completed (possibly ""), give candidates and a
// directive for the shell. The words are read with the CLI's own grammar (lib/pflag.ts, FLAGS),
// so `-nkube-<TAB>`, `--context=<TAB>` and `--dry-run=<TAB>` complete as they will parse.
import { PflagError, tokenize } from '../lib/pflag.js';
import { COMMANDS, FLAGS, type FlagDef } from './flags.js';
import { SHELLS, argKindOf, commandCandidates, flagDescription, valueKindOf, type Candidate } from './completion-words.js';

/** cobra's ShellCompDirective bits (the ones we send). */
export const Directive = {
  /** Offer the candidates; with none, the shell completes file names. */
  default: 0,
  /** Something went wrong: the shell offers nothing. */
  error: 1,
  noSpace: 2,
  /** With no candidates, offer nothing (not file names). */
  noFileComp: 4,
} as const;

export interface CompletionResult {
  candidates: Candidate[];
  directive: number;
}

/** What the words before the cursor say. */
export interface TypedSoFar {
  /** The values of each flag given, by long name (booleans as 'true' / 'false'). */
  flags: ReadonlyMap<string, readonly string[]>;
  /** The command (check, reschedule, ...); undefined for the live view. */
  command: string | undefined;
  /** The command's arguments typed so far. */
  args: readonly string[];
}

/** Values read from the kubeconfig, the cluster, EKS or the AWS config. Failures are empty lists. */
export interface ValueSource {
  contexts(typed: TypedSoFar): Promise<readonly string[]>;
  clusters(typed: TypedSoFar): Promise<readonly string[]>;
  namespaces(typed: TypedSoFar): Promise<readonly string[]>;
  /** Pods in the -n namespace, else the context's. */
  pods(typed: TypedSoFar): Promise<readonly string[]>;
  fargateProfiles(typed: TypedSoFar): Promise<readonly string[]>;
  awsProfiles(typed: TypedSoFar): Promise<readonly string[]>;
  manifestSources(): Promise<readonly string[]>;
}

const NOTHING: CompletionResult = { candidates: [], directive: Directive.noFileComp };
/** Leave it to the shell: file names. */
const FILES: CompletionResult = { candidates: [], directive: Directive.default };

const byName = new Map(FLAGS.map((def) => [def.name, def]));
const byShort = new Map(FLAGS.filter((def) => def.short).map((def) => [def.short!, def]));
const takesValue = (def: FlagDef) => def.kind !== 'bool' && def.noValue === undefined;

/** `words`: the arguments after the program name; the last is the word being completed. */
export async function complete(words: readonly string[], source: ValueSource): Promise<CompletionResult> {
  const before = words.slice(0, -1);
  const current = words.at(-1) ?? '';
  const read = readTyped(before);
  if (!read) return NOTHING;
  const { typed, pending, afterDashDash } = read;
  if (pending) return flagValues(pending, current, '', typed, source);
  if (afterDashDash || !current.startsWith('-')) return positional(current, typed, source);
  if (current.startsWith('--')) {
    const eq = current.indexOf('=');
    if (eq === -1) return flagNames(current, typed);
    const def = byName.get(current.slice(2, eq));
    // The shell replaces only what follows "=" (a word break): the values alone, as cobra sends them.
    return def ? flagValues(def, current.slice(eq + 1), '', typed, source) : NOTHING;
  }
  if (current === '-') return flagNames(current, typed);
  return shorthands(current, typed, source);
}

/**
 * The flags, command and arguments before the cursor; `pending` when the last word is a flag
 * still waiting for its value (`-n <TAB>`). Null when they do not parse (an unknown flag).
 */
function readTyped(before: readonly string[]): { typed: TypedSoFar; pending?: FlagDef; afterDashDash: boolean } | null {
  const afterDashDash = before.includes('--');
  const typedFrom = (words: readonly string[]): TypedSoFar => {
    const tokens = tokenize(words, FLAGS);
    const [first, ...rest] = tokens.positionals;
    return { flags: tokens.values, command: first, args: first === undefined ? [] : rest };
  };
  try {
    return { typed: typedFrom(before), afterDashDash };
  } catch (error) {
    if (!(error instanceof PflagError) || error.problem !== 'missing-value') return null;
  }
  // Only the last word can lack its value: `--namespace`, `-n`, or a group ending in one (`-An`).
  const last = before.at(-1)!;
  const pending = last.startsWith('--') ? byName.get(last.slice(2)) : byShort.get(last.at(-1)!);
  try {
    return pending ? { typed: typedFrom(before.slice(0, -1)), pending, afterDashDash } : null;
  } catch {
    return null;
  }
}

const commandOf = (typed: TypedSoFar) => typed.command ?? 'view';
const validFor = (def: FlagDef, typed: TypedSoFar) => !def.commands || def.commands.some((c) => c === commandOf(typed));

/** `--na<TAB>`, `-<TAB>`: the flags this command takes, less those already given once (as cobra). */
function flagNames(current: string, typed: TypedSoFar): CompletionResult {
  const candidates: Candidate[] = [];
  for (const def of FLAGS) {
    if (!validFor(def, typed) || (def.kind !== 'array' && typed.flags.has(def.name))) continue;
    const description = flagDescription(def);
    if (`--${def.name}`.startsWith(current)) candidates.push({ value: `--${def.name}`, description });
    if (def.short && `-${def.short}`.startsWith(current)) candidates.push({ value: `-${def.short}`, description });
  }
  return { candidates, directive: Directive.noFileComp };
}

/** `-A`, `-Ay`, `-nkube<TAB>`, `-n=kube<TAB>`, `-oy<TAB>`: grouped shorthands, the last may carry a value. */
async function shorthands(current: string, typed: TypedSoFar, source: ValueSource): Promise<CompletionResult> {
  const chars = [...current.slice(1)];
  for (const [i, char] of chars.entries()) {
    const def = byShort.get(char);
    if (!def) return NOTHING;
    if (!takesValue(def)) continue;
    const written = `-${chars.slice(0, i + 1).join('')}`;
    const rest = current.slice(written.length);
    if (rest === '') return { candidates: [{ value: current, description: flagDescription(def) }], directive: Directive.noFileComp };
    if (rest.startsWith('=')) return flagValues(def, rest.slice(1), '', typed, source);
    return flagValues(def, rest, written, typed, source);
  }
  // Booleans only: the word is complete as typed.
  return { candidates: [{ value: current }], directive: Directive.noFileComp };
}

async function flagValues(def: FlagDef, typedValue: string, prefix: string, typed: TypedSoFar, source: ValueSource): Promise<CompletionResult> {
  if (def.kind === 'bool') return offer(['true', 'false'], typedValue, prefix);
  const kind = valueKindOf(def);
  if (kind === 'files') return FILES;
  if (kind === 'none') return NOTHING;
  if (typeof kind === 'object') return offer(kind.fixed, typedValue, prefix);
  const values = {
    contexts: () => source.contexts(typed),
    clusters: () => source.clusters(typed),
    namespaces: () => source.namespaces(typed),
    'aws-profiles': () => source.awsProfiles(typed),
    'manifest-sources': () => source.manifestSources(),
  }[kind];
  return offer(await values(), typedValue, prefix);
}

/** The command, or the command's arguments. */
async function positional(current: string, typed: TypedSoFar, source: ValueSource): Promise<CompletionResult> {
  if (typed.command === undefined) {
    return { candidates: commandCandidates().filter((c) => c.value.startsWith(current)), directive: Directive.noFileComp };
  }
  if (!(COMMANDS as readonly string[]).includes(typed.command)) return NOTHING;
  switch (argKindOf(typed.command)) {
    case 'files':
      return FILES;
    case 'shells':
      return typed.args.length === 0 ? offer(SHELLS, current, '') : NOTHING;
    case 'pods':
      // Pod names need one namespace (reschedule refuses -A with names).
      if (typed.flags.get('all-namespaces')?.at(-1) === 'true' || typed.flags.get('all')?.at(-1) === 'true') return NOTHING;
      return offer((await source.pods(typed)).filter((name) => !typed.args.includes(name)), current, '');
    case 'fargate-profiles':
      return offer((await source.fargateProfiles(typed)).filter((name) => !typed.args.includes(name)), current, '');
    case 'none':
      return NOTHING;
  }
}

function offer(values: readonly string[], typedValue: string, prefix: string): CompletionResult {
  const candidates = [...new Set(values)].filter((v) => v.startsWith(typedValue)).map((v) => ({ value: prefix + v }));
  return { candidates, directive: Directive.noFileComp };
}
