import { useCallback, useMemo } from 'react';
import type { UIState } from '../app/contexts.js';
import { completeLine, runCommandLine, type CommandContext } from '../state/commands.js';
import type { NavAction } from '../state/navigation.js';
import type { TuiContexts } from '../tui-actions.js';

export interface PromptDeps {
  readState: () => UIState;
  dispatch: (action: NavAction) => void;
  quit: () => void;
  /** The namespace the session is limited to (`-n`), or null for all. */
  watched: string | null;
  /** `:ctx`; null when the host offers no switching. */
  contexts: TuiContexts | null;
  switchContext: (name: string) => void;
}

export interface PromptControl {
  /** enter: run the line. */
  run(): void;
  /** tab: complete the line. */
  complete(): void;
}

/**
 * The `:` prompt: the command table (state/commands.ts) says what a line means and how it
 * completes; this does it. A known command moves, lists or switches contexts, or quits, and is
 * kept for ↑; anything else is said in the prompt line.
 */
export function useCommandPrompt({ readState, dispatch, quit, watched, contexts, switchContext }: PromptDeps): PromptControl {
  const commandContext = useCallback((): CommandContext => {
    const { view } = readState();
    let names: string[] | null = null;
    try {
      names = contexts ? contexts.list().map((c) => c.name) : null;
    } catch {
      names = [];
    }
    return { namespaces: new Set([...view.namespaces.map((n) => n.name), ...view.byNamespace.keys()]), watched, contexts: names };
  }, [readState, watched, contexts]);

  const run = useCallback(() => {
    const { nav } = readState();
    if (!nav.prompt) return;
    const line = nav.prompt.draft;
    const outcome = runCommandLine(line, commandContext());
    if (outcome.kind === 'error') return dispatch({ type: 'promptError', message: outcome.message });
    if (outcome.kind === 'contexts') {
      try {
        const list = contexts?.list() ?? [];
        dispatch({ type: 'promptRecord', line });
        dispatch({ type: 'showContexts', contexts: list });
      } catch (error) {
        dispatch({ type: 'promptError', message: `cannot read the kubeconfig: ${error instanceof Error ? error.message : String(error)}` });
      }
      return;
    }
    dispatch({ type: 'promptRecord', line });
    dispatch({ type: 'promptCancel' });
    if (outcome.kind === 'quit') return quit();
    if (outcome.kind === 'switch') return switchContext(outcome.context);
    dispatch(outcome.action);
  }, [readState, commandContext, dispatch, quit, contexts, switchContext]);

  const complete = useCallback(() => {
    const { nav } = readState();
    if (!nav.prompt) return;
    const { line, candidates } = completeLine(nav.prompt.draft, commandContext());
    if (candidates.length === 0) return dispatch({ type: 'promptError', message: 'nothing to complete' });
    dispatch({ type: 'promptReplace', draft: line, ...(candidates.length > 1 ? { hint: candidates.join('  ') } : {}) });
  }, [readState, commandContext, dispatch]);

  return useMemo(() => ({ run, complete }), [run, complete]);
}
