import { useCallback, useRef, useState } from 'react';
import { navReducer, type NavAction, type NavState } from '../state/navigation.js';

/**
 * useReducer with the latest state readable synchronously: a multi-key input chunk ('jjj', '/abc')
 * is handled key by key, and each key must see what the previous one did.
 */
export function useNavState(initial: () => NavState): [NavState, (action: NavAction) => void, () => NavState] {
  const ref = useRef<NavState | null>(null);
  ref.current ??= initial();
  const [state, setState] = useState<NavState>(ref.current);
  const dispatch = useCallback((action: NavAction) => {
    const next = navReducer(ref.current!, action);
    if (next === ref.current) return;
    ref.current = next;
    setState(next);
  }, []);
  const read = useCallback(() => ref.current!, []);
  return [state, dispatch, read];
}
