// Every screen in one table: what its body is, and how keys act on it. A new view is one more
// Screen kind (state/navigation.ts), one entry here and its bindings' `screens` in the keymap.
import type { ReactElement } from 'react';
import type { Line } from '../components/lines.js';
import type { NavAction, Screen } from '../state/navigation.js';
import { detailLinesFor, helpLinesFor, progressLinesFor } from '../views/detail-lines-for.js';
import { HelpView } from '../views/HelpView.js';
import { NamespacesView } from '../views/NamespacesView.js';
import { PodDetailView } from '../views/PodDetailView.js';
import { PodsView } from '../views/PodsView.js';
import { ProfilesView } from '../views/ProfilesView.js';
import { ProgressView } from '../views/ProgressView.js';
import type { UIState } from './contexts.js';

export interface ScreenSpec<S extends Screen = Screen> {
  body(screen: S): ReactElement;
  /** A text screen's wrapped lines: the navigation keys scroll them (a list moves its cursor instead). */
  lines?(state: UIState, screen: S): Line[];
  /** A list's `enter` on the selected row (its key). */
  open?(rowKey: string): NavAction;
}

type Screens = { [K in Screen['kind']]: ScreenSpec<Extract<Screen, { kind: K }>> };

export const SCREENS: Screens = {
  namespaces: { body: () => <NamespacesView />, open: (namespace) => ({ type: 'openNamespace', namespace }) },
  pods: { body: () => <PodsView />, open: (podKey) => ({ type: 'openPod', podKey }) },
  profiles: { body: () => <ProfilesView /> },
  detail: { body: (s) => <PodDetailView podKey={s.podKey} />, lines: (state, s) => detailLinesFor(state, s.podKey) },
  help: { body: () => <HelpView />, lines: helpLinesFor },
  progress: { body: () => <ProgressView />, lines: progressLinesFor },
};

/** The entry of this screen's kind (TypeScript cannot pair a union member with its entry itself). */
export const screenSpec = (screen: Screen): ScreenSpec => SCREENS[screen.kind] as ScreenSpec;
