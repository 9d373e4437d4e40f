import { useInput, usePaste, type Key } from 'ink';
import type { UIActions, UIState } from '../app/contexts.js';
import { toKeyPresses } from '../app/key-press.js';
import { focusOf, pasteIntent, routeKey, typeInto, type KeyIntent } from '../state/key-routing.js';

function follow(intent: KeyIntent, state: UIState, actions: UIActions): void {
  if (intent.kind === 'command') return actions.runCommand(intent.command);
  if (intent.kind === 'type') {
    const action = typeInto(focusOf(state.nav), intent.text);
    if (action) actions.dispatch(action);
    return;
  }
  if (intent.kind === 'ignored') return actions.tell(intent.why);
}

/**
 * The one way keys get in: each press of a chunk, in order, goes through the pure routing
 * (state/key-routing.ts) and then UIActions. ctrl-c is a keymap key too (exitOnCtrlC is off), so
 * a run in flight is finished before the exit. Once quitting, keys are dropped.
 */
export function useKeyRouting(readState: () => UIState, actions: UIActions, isQuitting: () => boolean): void {
  useInput((input: string, key: Key) => {
    for (const press of toKeyPresses(input, key)) {
      if (isQuitting()) return;
      const state = readState();
      follow(routeKey(state.nav, state.bindings, press), state, actions);
    }
  });
  // A paste (bracketed by the terminal) is text for a focused field, never key presses.
  usePaste((text: string) => {
    if (isQuitting()) return;
    const state = readState();
    follow(pasteIntent(state.nav, text), state, actions);
  });
}
