// Key bindings as DATA: the input handler, the footer, the `?` help screen and README's key table
// all read this table, so what the help says is exactly what the keys do. A new key is a Command
// here, a binding below and a handler in app/command-handlers.ts (the compiler asks for it).
// Long because it is one table: every key of every screen, side by side, is what keeps them
// from clashing.
import type { Screen } from './state/navigation.js';
import type { SortColumn } from './state/sort.js';

/** Screens a binding can be active on. */
export type ScreenKind = Screen['kind'];

/**
 * What has the keyboard while it is open over a screen: the `:` prompt, the `/` filter, a
 * confirmation dialog, a typed confirmation. Keys then go ONLY to its bindings (and, in a text
 * field, into the text): nothing falls through to the screen's keys.
 */
export type InputKind = 'command' | 'filter' | 'confirm' | 'typed-confirm' | 'form';

/** Where a binding can be active: a screen, or an input open over one. */
export type KeyContext = ScreenKind | InputKind;

export const INPUT_KINDS: readonly InputKind[] = ['command', 'filter', 'confirm', 'typed-confirm', 'form'];
export const isInputKind = (context: KeyContext): context is InputKind => (INPUT_KINDS as readonly string[]).includes(context);

export type Command =
  | 'nav.up'
  | 'nav.down'
  | 'nav.top'
  | 'nav.bottom'
  | 'nav.pageUp'
  | 'nav.pageDown'
  | 'view.next'
  | 'view.open'
  | 'view.back'
  | 'view.profiles'
  | 'ns.all'
  | 'filter.start'
  | `sort.${SortColumn}`
  | 'pods.onlyReschedule'
  | 'pods.onlyOutdated'
  | 'pod.yaml'
  | 'pod.describe'
  | 'pod.logs'
  | 'pod.copyName'
  | 'logs.container'
  | 'logs.tail'
  | 'profiles.refresh'
  | 'profile.create'
  | 'profile.delete'
  | 'profile.export'
  | 'export.format'
  | 'form.next'
  | 'form.submit'
  | 'help.toggle'
  | 'app.quit'
  | 'app.interrupt'
  | 'mark.toggle'
  | 'pod.reschedule'
  | 'ns.rescheduleAll'
  | 'ns.recycleOutdated'
  | 'run.show'
  | 'prompt.open'
  | 'prompt.run'
  | 'prompt.complete'
  | 'prompt.older'
  | 'prompt.newer'
  | 'filter.apply'
  | 'input.erase'
  | 'input.cancel'
  | 'dialog.confirm'
  | 'dialog.cancel'
  | 'dialog.typedConfirm'
  | 'dialog.strategy';

/** Special (non-printable) keys, named after ink's `Key` flags. */
export type SpecialKey =
  | 'upArrow'
  | 'downArrow'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'return'
  | 'escape'
  | 'tab'
  | 'backspace';

export interface KeySpec {
  /** A printable character (`j`, `G`, `?`, ` `). */
  char?: string;
  special?: SpecialKey;
  ctrl?: boolean;
  /** How the key is written in help and the footer. */
  label: string;
}

/**
 * What a binding needs before it may be bound at all (k9s binds a key only if allowed):
 * 'reschedule' = the host offers it AND the user's permissions allow it here; 'run' = a
 * reschedule run exists to look at; 'read' / 'logs' = the user may get the focused pod / its
 * log (RBAC, asked for the pod's namespace); 'copy' = the host can put text on the clipboard;
 * 'profile-write' = the host offers profile writes (never with --read-only); 'export' = the host
 * can export profiles.
 */
export type Capability = 'reschedule' | 'run' | 'read' | 'logs' | 'copy' | 'profile-write' | 'export';

export type HelpSection = 'Navigation' | 'Views' | 'Pods' | 'Reschedule' | 'Profiles' | 'General' | 'Prompts and dialogs';

