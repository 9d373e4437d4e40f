// What each keymap command does. Keyed by Command, so a key added to the keymap without a handler
// does not compile. A handler gets the state as of its key (each key of a chunk like `jjj` sees
// what the one before did) and acts only through UIActions.
import type { Command } from '../keymap.js';
import { cancelIn, eraseIn, focusOf } from '../state/key-routing.js';
import { podsNamespace, topScreen, type Move, type NavAction } from '../state/navigation.js';
import { isListScreen } from '../state/screen.js';
import { SORT_COLUMNS, type SortColumn } from '../state/sort.js';
import type { UIActions, UIState } from './contexts.js';
import { focusedPodKey, listRows, podRows } from './list-rows.js';
import { screenSpec } from './screens.js';
import { noneBlockingIn, RECYCLE_ONE_NAMESPACE } from '../../view-model/words/upgrade.js';
import { nothingToRescheduleIn } from '../../view-model/words/reschedule.js';
import { PROFILE_EXPORT_FORMATS } from '../tui-actions.js';
import { createDraft, selectedProfile } from './profile-selection.js';

export type CommandActions = Omit<UIActions, 'runCommand'>;
export type CommandHandler = (state: UIState, actions: CommandActions) => void;

/** A list moves its cursor; a text screen scrolls its lines. */
const move =
  (m: Move): CommandHandler =>
  (s, a) => {
    const top = topScreen(s.nav);
    if (isListScreen(top)) {
      a.dispatch({ type: 'move', list: top.kind, rows: listRows(top, s.view, s.nav, s.selectors).keys, move: m, page: s.layout.bodyHeight - 1 });
      return;
    }
    const lines = screenSpec(top).lines?.(s, top) ?? [];
    a.dispatch({ type: 'scroll', move: m, page: s.layout.bodyHeight, lines: lines.length });
  };

const navigate =
  (action: NavAction): CommandHandler =>
  (_, a) =>
    a.dispatch(action);

const act = (a: CommandActions, action: NavAction | null): void => (action ? a.dispatch(action) : undefined);

/** The marked pods still there, else the selected one. */
function selectedOrMarked(s: UIState): string[] {
  const top = topScreen(s.nav);
  if (top.kind !== 'pods') return [];
  const { keys, cursor } = podRows(s.view, s.nav, s.selectors, top);
  const present = [...s.nav.marks].filter((k) => s.view.pods.some((p) => p.key === k));
  if (present.length > 0) return present;
  const key = keys.keyAt(cursor);
  return key === undefined ? [] : [key];
}

/** y / d / l on the focused pod. */
const podDoc =
  (kind: 'yaml' | 'describe' | 'logs'): CommandHandler =>
  (s, a) => {
    const podKey = focusedPodKey(s.view, s.nav, s.selectors);
    if (podKey !== null) a.dispatch({ type: 'openPodDoc', kind, podKey });
  };

const SORT_HANDLERS = Object.fromEntries(SORT_COLUMNS.map((column) => [`sort.${column}`, navigate({ type: 'sortBy', column })])) as Record<`sort.${SortColumn}`, CommandHandler>;

