import { createContext, useContext } from 'react';
import type { ClusterView } from '../../view-model/cluster-view.js';
import type { Binding } from '../keymap.js';
import type { NavAction, NavState } from '../state/navigation.js';
import type { RowSelectors } from '../state/rows.js';
import type { RunSnapshot } from '../state/run-progress.js';
import type { Theme } from '../theme.js';
import type { PodPermissions, TuiActions } from '../tui-actions.js';

// Gemini-CLI style split: leaf components read UIState and call UIActions; only App owns state.

export interface Layout {
  columns: number;
  rows: number;
  /** Lines available to the body (table header included). */
  bodyHeight: number;
}

export interface UIState {
  nav: NavState;
  view: ClusterView;
  theme: Theme;
  layout: Layout;
  /** The tick clock (ms): "updated 3s ago", fading change marks. */
  now: number;
  bindings: readonly Binding[];
  selectors: RowSelectors;
  readOnly: boolean;
  /** The reschedule run of this session (null before the first). */
  run: RunSnapshot | null;
  /** q / Ctrl-C during a run: waiting for the pod in flight before exiting. */
  quitting: boolean;
  reschedule: RescheduleAccess;
}

export interface RescheduleAccess {
  /** The host offers rescheduling (actions given, not --read-only). */
  offered: boolean;
  /** Permission answers by namespace ('' = cluster scope). */
  permissions: ReadonlyMap<string, PodPermissions>;
}

export interface UIActions {
  dispatch: (action: NavAction) => void;
  quit: () => void;
  refreshProfiles: () => void;
  /** The host's actions (plan, start, permissions); null when none are offered. */
  reschedule: TuiActions | null;
}

export const UIStateContext = createContext<UIState | null>(null);
export const UIActionsContext = createContext<UIActions | null>(null);

export function useUIState(): UIState {
  const state = useContext(UIStateContext);
  if (!state) throw new Error('useUIState outside <App>');
  return state;
}

export function useUIActions(): UIActions {
  const actions = useContext(UIActionsContext);
  if (!actions) throw new Error('useUIActions outside <App>');
  return actions;
}
