import type { KubeContextInfo, PlanOptions, ProfileDraft, ProfileExportFormat, ProfilePreview, RescheduleStep, Strategy } from '../tui-actions.js';
import { openPrompt, promptErase, promptError, promptHistory, promptReplace, promptType, recordCommand, type Prompt } from './prompt-state.js';
import { cursorIndex, NO_SELECTION, type RowKeys, type Selection } from './row-keys.js';
import { isListScreen, LIST_KINDS, listScreen, podsScreen, sameScreen, textScreen, type ListKind, type ListScreen, type Screen } from './screen.js';
import { DEFAULT_SORT, sortBy, type PodSort, type SortColumn } from './sort.js';

// Pure navigation state: the back stack of screens (`esc` pops it: tab, 0, p, `:` commands and
// every drill-down push), where the cursor is in each list (by row key), the sort, marks and
// the modal. No ink, no store: the container passes in whatever rows the action needs, so every
// transition is unit-testable.
// Long because it is one reducer over one state: each transition is a few lines, and one switch
// shows them all side by side.

export type { ListKind, ListView, Screen } from './screen.js';
export type { Prompt } from './prompt-state.js';

interface ModalBase {
  podKeys: string[];
  /** The plan the dialog shows (laid out for the terminal's size when drawn); confirming runs exactly it. */
  steps: readonly RescheduleStep[];
  /** Where bare pods are backed up (said in the dialog). */
  backupDir?: string;
  /** Why the last key did nothing (enter, an unknown key, a key in a burst); cleared by the next. */
  hint?: string;
  /** A profile write (`c`, `x`) instead of a reschedule plan: confirming sends exactly it. */
  profile?: ProfileWrite;
  /** What the plan was made with (`U`: purpose 'upgrade', the strategy tab chose). */
  options?: PlanOptions;
  /** tab asked for the plan with this strategy ('default': none asked); the plan shown is the old one until it comes. */
  replanning?: Strategy | 'default';
}

export interface ProfileWrite {
  action: 'create' | 'delete';
  name: string;
  /** create: the form's fields as confirmed. */
  draft?: ProfileDraft;
  /** What the host said it would do (the what-if), shown in the dialog. */
  preview: ProfilePreview;
}

/** The create form's fields (`c`); tab moves between them. */
export type FormField = 'name' | 'selectors';

export type Modal =
  | (ModalBase & { kind: 'confirm' })
  /** Bulk actions: the user must type `expected` exactly (Shopify's DangerousConfirmationPrompt). */
  | (ModalBase & { kind: 'typed-confirm'; expected: string; typed: string })
  /** `c`: the new profile's name and selectors, typed (prefilled from the selected namespace or pod). */
  | (ModalBase & { kind: 'form'; draft: ProfileDraft; field: FormField });

export interface Notice {
  text: string;
  level: 'info' | 'error';
  at: number;
}

export interface NavState {
  /** The screens, oldest first; the last is shown. Never empty. */
  stack: Screen[];
  /** The namespace the session watches (`-n`), or null for all: where a new pods view starts. */
  home: string | null;
  selection: Record<ListKind, Selection>;
  /** The filter being typed over the top list (live-applied), or null when the filter bar is closed. */
  filterDraft: string | null;
  /** The `:` command prompt, or null when closed. */
  prompt: Prompt | null;
  /** `:` commands run in this session, oldest first (↑ in the prompt recalls them). */
  history: readonly string[];
  sort: PodSort;
  onlyReschedule: boolean;
  /** Only pods whose Fargate kubelet blocks the next control-plane upgrade. */
  onlyOutdated: boolean;
  marks: ReadonlySet<string>;
  modal: Modal | null;
  notice: Notice | null;
}

export type Move = 'up' | 'down' | 'top' | 'bottom' | 'pageUp' | 'pageDown';

