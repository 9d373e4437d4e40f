import type { ReactElement } from 'react';
import type { Line } from '../components/lines.js';
import type { Screen } from '../state/navigation.js';
import { detailLinesFor, docLinesFor, helpLinesFor, progressLinesFor } from '../views/detail-lines-for.js';
import { ContextsView } from '../views/ContextsView.js';
import { HelpView } from '../views/HelpView.js';
import { NamespacesView } from '../views/NamespacesView.js';
import { PodDetailView } from '../views/PodDetailView.js';
import { PodDocView } from '../views/PodDocView.js';
import { PodsView } from '../views/PodsView.js';
import { ProfilePodsView } from '../views/ProfilePodsView.js';
import { ProfilesView } from '../views/ProfilesView.js';
import { ProgressView } from '../views/ProgressView.js';
import { ExportView } from '../views/ExportView.js';
import { exportLines } from '../views/export-lines.js';
import type { CommandActions } from './command-handlers.js';
import type { UIState } from './contexts.js';

// One entry per screen: what it draws, its text lines (a text screen scrolls them), and what
// `enter` does on a list's selected row. A new screen is a Screen kind (state/screen.ts), an
// entry here and its keymap rows.

export interface ScreenSpec<S extends Screen = Screen> {
  body(screen: S): ReactElement;
  /** A text screen's wrapped lines: the navigation keys scroll them (a list moves its cursor instead). */
  lines?(state: UIState, screen: S): Line[];
  /** A list's `enter` on the selected row (its key). */
  open?(rowKey: string, state: UIState, actions: CommandActions): void;
}

type Screens = { [K in Screen['kind']]: ScreenSpec<Extract<Screen, { kind: K }>> };

/** "fargate:fp-test" (profileRowKey) → "fp-test". */
const profileName = (rowKey: string): string => rowKey.slice(rowKey.indexOf(':') + 1);

export const SCREENS: Screens = {
  namespaces: { body: (s) => <NamespacesView screen={s} />, open: (namespace, _, a) => a.dispatch({ type: 'openNamespace', namespace }) },
  pods: { body: (s) => <PodsView screen={s} />, open: (podKey, _, a) => a.dispatch({ type: 'openPod', podKey }) },
  profiles: { body: (s) => <ProfilesView screen={s} />, open: (key, _, a) => a.dispatch({ type: 'openProfile', profile: profileName(key) }) },
  profile: { body: (s) => <ProfilePodsView screen={s} />, open: (podKey, _, a) => a.dispatch({ type: 'openPod', podKey }) },
  contexts: { body: (s) => <ContextsView screen={s} />, open: (name, _, a) => a.switchContext(name) },
  detail: { body: (s) => <PodDetailView screen={s} />, lines: (state, s) => detailLinesFor(state, s.podKey) },
  yaml: { body: (s) => <PodDocView screen={s} />, lines: (state) => docLinesFor(state) },
  describe: { body: (s) => <PodDocView screen={s} />, lines: (state) => docLinesFor(state) },
  logs: { body: (s) => <PodDocView screen={s} />, lines: (state) => docLinesFor(state) },
  help: { body: (s) => <HelpView screen={s} />, lines: helpLinesFor },
  progress: { body: (s) => <ProgressView screen={s} />, lines: progressLinesFor },
  export: { body: (s) => <ExportView screen={s} />, lines: exportLines },
};

/** The entry of this screen's kind (TypeScript cannot pair a union member with its entry itself). */
export const screenSpec = (screen: Screen): ScreenSpec => SCREENS[screen.kind] as ScreenSpec;
