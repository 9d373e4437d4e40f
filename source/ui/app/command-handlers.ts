// What each keymap command does. Keyed by Command, so a key added to the keymap without a handler
// does not compile. A handler gets the state as of its key (each key of a chunk like `jjj` sees
// what the one before did) and acts only through UIActions.
import type { Command } from '../keymap.js';
import { cancelIn, eraseIn, focusOf } from '../state/key-routing.js';
import { currentList, topScreen, type Move, type NavAction } from '../state/navigation.js';
import type { UIActions, UIState } from './contexts.js';
import { listRows, podRows } from './list-rows.js';
import { screenSpec } from './screens.js';
import { noneOutdatedIn, RECYCLE_ONE_NAMESPACE } from '../../view-model/words/upgrade.js';

export type CommandActions = Omit<UIActions, 'runCommand'>;
export type CommandHandler = (state: UIState, actions: CommandActions) => void;

/** A list moves its cursor; a text screen scrolls its lines. */
const move =
  (m: Move): CommandHandler =>
  (s, a) => {
    const list = currentList(s.nav);
    if (list) {
      a.dispatch({ type: 'move', list, rows: listRows(list, s.view, s.nav, s.selectors).keys, move: m, page: s.layout.bodyHeight - 1 });
      return;
    }
    const screen = topScreen(s.nav);
    const lines = screenSpec(screen).lines?.(s, screen) ?? [];
    a.dispatch({ type: 'scroll', move: m, page: s.layout.bodyHeight, lines: lines.length });
  };

const navigate =
  (action: NavAction): CommandHandler =>
  (_, a) =>
    a.dispatch(action);

const act = (a: CommandActions, action: NavAction | null): void => (action ? a.dispatch(action) : undefined);

/** The marked pods still there, else the selected one. */
function selectedOrMarked(s: UIState): string[] {
  const { keys, cursor } = podRows(s.view, s.nav, s.selectors);
  const present = [...s.nav.marks].filter((k) => s.view.pods.some((p) => p.key === k));
  if (present.length > 0) return present;
  const key = keys.keyAt(cursor);
  return key === undefined ? [] : [key];
}

export const COMMAND_HANDLERS: Record<Command, CommandHandler> = {
  'nav.up': move('up'),
  'nav.down': move('down'),
  'nav.top': move('top'),
  'nav.bottom': move('bottom'),
  'nav.pageUp': move('pageUp'),
  'nav.pageDown': move('pageDown'),
  'view.open': (s, a) => {
    const list = currentList(s.nav);
    const open = list ? screenSpec({ kind: list }).open : undefined;
    if (!list || !open) return;
    const { keys, cursor } = listRows(list, s.view, s.nav, s.selectors);
    const key = keys.keyAt(cursor);
    if (key !== undefined) a.dispatch(open(key));
  },
  'view.back': navigate({ type: 'back' }),
  'view.next': navigate({ type: 'nextView' }),
  'view.profiles': navigate({ type: 'showProfiles' }),
  'ns.all': navigate({ type: 'allNamespaces' }),
  'filter.start': navigate({ type: 'filterStart' }),
  'sort.cycle': navigate({ type: 'cycleSort' }),
  'pods.onlyReschedule': navigate({ type: 'toggleOnlyReschedule' }),
  'pods.onlyOutdated': navigate({ type: 'toggleOnlyOutdated' }),
  'mark.toggle': (s, a) => {
    const { keys, cursor } = podRows(s.view, s.nav, s.selectors);
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
    const namespace = s.nav.namespace;
    if (namespace === null) return a.notice('ctrl-r works on one namespace: open one first (enter on the namespaces view)', 'error');
    const podKeys = (s.view.byNamespace.get(namespace) ?? []).filter((p) => p.placement.needsReschedule).map((p) => p.key);
    if (podKeys.length === 0) return a.notice(`No pod in ${namespace} needs a reschedule.`);
    void a.askReschedule(podKeys, namespace);
  },
  'ns.recycleOutdated': (s, a) => {
    const namespace = s.nav.namespace;
    if (namespace === null) return a.notice(RECYCLE_ONE_NAMESPACE, 'error');
    const podKeys = (s.view.byNamespace.get(namespace) ?? []).filter((p) => p.upgrade?.outdated === true).map((p) => p.key);
    if (podKeys.length === 0) return a.notice(noneOutdatedIn(namespace));
    // The same dialog as ctrl-r (the namespace typed), for a plan that recycles them onto the control plane's kubelet.
    void a.askReschedule(podKeys, namespace, { purpose: 'upgrade', controlPlane: s.view.upgrade.controlPlane });
  },
  'run.show': navigate({ type: 'showProgress' }),
  'profiles.refresh': (_, a) => {
    a.refreshProfiles();
    a.notice('Re-reading Fargate profiles…');
  },
  'help.toggle': navigate({ type: 'toggleHelp' }),
  'app.quit': (_, a) => a.quit(),
  'app.interrupt': (_, a) => a.quit(),
  'prompt.open': navigate({ type: 'promptStart' }),
  'prompt.run': (_, a) => a.runPrompt(),
  'filter.apply': navigate({ type: 'filterApply' }),
  'input.erase': (s, a) => act(a, eraseIn(focusOf(s.nav))),
  'input.cancel': (s, a) => act(a, cancelIn(focusOf(s.nav))),
  'dialog.cancel': (s, a) => act(a, cancelIn(focusOf(s.nav))),
  'dialog.confirm': (_, a) => a.confirmDialog(),
  'dialog.typedConfirm': (s, a) => {
    const modal = s.nav.modal;
    if (modal?.kind === 'typed-confirm' && modal.typed !== modal.expected) return a.tell(`type ${modal.expected} exactly, then enter; esc cancels`);
    a.confirmDialog();
  },
};
