import type { RescheduleStep } from '../tui-actions.js';
import { cursorIndex, NO_SELECTION, type RowKeys, type Selection } from './row-keys.js';
import { nextSort, type SortKey } from './sort.js';

// Pure navigation state: which screen is shown (a stack, so `esc` goes back), where the cursor
// is in each list (by row key), filters, sort, marks and the modal. No ink, no store: the
// container passes in whatever rows the action needs, so every transition is unit-testable.
// Long because it is one reducer over one state: each transition is a few lines, and one switch
// shows them all side by side.

export type ListView = 'namespaces' | 'pods' | 'profiles';

export type Screen =
  | { kind: ListView }
  | { kind: 'detail'; podKey: string }
  | { kind: 'help' }
  /** The reschedule run: each pod's steps, live. */
  | { kind: 'progress' };

interface ModalBase {
  podKeys: string[];
  /** The plan the dialog shows (laid out for the terminal's size when drawn); confirming runs exactly it. */
  steps: readonly RescheduleStep[];
  /** Where bare pods are backed up (said in the dialog). */
  backupDir?: string;
  /** Why the last key did nothing (enter, an unknown key, a key in a burst); cleared by the next. */
  hint?: string;
}

export type Modal =
  | (ModalBase & { kind: 'confirm' })
  /** Bulk actions: the user must type `expected` exactly (Shopify's DangerousConfirmationPrompt). */
  | (ModalBase & { kind: 'typed-confirm'; expected: string; typed: string });

/** The `:` prompt: what is typed, and why the last line run was refused. */
export interface Prompt {
  draft: string;
  error: string | null;
}

export interface Notice {
  text: string;
  level: 'info' | 'error';
  at: number;
}

export interface NavState {
  stack: Screen[];
  /** The namespace the pods view shows; null = all namespaces. */
  namespace: string | null;
  selection: Record<ListView, Selection>;
  /** Applied filter text per list view (as typed after `/`). */
  filters: Record<ListView, string>;
  /** The filter being typed (live-applied), or null when the filter bar is closed. */
  filterDraft: string | null;
  /** The `:` command prompt, or null when closed. */
  prompt: Prompt | null;
  sort: SortKey;
  onlyReschedule: boolean;
  /** Only pods whose Fargate kubelet blocks the next control-plane upgrade. */
  onlyOutdated: boolean;
  marks: ReadonlySet<string>;
  modal: Modal | null;
  /** First line shown on the detail / help screens. */
  scroll: number;
  notice: Notice | null;
}

export type Move = 'up' | 'down' | 'top' | 'bottom' | 'pageUp' | 'pageDown';

export type NavAction =
  | { type: 'move'; list: ListView; rows: RowKeys; move: Move; page: number }
  | { type: 'scroll'; move: Move; page: number; lines: number }
  | { type: 'nextView' }
  | { type: 'showProfiles' }
  | { type: 'openNamespace'; namespace: string }
  | { type: 'openPod'; podKey: string }
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
  | { type: 'promptError'; message: string }
  | { type: 'promptCancel' }
  /** A `:` command: replace the screens with one list view (and, for pods, maybe a namespace; null = all). */
  | { type: 'jump'; list: ListView; namespace?: string | null }
  | { type: 'cycleSort' }
  | { type: 'toggleOnlyReschedule' }
  | { type: 'toggleOnlyOutdated' }
  | { type: 'toggleMark'; key: string }
  | { type: 'clearMarks' }
  | { type: 'openModal'; modal: Modal }
  | { type: 'modalType'; text: string }
  | { type: 'modalBackspace' }
  | { type: 'modalHint'; hint: string }
  | { type: 'closeModal' }
  | { type: 'notice'; notice: Notice | null };

export interface InitialNav {
  namespace: string | null;
  labelSelector?: string;
}

export function initialNavState(init: InitialNav): NavState {
  const podsFirst = init.namespace !== null || Boolean(init.labelSelector);
  return {
    stack: [{ kind: podsFirst ? 'pods' : 'namespaces' }],
    namespace: init.namespace,
    selection: {
      namespaces: init.namespace ? { key: init.namespace, index: 0 } : NO_SELECTION,
      pods: NO_SELECTION,
      profiles: NO_SELECTION,
    },
    filters: { namespaces: '', pods: init.labelSelector ? `-l ${init.labelSelector}` : '', profiles: '' },
    filterDraft: null,
    prompt: null,
    sort: 'name',
    onlyReschedule: false,
    onlyOutdated: false,
    marks: new Set(),
    modal: null,
    scroll: 0,
    notice: null,
  };
}

export const topScreen = (state: NavState): Screen => state.stack[state.stack.length - 1] ?? { kind: 'namespaces' };

/** The list view the top screen belongs to (a detail belongs to pods). */
export function currentList(state: NavState): ListView | null {
  const top = topScreen(state);
  return top.kind === 'namespaces' || top.kind === 'pods' || top.kind === 'profiles' ? top.kind : null;
}

/** The filter in force for a list: the draft while typing, else the applied one. */
export function effectiveFilter(state: NavState, list: ListView): string {
  return state.filterDraft !== null && currentList(state) === list ? state.filterDraft : state.filters[list];
}

const NEXT_VIEW: Record<ListView, ListView> = { namespaces: 'pods', pods: 'profiles', profiles: 'namespaces' };

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