export type NavAction =
  | { type: 'move'; list: ListKind; rows: RowKeys; move: Move; page: number }
  /** Scroll the top text screen; `lines` is how many it has, `page` how many fit. */
  | { type: 'scroll'; move: Move; page: number; lines: number }
  | { type: 'nextView' }
  | { type: 'showProfiles' }
  | { type: 'openNamespace'; namespace: string }
  | { type: 'openPod'; podKey: string }
  | { type: 'openProfile'; profile: string }
  | { type: 'openPodDoc'; kind: 'yaml' | 'describe' | 'logs'; podKey: string }
  | { type: 'logsContainer'; container: string }
  | { type: 'logsTail' }
  | { type: 'allNamespaces' }
  | { type: 'back' }
  | { type: 'toggleHelp' }
  | { type: 'showProgress' }
  | { type: 'filterStart' }
  | { type: 'filterType'; text: string }
  | { type: 'filterBackspace' }
  | { type: 'filterApply' }
  | { type: 'filterCancel' }
  | { type: 'promptStart' }
  | { type: 'promptType'; text: string }
  | { type: 'promptErase' }
  | { type: 'promptReplace'; draft: string; hint?: string }
  | { type: 'promptHistory'; direction: 'older' | 'newer' }
  | { type: 'promptError'; message: string }
  | { type: 'promptCancel' }
  /** A `:` command that ran: kept for ↑ in the prompt. */
  | { type: 'promptRecord'; line: string }
  /** A `:` command: show one list view (and, for pods, maybe a namespace; null = all). */
  | { type: 'jump'; list: 'namespaces' | 'pods' | 'profiles'; namespace?: string | null }
  | { type: 'showContexts'; contexts: readonly KubeContextInfo[] }
  /** The live view now shows another context: back to its first screen, nothing kept of the last cluster. */
  | { type: 'contextSwitched' }
  | { type: 'sortBy'; column: SortColumn }
  | { type: 'toggleOnlyReschedule' }
  | { type: 'toggleOnlyOutdated' }
  | { type: 'toggleMark'; key: string }
  | { type: 'clearMarks' }
  | { type: 'openModal'; modal: Modal }
  | { type: 'modalType'; text: string }
  | { type: 'modalBackspace' }
  | { type: 'modalHint'; hint: string }
  | { type: 'closeModal' }
  | { type: 'formNextField' }
  | { type: 'openExport'; profile: string; format: ProfileExportFormat; text: string }
  /** The export on top in another form (its text computed by the caller). */
  | { type: 'exportFormat'; format: ProfileExportFormat; text: string }
  | { type: 'modalReplanning'; strategy: Strategy | 'default' | undefined }
  | { type: 'modalPlan'; steps: readonly RescheduleStep[]; options: PlanOptions }
  | { type: 'notice'; notice: Notice | null };

export interface InitialNav {
  namespace: string | null;
  labelSelector?: string;
}

/** The screen a session (or a context switch) starts on: the pods of `-n`/`-l`, else the namespaces. */
function homeStack(home: string | null, labelSelector?: string): Screen[] {
  if (home !== null || labelSelector) return [{ kind: 'pods', namespace: home, filter: labelSelector ? `-l ${labelSelector}` : '' }];
  return [listScreen('namespaces')];
}

const NO_SELECTIONS: Record<ListKind, Selection> = { namespaces: NO_SELECTION, pods: NO_SELECTION, profiles: NO_SELECTION, profile: NO_SELECTION, contexts: NO_SELECTION };

export function initialNavState(init: InitialNav): NavState {
  return {
    stack: homeStack(init.namespace, init.labelSelector),
    home: init.namespace,
    selection: { ...NO_SELECTIONS, namespaces: init.namespace ? { key: init.namespace, index: 0 } : NO_SELECTION },
    filterDraft: null,
    prompt: null,
    history: [],
    sort: DEFAULT_SORT,
    onlyReschedule: false,
    onlyOutdated: false,
    marks: new Set(),
    modal: null,
    notice: null,
  };
}

export const topScreen = (state: NavState): Screen => state.stack[state.stack.length - 1] ?? listScreen('namespaces');

/** The list on top, if the top screen is a list. */
export function currentList(state: NavState): ListKind | null {
  const top = topScreen(state);
  return isListScreen(top) ? top.kind : null;
}

/** The filter in force for a list screen: the draft while typing over it, else its own. */
export function effectiveFilter(state: NavState, screen: ListScreen): string {
  return state.filterDraft !== null && topScreen(state) === screen ? state.filterDraft : screen.filter;
}

/** The namespace of the nearest pods view (the top one, or the one under a detail), else the session's. */
export function podsNamespace(state: NavState): string | null {
  for (let i = state.stack.length - 1; i >= 0; i--) {
    const screen = state.stack[i]!;
    if (screen.kind === 'pods') return screen.namespace;
  }
  return state.home;
}

const NEXT_VIEW: Record<ListKind, 'namespaces' | 'pods' | 'profiles'> = { namespaces: 'pods', pods: 'profiles', profiles: 'namespaces', profile: 'namespaces', contexts: 'namespaces' };

function target(current: number, length: number, move: Move, page: number): number {
  const last = Math.max(0, length - 1);
  const step = Math.max(1, page);
  const next =
    move === 'up' ? current - 1
    : move === 'down' ? current + 1
    : move === 'top' ? 0
    : move === 'bottom' ? last
    : move === 'pageUp' ? current - step
    : current + step;
  return Math.max(0, Math.min(last, next));
}

/** The back stack keeps this many screens; older ones are dropped first. */
export const MAX_STACK = 32;