export const COMMAND_HANDLERS: Record<Command, CommandHandler> = {
  'nav.up': move('up'),
  'nav.down': move('down'),
  'nav.top': move('top'),
  'nav.bottom': move('bottom'),
  'nav.pageUp': move('pageUp'),
  'nav.pageDown': move('pageDown'),
  'view.open': (s, a) => {
    const top = topScreen(s.nav);
    const open = screenSpec(top).open;
    if (!isListScreen(top) || !open) return;
    const { keys, cursor } = listRows(top, s.view, s.nav, s.selectors);
    const key = keys.keyAt(cursor);
    if (key !== undefined) open(key, s, a);
  },
  'view.back': navigate({ type: 'back' }),
  'view.next': navigate({ type: 'nextView' }),
  'view.profiles': navigate({ type: 'showProfiles' }),
  'ns.all': navigate({ type: 'allNamespaces' }),
  'filter.start': navigate({ type: 'filterStart' }),
  ...SORT_HANDLERS,
  'pods.onlyReschedule': navigate({ type: 'toggleOnlyReschedule' }),
  'pods.onlyOutdated': navigate({ type: 'toggleOnlyOutdated' }),
  'pod.yaml': podDoc('yaml'),
  'pod.describe': podDoc('describe'),
  'pod.logs': podDoc('logs'),
  'pod.copyName': (s, a) => {
    const podKey = focusedPodKey(s.view, s.nav, s.selectors);
    if (podKey !== null) a.copy(podKey.slice(podKey.indexOf('/') + 1));
  },
  'logs.container': (s, a) => {
    const top = topScreen(s.nav);
    const containers = s.doc?.containers ?? [];
    if (top.kind !== 'logs' || containers.length < 2) return a.notice('this pod has one container');
    const current = containers.indexOf(top.container ?? s.doc?.container ?? '');
    a.dispatch({ type: 'logsContainer', container: containers[(current + 1) % containers.length]! });
  },
  'logs.tail': navigate({ type: 'logsTail' }),
  'mark.toggle': (s, a) => {
    const top = topScreen(s.nav);
    if (top.kind !== 'pods') return;
    const { keys, cursor } = podRows(s.view, s.nav, s.selectors, top);
    const key = keys.keyAt(cursor);
    if (key === undefined) return;
    a.dispatch({ type: 'toggleMark', key });
    a.dispatch({ type: 'move', list: 'pods', rows: keys, move: 'down', page: 1 });
  },
  'pod.reschedule': (s, a) => {
    const screen = topScreen(s.nav);
    const podKeys = screen.kind === 'detail' ? [screen.podKey] : selectedOrMarked(s);
    if (podKeys.length > 0) void a.askReschedule(podKeys, null);
  },
  'ns.rescheduleAll': (s, a) => {
    const namespace = podsNamespace(s.nav);
    if (namespace === null) return a.notice('ctrl-r works on one namespace: open one first (enter on the namespaces view)', 'error');
    const podKeys = (s.view.byNamespace.get(namespace) ?? []).filter((p) => p.placement.needsReschedule).map((p) => p.key);
    if (podKeys.length === 0) return a.notice(nothingToRescheduleIn(namespace));
    void a.askReschedule(podKeys, namespace);
  },
  'ns.recycleOutdated': (s, a) => {
    const namespace = podsNamespace(s.nav);
    if (namespace === null) return a.notice(RECYCLE_ONE_NAMESPACE, 'error');
    const podKeys = (s.view.byNamespace.get(namespace) ?? []).filter((p) => p.upgrade?.outdated === true).map((p) => p.key);
    if (podKeys.length === 0) return a.notice(noneBlockingIn(namespace, s.view.upgrade.next));
    // The same dialog as ctrl-r (the namespace typed), for a plan that recycles them onto the control plane's kubelet.
    void a.askReschedule(podKeys, namespace, { purpose: 'upgrade', controlPlane: s.view.upgrade.controlPlane });
  },
  'run.show': navigate({ type: 'showProgress' }),
  'profiles.refresh': (_, a) => a.rereadProfiles(),
  'profile.export': (s, a) => {
    const profile = selectedProfile(s);
    if (profile) a.exportProfile(profile.name, 'eksctl', false);
  },
  'export.format': (s, a) => {
    const top = topScreen(s.nav);
    if (top.kind !== 'export') return;
    const next = PROFILE_EXPORT_FORMATS[(PROFILE_EXPORT_FORMATS.indexOf(top.format) + 1) % PROFILE_EXPORT_FORMATS.length]!;
    a.exportProfile(top.profile, next, true);
  },
  'profile.delete': (s, a) => {
    const profile = selectedProfile(s);
    if (!profile) return;
    if (profile.source !== 'eks') return a.notice(`${profile.name} is a --profiles-file proposal, not an EKS profile: nothing to delete`, 'error');
    void a.askProfileDelete(profile.name);
  },
  'profile.create': (s, a) => a.openProfileForm(createDraft(s)),
  'form.next': navigate({ type: 'formNextField' }),
  'form.submit': (_, a) => void a.submitProfileForm(),
  'help.toggle': navigate({ type: 'toggleHelp' }),
  'app.quit': (_, a) => a.quit(),
  'app.interrupt': (_, a) => a.quit(),
  'prompt.open': navigate({ type: 'promptStart' }),
  'prompt.run': (_, a) => a.runPrompt(),
  'prompt.complete': (_, a) => a.completePrompt(),
  'prompt.older': navigate({ type: 'promptHistory', direction: 'older' }),
  'prompt.newer': navigate({ type: 'promptHistory', direction: 'newer' }),
  'filter.apply': navigate({ type: 'filterApply' }),
  'input.erase': (s, a) => act(a, eraseIn(focusOf(s.nav))),
  'input.cancel': (s, a) => act(a, cancelIn(focusOf(s.nav))),
  'dialog.cancel': (s, a) => act(a, cancelIn(focusOf(s.nav))),
  'dialog.confirm': (_, a) => a.confirmDialog(),
  'dialog.strategy': (_, a) => void a.cycleStrategy(),
  'dialog.typedConfirm': (s, a) => {
    const modal = s.nav.modal;
    if (modal?.kind === 'typed-confirm' && modal.typed !== modal.expected) return a.tell(`type ${modal.expected} exactly, then enter; esc cancels`);
    a.confirmDialog();
  },
};
