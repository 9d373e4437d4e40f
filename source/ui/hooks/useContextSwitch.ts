import { useCallback } from 'react';
import type { NavAction } from '../state/navigation.js';
import type { TuiContexts } from '../tui-actions.js';

/**
 * `:ctx NAME` / enter on a context: the host re-reads the kubeconfig and makes the live view
 * show that context's cluster and profiles. Not while a reschedule runs (it belongs to the
 * cluster it started in); on failure nothing changes and the reason is said.
 */
export function useContextSwitch(
  contexts: TuiContexts | null,
  busy: () => boolean,
  current: () => string,
  dispatch: (action: NavAction) => void,
  notice: (text: string, level?: 'info' | 'error') => void,
): (name: string) => void {
  return useCallback(
    (name: string) => {
      if (!contexts) return notice('switching contexts is not offered here', 'error');
      if (busy()) return notice(`A reschedule is running in ${current()}: switch contexts once it is over (w shows it).`, 'error');
      if (name === current()) {
        dispatch({ type: 'contextSwitched' });
        return notice(`Already on context ${name}.`);
      }
      notice(`Switching to context ${name}…`);
      contexts.switchTo(name).then(
        () => {
          dispatch({ type: 'contextSwitched' });
          notice(`Context ${name}: its pods and Fargate profiles are being read.`);
        },
        (error: unknown) => notice(`Still on ${current()}: could not switch to ${name}: ${error instanceof Error ? error.message : String(error)}`, 'error'),
      );
    },
    [contexts, busy, current, dispatch, notice],
  );
}
