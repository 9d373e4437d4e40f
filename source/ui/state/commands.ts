// The `:` prompt's commands, as DATA: the prompt runs them, `?` and README list them from this
// table, and later commands (context switching, completion, history) are rows added here. A
// command only moves between views or quits; none of them touches the cluster.
import type { NavAction } from './navigation.js';

export interface CommandContext {
  /** Namespaces the view knows (listed, or holding pods). */
  namespaces: ReadonlySet<string>;
  /** The namespace the session is limited to (`-n`), or null for all. */
  watched: string | null;
}

export type CommandOutcome =
  | { kind: 'nav'; action: NavAction }
  | { kind: 'quit' }
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
  run(args: readonly string[], context: CommandContext): CommandOutcome;
}

const ALL_NAMESPACES = new Set(['all', '-A', '--all-namespaces']);

function podsOf(namespace: string | undefined, context: CommandContext): CommandOutcome {
  if (namespace === undefined) return { kind: 'nav', action: { type: 'jump', list: 'pods' } };
  if (ALL_NAMESPACES.has(namespace)) return { kind: 'nav', action: { type: 'jump', list: 'pods', namespace: null } };
  if (context.watched !== null && namespace !== context.watched) {
    return { kind: 'error', message: `only namespace ${context.watched} is watched (started with -n ${context.watched}); restart without -n to see ${namespace}` };
  }
  if (!context.namespaces.has(namespace)) return { kind: 'error', message: `namespace ${namespace} not found` };
  return { kind: 'nav', action: { type: 'jump', list: 'pods', namespace } };
}

export const COMMANDS: readonly PromptCommand[] = [
  {
    names: ['pods', 'po', 'pod'],
    args: '[NAMESPACE]',
    description: 'Pods of NAMESPACE (all or -A: every namespace; none: this one)',
    maxArgs: 1,
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
  if (name === undefined) return { kind: 'error', message: 'type a command: :pods, :ns, :profiles or :q (esc closes the prompt)' };
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
