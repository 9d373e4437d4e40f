import { createContext, useContext } from 'react';
import type { ClusterView } from '../../view-model/cluster-view.js';
import type { Binding, Command } from '../keymap.js';
import type { PodDoc } from '../state/pod-doc.js';
import type { NavAction, NavState } from '../state/navigation.js';
import type { RowSelectors } from '../state/rows.js';
import type { RunSnapshot } from '../state/run-progress.js';
import type { Theme } from '../theme.js';
import type { PlanOptions, PodPermissions, PodReadPermissions, ProfileDraft, ProfileExportFormat } from '../tui-actions.js';
import type { TextLines } from '../views/detail-lines-for.js';

// Gemini-CLI style split: AppContainer owns every piece of state and publishes it here; the
// layout and the views only read UIState and call UIActions.

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
  /** The text screens' wrapped lines, remembered per App (views/detail-lines-for.ts). */
  textLines: TextLines;
  /** What the YAML, describe or log screen on top shows (read from the API server); null elsewhere. */
  doc: PodDoc | null;
  /** Read permission answers by namespace (y, d, l are bound only where they are allowed). */
  reads: ReadonlyMap<string, PodReadPermissions>;
  /** The profile change of this session (c, x): its latest step while it runs, then its outcome; null before the first. */
  profileChange: ProfileChange | null;
}

export interface ProfileChange {
  text: string;
  level: 'busy' | 'ok' | 'error';
}

export interface RescheduleAccess {
  /** The host offers rescheduling (actions given, not --read-only). */
  offered: boolean;
  /** Permission answers by namespace ('' = cluster scope). */
  permissions: ReadonlyMap<string, PodPermissions>;
}

/** Every callback of the UI. Built once per App: its functions read the state as of the call. */
export interface UIActions {
  dispatch(action: NavAction): void;
  /** A short line on the status bar (it fades after a few seconds). */
  notice(text: string, level?: 'info' | 'error'): void;
  /** Why a key did nothing: in the dialog or prompt that has focus, else on the status line. */
  tell(why: string): void;
  /** Exit; a pod in flight is finished (or re-created) first. */
  quit(): void;
  /** R: re-read the profiles now; says how many were read, or why not. */
  rereadProfiles(): void;
  /** Plan these pods and open the confirmation (typed when `expected`); nothing runs yet. */
  askReschedule(podKeys: string[], expected: string | null, options?: PlanOptions): Promise<void>;
  /** The open dialog's answer: start exactly the plan it shows. */
  confirmDialog(): void;
  /** tab in `U`'s typed confirmation: plan again with the next strategy (default -> evict -> restart). */
  cycleStrategy(): Promise<void>;
  /** enter in the `:` prompt. */
  runPrompt(): void;
  /** tab in the `:` prompt. */
  completePrompt(): void;
  /** enter on a context: the live view shows that context's cluster (nothing changes if it cannot). */
  switchContext(name: string): void;
  /** c: put text on the clipboard, and say so. */
  copy(text: string): void;
  /** x on a profile: what EKS would do to its pods, then the dialog asking for its name typed. */
  askProfileDelete(name: string): Promise<void>;
  /** c in the profiles view: the create form, prefilled. */
  openProfileForm(draft: ProfileDraft): void;
  /** enter in the create form: the what-if, then the y/n dialog. */
  submitProfileForm(): Promise<void>;
  /** e (and tab over an export): the profile in `format`. */
  exportProfile(name: string, format: ProfileExportFormat, inPlace: boolean): void;
  /** What the key bound to `command` does. */
  runCommand(command: Command): void;
}

export const UIStateContext = createContext<UIState | null>(null);
export const UIActionsContext = createContext<UIActions | null>(null);

export function useUIState(): UIState {
  const state = useContext(UIStateContext);
  if (!state) throw new Error('useUIState outside <AppContainer>');
  return state;
}

export function useUIActions(): UIActions {
  const actions = useContext(UIActionsContext);
  if (!actions) throw new Error('useUIActions outside <AppContainer>');
  return actions;
}
