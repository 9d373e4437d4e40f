import { useCallback } from 'react';
import type { UIState } from '../app/contexts.js';
import { runCommandLine } from '../state/commands.js';
import type { NavAction } from '../state/navigation.js';

export interface PromptDeps {
  readState: () => UIState;
  dispatch: (action: NavAction) => void;
  quit: () => void;
  /** The namespace the session is limited to (`-n`), or null for all. */
  watched: string | null;
}

/**
 * enter in the `:` prompt: the command table (state/commands.ts) says what the line means; this
 * does it. A known command moves or quits; anything else is said in the prompt line.
 */
export function useCommandPrompt({ readState, dispatch, quit, watched }: PromptDeps): () => void {
  return useCallback(() => {
    const { nav, view } = readState();
    if (!nav.prompt) return;
    const namespaces = new Set([...view.namespaces.map((n) => n.name), ...view.byNamespace.keys()]);
    const outcome = runCommandLine(nav.prompt.draft, { namespaces, watched });
    if (outcome.kind === 'error') return dispatch({ type: 'promptError', message: outcome.message });
    dispatch({ type: 'promptCancel' });
    if (outcome.kind === 'quit') return quit();
    dispatch(outcome.action);
  }, [readState, dispatch, quit, watched]);
}