const push = (state: NavState, screen: Screen): NavState => ({ ...state, stack: [...state.stack, screen], scroll: 0 });

/** Replace the whole stack with one list view (tab / `0`): there is nothing to go back to. */
const switchTo = (state: NavState, list: ListView): NavState => ({ ...state, stack: [{ kind: list }], filterDraft: null, prompt: null, scroll: 0 });

const dropLast = (text: string): string => [...text].slice(0, -1).join('');

export function navReducer(state: NavState, action: NavAction): NavState {
  switch (action.type) {
    case 'move': {
      const { rows } = action;
      if (rows.length === 0) return state;
      const index = target(cursorIndex(rows, state.selection[action.list]), rows.length, action.move, action.page);
      const key = rows.keyAt(index) ?? null;
      return { ...state, selection: { ...state.selection, [action.list]: { key, index } } };
    }
    case 'scroll': {
      const max = Math.max(0, action.lines - action.page);
      const next = target(state.scroll, max + 1, action.move, action.page);
      return next === state.scroll ? state : { ...state, scroll: next };
    }
    case 'nextView': {
      const list = currentList(state) ?? 'pods';
      return switchTo(state, NEXT_VIEW[list]);
    }
    case 'showProfiles':
      return currentList(state) === 'profiles' ? state : { ...push(state, { kind: 'profiles' }), filterDraft: null };
    case 'openNamespace':
      return {
        ...push(state, { kind: 'pods' }),
        namespace: action.namespace,
        selection: { ...state.selection, namespaces: { ...state.selection.namespaces, key: action.namespace }, pods: NO_SELECTION },
      };
    case 'openPod':
      return push(state, { kind: 'detail', podKey: action.podKey });
    case 'allNamespaces': {
      const next = { ...state, namespace: null, selection: { ...state.selection, pods: NO_SELECTION } };
      return currentList(state) === 'pods' ? next : switchTo(next, 'pods');
    }
    case 'back': {
      if (state.modal) return { ...state, modal: null };
      if (state.prompt) return { ...state, prompt: null };
      if (state.filterDraft !== null) return { ...state, filterDraft: null };
      if (state.stack.length > 1) return { ...state, stack: state.stack.slice(0, -1), scroll: 0 };
      const list = currentList(state);
      if (list && state.filters[list] !== '') return { ...state, filters: { ...state.filters, [list]: '' } };
      if (list === 'pods' && (state.onlyReschedule || state.onlyOutdated)) return { ...state, onlyReschedule: false, onlyOutdated: false };
      return state;
    }
    case 'toggleHelp':
      return topScreen(state).kind === 'help' ? { ...state, stack: state.stack.slice(0, -1), scroll: 0 } : push(state, { kind: 'help' });
    case 'showProgress':
      return topScreen(state).kind === 'progress' ? state : { ...push(state, { kind: 'progress' }), filterDraft: null };
    case 'filterStart': {
      const list = currentList(state);
      return list ? { ...state, filterDraft: state.filters[list], prompt: null } : state;
    }
    case 'filterType':
      return state.filterDraft === null ? state : { ...state, filterDraft: state.filterDraft + action.text };
    case 'filterBackspace':
      return state.filterDraft === null ? state : { ...state, filterDraft: dropLast(state.filterDraft) };
    case 'filterApply': {
      const list = currentList(state);
      if (state.filterDraft === null || !list) return { ...state, filterDraft: null };
      return { ...state, filters: { ...state.filters, [list]: state.filterDraft.trim() }, filterDraft: null };
    }
    case 'filterCancel':
      return { ...state, filterDraft: null };
    case 'promptStart':
      return { ...state, prompt: { draft: '', error: null }, filterDraft: null };
    case 'promptType':
      return state.prompt ? { ...state, prompt: { draft: state.prompt.draft + action.text, error: null } } : state;
    case 'promptErase':
      return state.prompt ? { ...state, prompt: { draft: dropLast(state.prompt.draft), error: null } } : state;
    case 'promptError':
      return state.prompt ? { ...state, prompt: { ...state.prompt, error: action.message } } : state;
    case 'promptCancel':
      return state.prompt ? { ...state, prompt: null } : state;
    case 'jump': {
      const { namespace } = action;
      if (namespace === undefined || namespace === state.namespace) return switchTo(state, action.list);
      const namespaces = namespace === null ? state.selection.namespaces : { ...state.selection.namespaces, key: namespace };
      return switchTo({ ...state, namespace, selection: { ...state.selection, namespaces, pods: NO_SELECTION } }, action.list);
    }
    case 'cycleSort':
      return { ...state, sort: nextSort(state.sort) };
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
      return state.modal?.kind === 'typed-confirm' ? { ...state, modal: { ...state.modal, typed: state.modal.typed + action.text, hint: undefined } } : state;
    case 'modalBackspace':
      return state.modal?.kind === 'typed-confirm' ? { ...state, modal: { ...state.modal, typed: dropLast(state.modal.typed), hint: undefined } } : state;
    case 'modalHint':
      return state.modal ? { ...state, modal: { ...state.modal, hint: action.hint } } : state;
    case 'closeModal':
      return { ...state, modal: null };
    case 'notice':
      return { ...state, notice: action.notice };
  }
}