export interface Binding {
  command: Command;
  keys: KeySpec[];
  description: string;
  section: HelpSection;
  screens: readonly KeyContext[];
  /** Short word for the footer; bindings without it appear only in help. */
  footer?: string;
  /** Deletes or changes something in the cluster: never bound with --read-only. */
  destructive?: boolean;
  requires?: Capability;
  /**
   * Acts only on a key pressed on its own: never on one of several keys that arrive in one input
   * chunk (tmux may deliver `:crd⏎` or a paste at once), which is shown as ignored instead.
   */
  alone?: boolean;
}

/** The lists `tab` cycles. */
const LISTS: readonly ScreenKind[] = ['namespaces', 'pods', 'profiles'];
const ALL_LISTS: readonly ScreenKind[] = [...LISTS, 'profile', 'contexts'];
/** Lists of pods: sorted by column, their pods read with y/d/l. */
const POD_LISTS: readonly ScreenKind[] = ['pods', 'profile'];
/** Screens about one pod, and the lists of pods: y, d, l and c act on that pod (or the selected one). */
const ON_A_POD: readonly ScreenKind[] = [...POD_LISTS, 'detail', 'yaml', 'describe', 'logs'];
const SCROLLABLE: readonly ScreenKind[] = [...ALL_LISTS, 'detail', 'yaml', 'describe', 'logs', 'help', 'progress', 'export'];
const EVERYWHERE: readonly ScreenKind[] = SCROLLABLE;
const TEXT_FIELDS: readonly InputKind[] = ['command', 'filter', 'typed-confirm', 'form'];
/** Every screen and every prompt or dialog open over one. */
const ANYWHERE: readonly KeyContext[] = [...EVERYWHERE, ...INPUT_KINDS];

const SORT_KEYS: ReadonlyArray<[SortColumn, string, string]> = [
  ['name', 'N', 'namespace and name'],
  ['status', 'S', 'status'],
  ['runsOn', 'T', 'node type'],
  ['current', 'C', 'current profile'],
  ['expected', 'E', 'expected profile'],
  ['verdict', 'V', 'verdict (most actionable first)'],
  ['age', 'A', 'age (youngest first)'],
];