/** Show `screen` on top (a screen equal to the top one is not pushed twice). Typing stops. */
function push(state: NavState, screen: Screen): NavState {
  const base = { ...state, filterDraft: null, prompt: null };
  if (sameScreen(topScreen(state), screen)) return base;
  const stack = [...state.stack, screen];
  return { ...base, stack: stack.length > MAX_STACK ? stack.slice(stack.length - MAX_STACK) : stack };
}

/** The stack with its top screen replaced. */
const withTop = (state: NavState, screen: Screen): NavState => ({ ...state, stack: [...state.stack.slice(0, -1), screen] });

function listOf(kind: 'namespaces' | 'pods' | 'profiles', state: NavState, namespace?: string | null): Screen {
  if (kind !== 'pods') return listScreen(kind);
  return podsScreen(namespace === undefined ? podsNamespace(state) : namespace);
}

/** Scroll the top text screen; a log's view lets go of the newest line when moved up, takes it at the bottom. */
function scrolled(state: NavState, move: Move, page: number, lines: number): NavState {
  const top = topScreen(state);
  if (isListScreen(top)) return state;
  const max = Math.max(0, lines - page);
  const from = top.kind === 'logs' && top.tail ? max : Math.min(top.scroll, max);
  const next = target(from, max + 1, move, page);
  if (top.kind === 'logs') {
    const tail = next >= max;
    return next === top.scroll && tail === top.tail ? state : withTop(state, { ...top, scroll: next, tail });
  }
  return next === top.scroll ? state : withTop(state, { ...top, scroll: next });
}

const dropLast = (text: string): string => [...text].slice(0, -1).join('');

type FormModal = Extract<Modal, { kind: 'form' }>;
const editField = (modal: FormModal, edit: (text: string) => string): FormModal => ({ ...modal, draft: { ...modal.draft, [modal.field]: edit(modal.draft[modal.field]) }, hint: undefined });

