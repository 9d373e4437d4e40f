import { useCallback, useLayoutEffect, useRef } from 'react';
import type { UIState } from '../app/contexts.js';
import type { NavState } from '../state/navigation.js';

/**
 * The state as of now, for callbacks that outlive a render (key handlers, the async plan): the last
 * committed UIState with the newest navigation state, which each key of a chunk ('jjj') changes
 * before the next render. The function itself never changes, so the actions built on it are stable.
 */
export function useReadState(state: UIState, readNav: () => NavState): () => UIState {
  const latest = useRef(state);
  useLayoutEffect(() => {
    latest.current = state;
  });
  return useCallback(() => {
    const nav = readNav();
    return nav === latest.current.nav ? latest.current : { ...latest.current, nav };
  }, [readNav]);
}
