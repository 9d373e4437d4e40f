// The `:` prompt's commands, as DATA: the prompt runs them, tab completes them, `?` and README
// list them from this table. A command moves between views, switches the kubeconfig context
// (reading only) or quits; none of them writes to the cluster.
import type { NavAction } from './navigation.js';

export interface CommandContext {
  /** Namespaces the view knows (listed, or holding pods). */
  namespaces: ReadonlySet<string>;
  /** The namespace the session is limited to (`-n`), or null for all. */
  watched: string | null;
  /** The kubeconfig's context names; null when the host offers no switching. */
  contexts: readonly string[] | null;
}

export type CommandOutcome =
  | { kind: 'nav'; action: NavAction }
  | { kind: 'quit' }
  /** List the kubeconfig's contexts. */
  | { kind: 'contexts' }
  /** Switch the live view to this context. */
  | { kind: 'switch'; context: string }
  /** Said in the prompt line; nothing else happens. */
  | { kind: 'error'; message: string };

export interface PromptCommand {
  /** The first name is the one shown; the others are aliases (k9s spellings). */
  names: readonly string[];
  /** How arguments are written in help ('' = none). */
  args: string;
  description: string;
  /** At most this many arguments. */
  maxArgs: number;
  /** What tab offers for the argument. */
  complete?: (context: CommandContext) => readonly string[];
  run(args: readonly string[], context: CommandContext): CommandOutcome;
}

const ALL_NAMESPACES = ['all', '-A', '--all-namespaces'];

function podsOf(namespace: string | undefined, context: CommandContext): CommandOutcome {
  if (namespace === undefined) return { kind: 'nav', action: { type: 'jump', list: 'pods' } };
  if (ALL_NAMESPACES.includes(namespace)) return { kind: 'nav', action: { type: 'jump', list: 'pods', namespace: null } };
  if (context.watched !== null && namespace !== context.watched) {
    return { kind: 'error', message: `only namespace ${context.watched} is watched (started with -n ${context.watched}); restart without -n to see ${namespace}` };
  }
  if (!context.namespaces.has(namespace)) return { kind: 'error', message: `namespace ${namespace} not found` };
  return { kind: 'nav', action: { type: 'jump', list: 'pods', namespace } };
}

function contextsCommand(name: string | undefined, context: CommandContext): CommandOutcome {
  if (context.contexts === null) return { kind: 'error', message: 'switching contexts is not offered here' };
  if (name === undefined) return { kind: 'contexts' };
  if (!context.contexts.includes(name)) return { kind: 'error', message: `context ${name} not found in the kubeconfig (tab lists them; :ctx shows them)` };
  return { kind: 'switch', context: name };
}

export const COMMANDS: readonly PromptCommand[] = [
  {
    names: ['pods', 'po', 'pod'],
    args: '[NAMESPACE]',
    description: 'Pods of NAMESPACE (all or -A: every namespace; none: this one)',
    maxArgs: 1,
    complete: (c) => (c.watched !== null ? [c.watched] : ['all', ...[...c.namespaces].sort()]),
    run: (args, context) => podsOf(args[0], context),
  },
  {
    names: ['ns', 'namespaces', 'namespace'],
    args: '',
    description: 'The namespaces view',
    maxArgs: 0,
    run: () => ({ kind: 'nav', action: { type: 'jump', list: 'namespaces' } }),
  },
  {
    names: ['profiles', 'fp', 'profile', 'fargateprofiles'],
    args: '',
    description: 'The Fargate profiles view',
    maxArgs: 0,
    run: () => ({ kind: 'nav', action: { type: 'jump', list: 'profiles' } }),
  },
  {
    names: ['ctx', 'context', 'contexts'],
    args: '[CONTEXT]',
    description: "The kubeconfig's contexts; with a name, switch the live view to it (its cluster and profiles are read anew)",
    maxArgs: 1,
    complete: (c) => c.contexts ?? [],
    run: (args, context) => contextsCommand(args[0], context),
  },
  {
    names: ['q', 'quit', 'q!'],
    args: '',
    description: 'Quit (a reschedule in flight is finished first)',
    maxArgs: 0,
    run: () => ({ kind: 'quit' }),
  },
];

export const findCommand = (name: string, commands: readonly PromptCommand[] = COMMANDS): PromptCommand | undefined =>
  commands.find((c) => c.names.includes(name));

/** What the line typed after `:` does. Unknown commands and stray arguments are errors, never guesses. */
export function runCommandLine(line: string, context: CommandContext, commands: readonly PromptCommand[] = COMMANDS): CommandOutcome {
  const [name, ...args] = line.trim().split(/\s+/).filter((w) => w !== '');
  if (name === undefined) return { kind: 'error', message: `type a command: ${commandHint(commands)} (tab completes; esc closes the prompt)` };
  const command = findCommand(name, commands);
  if (!command) return { kind: 'error', message: `unknown command: ${name}` };
  if (args.length > command.maxArgs) {
    return { kind: 'error', message: `:${name} takes ${command.maxArgs === 0 ? 'no arguments' : `at most ${command.maxArgs} argument`}: ${commandUsage(command)}` };
  }
  return command.run(args, context);
}

/** `:pods [NAMESPACE]` for help and README. */
export const commandUsage = (command: PromptCommand): string => `:${command.names[0]}${command.args ? ` ${command.args}` : ''}`;

/** The names the prompt line suggests while empty. */
export const commandHint = (commands: readonly PromptCommand[] = COMMANDS): string => commands.map((c) => `:${c.names[0]}`).join(' ');

export interface Completion {
  /** The line with the word completed as far as the candidates agree. */
  line: string;
  /** Every word that fits what was typed (shown when there is more than one). */
  candidates: readonly string[];
}

const commonPrefix = (words: readonly string[]): string =>
  words.reduce((prefix, word) => {
    let i = 0;
    while (i < prefix.length && i < word.length && prefix[i] === word[i]) i++;
    return prefix.slice(0, i);
  }, words[0] ?? '');

/**
 * tab in the prompt: the command name, or the argument (a namespace for :pods, a context for
 * :ctx). One candidate is completed (with a space after a command that takes an argument);
 * several are completed as far as they agree and listed.
 */
export function completeLine(line: string, context: CommandContext, commands: readonly PromptCommand[] = COMMANDS): Completion {
  const words = line.trimStart().split(/\s+/);
  if (words.length <= 1) {
    const typed = words[0] ?? '';
    // A name matches by itself or by an alias; the shown name is offered for a command matched by several.
    const matches = commands.filter((c) => c.names.some((n) => n.startsWith(typed)));
    const candidates = matches.map((c) => c.names.find((n) => n.startsWith(typed) && n === c.names[0]) ?? c.names.find((n) => n.startsWith(typed))!);
    if (candidates.length === 0) return { line, candidates: [] };
    if (candidates.length === 1) {
      const command = matches[0]!;
      return { line: `${candidates[0]}${command.maxArgs > 0 ? ' ' : ''}`, candidates };
    }
    return { line: commonPrefix(candidates).length > typed.length ? commonPrefix(candidates) : line, candidates };
  }
  const command = findCommand(words[0]!, commands);
  if (!command?.complete || words.length > command.maxArgs + 1) return { line, candidates: [] };
  const typed = words.at(-1) ?? '';
  const candidates = command.complete(context).filter((w) => w.startsWith(typed));
  const head = `${words.slice(0, -1).join(' ')} `;
  if (candidates.length === 1) return { line: head + candidates[0], candidates };
  const prefix = commonPrefix(candidates);
  return { line: prefix.length > typed.length ? head + prefix : line, candidates };
}