export function navReducer(state: NavState, action: NavAction): NavState {
  switch (action.type) {
    case 'move': {
      const { rows } = action;
      if (rows.length === 0) return state;
      const index = target(cursorIndex(rows, state.selection[action.list]), rows.length, action.move, action.page);
      const key = rows.keyAt(index) ?? null;
      return { ...state, selection: { ...state.selection, [action.list]: { key, index } } };
    }
    case 'scroll':
      return scrolled(state, action.move, action.page, action.lines);
    case 'nextView':
      return push(state, listOf(NEXT_VIEW[currentList(state) ?? 'pods'], state));
    case 'showProfiles':
      return push(state, listScreen('profiles'));
    case 'openNamespace':
      return {
        ...push(state, podsScreen(action.namespace)),
        selection: { ...state.selection, namespaces: { ...state.selection.namespaces, key: action.namespace }, pods: NO_SELECTION },
      };
    case 'openPod':
      return push(state, { kind: 'detail', podKey: action.podKey, scroll: 0 });
    case 'openProfile':
      return { ...push(state, { kind: 'profile', profile: action.profile, filter: '' }), selection: { ...state.selection, profile: NO_SELECTION } };
    case 'openPodDoc':
      return push(state, action.kind === 'logs' ? { kind: 'logs', podKey: action.podKey, container: null, scroll: 0, tail: true } : { kind: action.kind, podKey: action.podKey, scroll: 0 });
    case 'logsContainer': {
      const top = topScreen(state);
      return top.kind === 'logs' && top.container !== action.container ? withTop(state, { ...top, container: action.container, scroll: 0, tail: true }) : state;
    }
    case 'logsTail': {
      const top = topScreen(state);
      return top.kind === 'logs' ? withTop(state, { ...top, tail: !top.tail }) : state;
    }
    case 'allNamespaces': {
      const next = push(state, podsScreen(null));
      return next.stack === state.stack ? next : { ...next, selection: { ...state.selection, pods: NO_SELECTION } };
    }
    case 'back': {
      if (state.modal) return { ...state, modal: null };
      if (state.prompt) return { ...state, prompt: null };
      if (state.filterDraft !== null) return { ...state, filterDraft: null };
      const top = topScreen(state);
      // A filter belongs to the view it was typed in: esc there clears it before leaving.
      if (isListScreen(top) && top.filter !== '') return withTop(state, { ...top, filter: '' });
      // So do the pods view's toggles (only drifted, only outdated): esc clears them before leaving.
      if (top.kind === 'pods' && (state.onlyReschedule || state.onlyOutdated)) return { ...state, onlyReschedule: false, onlyOutdated: false };
      if (state.stack.length > 1) return { ...state, stack: state.stack.slice(0, -1) };
      return state;
    }
    case 'toggleHelp':
      return topScreen(state).kind === 'help' ? { ...state, stack: state.stack.slice(0, -1) } : push(state, textScreen('help'));
    case 'showProgress':
      return push(state, textScreen('progress'));
    case 'filterStart': {
      const top = topScreen(state);
      return isListScreen(top) ? { ...state, filterDraft: top.filter, prompt: null } : state;
    }
    case 'filterType':
      return state.filterDraft === null ? state : { ...state, filterDraft: state.filterDraft + action.text };
    case 'filterBackspace':
      return state.filterDraft === null ? state : { ...state, filterDraft: dropLast(state.filterDraft) };
    case 'filterApply': {
      const top = topScreen(state);
      if (state.filterDraft === null || !isListScreen(top)) return { ...state, filterDraft: null };
      return { ...withTop(state, { ...top, filter: state.filterDraft.trim() }), filterDraft: null };
    }
    case 'filterCancel':
      return { ...state, filterDraft: null };
    case 'promptStart':
      return { ...state, prompt: openPrompt(), filterDraft: null };
    case 'promptType':
      return state.prompt ? { ...state, prompt: promptType(state.prompt, action.text) } : state;
    case 'promptErase':
      return state.prompt ? { ...state, prompt: promptErase(state.prompt) } : state;
    case 'promptReplace':
      return state.prompt ? { ...state, prompt: promptReplace(state.prompt, action.draft, action.hint) } : state;
    case 'promptHistory':
      return state.prompt ? { ...state, prompt: promptHistory(state.prompt, state.history, action.direction) } : state;
    case 'promptError':
      return state.prompt ? { ...state, prompt: promptError(state.prompt, action.message) } : state;
    case 'promptCancel':
      return state.prompt ? { ...state, prompt: null } : state;
    case 'promptRecord':
      return { ...state, history: recordCommand(state.history, action.line) };
    case 'jump': {
      const next = push(state, listOf(action.list, state, action.namespace));
      if (action.list !== 'pods' || action.namespace === undefined) return next;
      const namespaces = action.namespace === null ? next.selection.namespaces : { ...next.selection.namespaces, key: action.namespace };
      return { ...next, selection: { ...next.selection, namespaces, pods: NO_SELECTION } };
    }
    case 'showContexts': {
      const current = action.contexts.find((c) => c.current)?.name ?? null;
      const next = push(state, { kind: 'contexts', contexts: action.contexts, filter: '' });
      return { ...next, selection: { ...next.selection, contexts: { key: current, index: 0 } } };
    }
    case 'contextSwitched':
      return { ...initialNavState({ namespace: state.home }), history: state.history, sort: state.sort, notice: state.notice };
    case 'sortBy':
      return { ...state, sort: sortBy(state.sort, action.column) };
    case 'toggleOnlyReschedule':
      return { ...state, onlyReschedule: !state.onlyReschedule };
    case 'toggleOnlyOutdated':
      return { ...state, onlyOutdated: !state.onlyOutdated };
    case 'toggleMark': {
      const marks = new Set(state.marks);
      if (marks.has(action.key)) marks.delete(action.key);
      else marks.add(action.key);
      return { ...state, marks };
    }
    case 'clearMarks':
      return state.marks.size === 0 ? state : { ...state, marks: new Set() };
    case 'openModal':
      return { ...state, modal: action.modal, filterDraft: null, prompt: null };
    case 'modalType':
      if (state.modal?.kind === 'form') return { ...state, modal: editField(state.modal, (text) => text + action.text) };
      return state.modal?.kind === 'typed-confirm' ? { ...state, modal: { ...state.modal, typed: state.modal.typed + action.text, hint: undefined } } : state;
    case 'modalBackspace':
      if (state.modal?.kind === 'form') return { ...state, modal: editField(state.modal, dropLast) };
      return state.modal?.kind === 'typed-confirm' ? { ...state, modal: { ...state.modal, typed: dropLast(state.modal.typed), hint: undefined } } : state;
    case 'formNextField':
      return state.modal?.kind === 'form' ? { ...state, modal: { ...state.modal, field: state.modal.field === 'name' ? 'selectors' : 'name', hint: undefined } } : state;
    case 'openExport':
      return push(state, { kind: 'export', profile: action.profile, format: action.format, text: action.text, scroll: 0 });
    case 'exportFormat': {
      const top = topScreen(state);
      return top.kind === 'export' ? withTop(state, { ...top, format: action.format, text: action.text, scroll: 0 }) : state;
    }
    case 'modalHint':
      return state.modal ? { ...state, modal: { ...state.modal, hint: action.hint } } : state;
    case 'closeModal':
      return { ...state, modal: null };
    case 'modalReplanning':
      return state.modal ? { ...state, modal: { ...state.modal, replanning: action.strategy, hint: undefined } } : state;
    case 'modalPlan':
      // What was typed stays: only the plan (and what it was made with) changes.
      return state.modal ? { ...state, modal: { ...state.modal, steps: action.steps, options: action.options, replanning: undefined, hint: undefined } } : state;
    case 'notice':
      return { ...state, notice: action.notice };
  }
}

/** Every list kind (for selections and tests). */
export { LIST_KINDS };