export const KEYMAP: readonly Binding[] = [
  { command: 'nav.down', keys: [{ char: 'j', label: 'j' }, { special: 'downArrow', label: '↓' }], description: 'Move down', section: 'Navigation', screens: SCROLLABLE },
  { command: 'nav.up', keys: [{ char: 'k', label: 'k' }, { special: 'upArrow', label: '↑' }], description: 'Move up', section: 'Navigation', screens: SCROLLABLE },
  { command: 'nav.top', keys: [{ char: 'g', label: 'g' }, { special: 'home', label: 'home' }], description: 'Go to the top', section: 'Navigation', screens: SCROLLABLE },
  { command: 'nav.bottom', keys: [{ char: 'G', label: 'G' }, { special: 'end', label: 'end' }], description: 'Go to the bottom (a log then follows new lines)', section: 'Navigation', screens: SCROLLABLE },
  { command: 'nav.pageDown', keys: [{ special: 'pageDown', label: 'pgdn' }, { char: 'f', ctrl: true, label: 'ctrl-f' }], description: 'Page down', section: 'Navigation', screens: SCROLLABLE },
  { command: 'nav.pageUp', keys: [{ special: 'pageUp', label: 'pgup' }, { char: 'b', ctrl: true, label: 'ctrl-b' }], description: 'Page up', section: 'Navigation', screens: SCROLLABLE },
  { command: 'view.open', keys: [{ special: 'return', label: 'enter' }], description: 'Open the namespace, the pod detail, the profile\'s pods', section: 'Views', screens: ['namespaces', 'pods', 'profiles', 'profile'], footer: 'open' },
  { command: 'view.open', keys: [{ special: 'return', label: 'enter' }], description: 'Switch the live view to the context (its cluster and profiles are read anew)', section: 'Views', screens: ['contexts'], footer: 'switch' },
  { command: 'view.back', keys: [{ special: 'escape', label: 'esc' }], description: 'Back to the previous view; on a filtered list, clear its filter first', section: 'Views', screens: EVERYWHERE, footer: 'back' },
  { command: 'view.next', keys: [{ special: 'tab', label: 'tab' }], description: 'Next view: namespaces → pods → profiles (esc comes back)', section: 'Views', screens: LISTS, footer: 'view' },
  { command: 'view.profiles', keys: [{ char: 'p', label: 'p' }], description: 'Profiles view', section: 'Views', screens: ['namespaces', 'pods', 'detail'] },
  { command: 'ns.all', keys: [{ char: '0', label: '0' }], description: 'Pods of all namespaces', section: 'Views', screens: ['namespaces', 'pods'] },
  { command: 'filter.start', keys: [{ char: '/', label: '/' }], description: 'Filter: a regular expression over the columns, /!x inverse, /-l key=value labels', section: 'Views', screens: ALL_LISTS, footer: 'filter' },
  { command: 'pod.yaml', keys: [{ char: 'y', label: 'y' }], description: "The pod's YAML, as the API server has it", section: 'Pods', screens: ON_A_POD, footer: 'yaml', requires: 'read' },
  { command: 'pod.describe', keys: [{ char: 'd', label: 'd' }], description: 'Describe the pod: its containers, conditions and events', section: 'Pods', screens: ON_A_POD, footer: 'describe', requires: 'read' },
  { command: 'pod.logs', keys: [{ char: 'l', label: 'l' }], description: "The pod's log, followed (tab: the next container)", section: 'Pods', screens: ON_A_POD, footer: 'logs', requires: 'logs' },
  { command: 'pod.copyName', keys: [{ char: 'c', label: 'c' }], description: "Copy the pod's name to the clipboard", section: 'Pods', screens: ON_A_POD, requires: 'copy' },
  { command: 'logs.container', keys: [{ special: 'tab', label: 'tab' }], description: "Log: the pod's next container", section: 'Pods', screens: ['logs'], footer: 'container' },
  { command: 'logs.tail', keys: [{ char: 's', label: 's' }], description: 'Log: follow the newest line, or stay where you are (toggle)', section: 'Pods', screens: ['logs'], footer: 'follow' },
  ...SORT_KEYS.map(([column, key, what]): Binding => ({ command: `sort.${column}`, keys: [{ char: key, label: key }], description: `Sort by ${what}; again: reverse`, section: 'Pods', screens: POD_LISTS })),
  { command: 'pods.onlyReschedule', keys: [{ char: 'f', label: 'f' }, { char: 'z', ctrl: true, label: 'ctrl-z' }], description: 'Only pods needing reschedule (toggle)', section: 'Pods', screens: ['pods'], footer: 'drift' },
  { command: 'pods.onlyOutdated', keys: [{ char: 'u', label: 'u' }], description: 'Only pods whose Fargate kubelet blocks the next control-plane upgrade (toggle)', section: 'Pods', screens: ['pods'] },
  { command: 'mark.toggle', keys: [{ char: ' ', label: 'space' }], description: 'Mark / unmark the pod', section: 'Reschedule', screens: ['pods'], footer: 'mark', requires: 'reschedule' },
  { command: 'pod.reschedule', keys: [{ char: 'r', label: 'r' }], description: 'Reschedule the marked pods (or the selected one)', section: 'Reschedule', screens: ['pods'], footer: 'reschedule', destructive: true, requires: 'reschedule', alone: true },
  { command: 'pod.reschedule', keys: [{ char: 'r', label: 'r' }], description: 'Reschedule this pod (the one the detail shows)', section: 'Reschedule', screens: ['detail'], footer: 'reschedule', destructive: true, requires: 'reschedule', alone: true },
  { command: 'ns.rescheduleAll', keys: [{ char: 'r', ctrl: true, label: 'ctrl-r' }], description: 'Reschedule every pod needing it in the namespace', section: 'Reschedule', screens: ['pods'], destructive: true, requires: 'reschedule', alone: true },
  { command: 'ns.recycleOutdated', keys: [{ char: 'U', label: 'U' }], description: 'Recycle every pod in the namespace that blocks the next control-plane upgrade', section: 'Reschedule', screens: ['pods'], destructive: true, requires: 'reschedule', alone: true },
  { command: 'run.show', keys: [{ char: 'w', label: 'w' }], description: 'Show the reschedule progress (it goes on after esc)', section: 'Reschedule', screens: ['namespaces', 'pods', 'profiles', 'detail'], footer: 'progress', requires: 'run' },
  { command: 'profile.export', keys: [{ char: 'e', label: 'e' }], description: 'Export the profile: eksctl, Terraform, CloudFormation or CreateFargateProfile JSON', section: 'Profiles', screens: ['profiles'], footer: 'export', requires: 'export' },
  { command: 'export.format', keys: [{ special: 'tab', label: 'tab' }], description: 'Export: the next form (eksctl → terraform → cloudformation → json)', section: 'Profiles', screens: ['export'], footer: 'format' },
  { command: 'profile.create', keys: [{ char: 'c', label: 'c' }], description: 'Create a profile: a form prefilled from the selected namespace or pod, the what-if, then y', section: 'Profiles', screens: ['profiles'], footer: 'create', destructive: true, requires: 'profile-write', alone: true },
  { command: 'profile.delete', keys: [{ char: 'x', label: 'x' }], description: 'Delete the profile: what EKS does to its pods, bare pods backed up first, its name typed to confirm', section: 'Profiles', screens: ['profiles'], footer: 'delete', destructive: true, requires: 'profile-write', alone: true },
  { command: 'profiles.refresh', keys: [{ char: 'R', label: 'R' }], description: 'Re-read Fargate profiles now (says how many were read)', section: 'General', screens: EVERYWHERE },
  { command: 'help.toggle', keys: [{ char: '?', label: '?' }], description: 'Help (this screen)', section: 'General', screens: EVERYWHERE, footer: 'help' },
  { command: 'app.quit', keys: [{ char: 'q', label: 'q' }], description: 'Quit', section: 'General', screens: EVERYWHERE, footer: 'quit' },
  { command: 'prompt.open', keys: [{ char: ':', label: ':' }], description: 'Command prompt (:pods, :ns, :profiles, :ctx, :q; tab completes, ↑ recalls)', section: 'General', screens: EVERYWHERE },
  { command: 'app.interrupt', keys: [{ char: 'c', ctrl: true, label: 'ctrl-c' }], description: 'Quit, from a prompt or dialog too (a reschedule in flight is finished first)', section: 'General', screens: ANYWHERE },
  // While a prompt, the filter or a dialog is open, only these keys act (typed text goes into the field).
  { command: 'prompt.run', keys: [{ special: 'return', label: 'enter' }], description: ': prompt: run the command (an unknown one is named; nothing else happens)', section: 'Prompts and dialogs', screens: ['command'], footer: 'run' },
  { command: 'prompt.complete', keys: [{ special: 'tab', label: 'tab' }], description: ': prompt: complete the command, namespace or context (several: listed)', section: 'Prompts and dialogs', screens: ['command'], footer: 'complete' },
  { command: 'prompt.older', keys: [{ special: 'upArrow', label: '↑' }], description: ': prompt: the previous command run', section: 'Prompts and dialogs', screens: ['command'], footer: 'history' },
  { command: 'prompt.newer', keys: [{ special: 'downArrow', label: '↓' }], description: ': prompt: the next command run (past the last: what you typed)', section: 'Prompts and dialogs', screens: ['command'] },
  { command: 'filter.apply', keys: [{ special: 'return', label: 'enter' }], description: '/ filter: keep the filter', section: 'Prompts and dialogs', screens: ['filter'], footer: 'apply' },
  { command: 'input.erase', keys: [{ special: 'backspace', label: 'backspace' }], description: 'Prompt, filter, typed name: delete the last character', section: 'Prompts and dialogs', screens: TEXT_FIELDS },
  { command: 'input.cancel', keys: [{ special: 'escape', label: 'esc' }], description: 'Prompt, filter, typed name: close it; nothing is run', section: 'Prompts and dialogs', screens: TEXT_FIELDS, footer: 'cancel' },
  { command: 'dialog.confirm', keys: [{ char: 'y', label: 'y' }], description: 'y/n dialog: run the plan it shows (enter does not confirm)', section: 'Prompts and dialogs', screens: ['confirm'], footer: 'confirm', alone: true },
  { command: 'dialog.cancel', keys: [{ char: 'n', label: 'n' }, { special: 'escape', label: 'esc' }], description: 'y/n dialog: cancel; nothing is run', section: 'Prompts and dialogs', screens: ['confirm'], footer: 'cancel' },
  { command: 'dialog.typedConfirm', keys: [{ special: 'return', label: 'enter' }], description: 'Typed confirmation: confirm once the namespace (or profile) name is typed exactly', section: 'Prompts and dialogs', screens: ['typed-confirm'], footer: 'confirm', alone: true },
  { command: 'form.next', keys: [{ special: 'tab', label: 'tab' }], description: 'Create form: the next field (name, selectors)', section: 'Prompts and dialogs', screens: ['form'], footer: 'field' },
  { command: 'form.submit', keys: [{ special: 'return', label: 'enter' }], description: 'Create form: show what the profile would capture (nothing is sent; y then creates it)', section: 'Prompts and dialogs', screens: ['form'], footer: 'what-if', alone: true },
  { command: 'dialog.strategy', keys: [{ special: 'tab', label: 'tab' }], description: 'U\'s typed confirmation: plan again with the next strategy (default → evict → restart); what was typed stays', section: 'Prompts and dialogs', screens: ['typed-confirm'], footer: 'strategy', alone: true },
];

export const HELP_SECTIONS: readonly HelpSection[] = ['Views', 'Pods', 'Reschedule', 'Profiles', 'Navigation', 'General', 'Prompts and dialogs'];

export interface BindingOptions {
  readOnly: boolean;
  capabilities: ReadonlySet<Capability>;
}

/** The bindings that exist at all: destructive ones vanish in read-only mode, capability-gated ones without the capability. */
export function activeBindings(keymap: readonly Binding[], options: BindingOptions): Binding[] {
  return keymap.filter(
    (b) => !(b.destructive && options.readOnly) && !(b.requires && !options.capabilities.has(b.requires)),
  );
}

export function bindingsFor(bindings: readonly Binding[], context: KeyContext): Binding[] {
  return bindings.filter((b) => b.screens.includes(context));
}

/** One key press, already split from a multi-character chunk. */
export interface KeyPress {
  /** The printable character, or '' for special keys. */
  char: string;
  special: SpecialKey | null;
  ctrl: boolean;
  /** It arrived with other keys in one input chunk (a paste, or keys sent at once). */
  burst?: boolean;
}

export function keyMatches(spec: KeySpec, press: KeyPress): boolean {
  if (spec.special) return press.special === spec.special && Boolean(spec.ctrl) === press.ctrl;
  return spec.char !== undefined && press.special === null && press.char === spec.char && Boolean(spec.ctrl) === press.ctrl;
}

export function bindingFor(bindings: readonly Binding[], context: KeyContext, press: KeyPress): Binding | null {
  for (const binding of bindings) {
    if (!binding.screens.includes(context)) continue;
    if (binding.keys.some((k) => keyMatches(k, press))) return binding;
  }
  return null;
}

export const commandFor = (bindings: readonly Binding[], context: KeyContext, press: KeyPress): Command | null => bindingFor(bindings, context, press)?.command ?? null;

/** How a press is written to the user ("enter", "↑", "ctrl-x", "x"). */
export function pressLabel(press: KeyPress): string {
  const name = press.special ? SPECIAL_LABEL[press.special] : press.char === ' ' ? 'space' : press.char;
  return press.ctrl ? `ctrl-${name}` : name;
}

const SPECIAL_LABEL: Record<SpecialKey, string> = {
  upArrow: '↑',
  downArrow: '↓',
  pageUp: 'pgup',
  pageDown: 'pgdn',
  home: 'home',
  end: 'end',
  return: 'enter',
  escape: 'esc',
  tab: 'tab',
  backspace: 'backspace',
};

export const keyLabels = (binding: Binding): string => binding.keys.map((k) => k.label).join('/');
