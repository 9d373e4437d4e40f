import { useMemo } from 'react';
import { activeBindings, type Binding, type Capability } from '../keymap.js';

/**
 * The keys that exist right now: destructive ones never with --read-only, reschedule keys only
 * where the permissions allow them, `w` once a run exists. Rebuilt only when one of those changes.
 */
export function useBindings(keymap: readonly Binding[], readOnly: boolean, mayReschedule: boolean, hasRun: boolean): readonly Binding[] {
  return useMemo(() => {
    const capabilities = new Set<Capability>();
    if (mayReschedule) capabilities.add('reschedule');
    if (hasRun) capabilities.add('run');
    return activeBindings(keymap, { readOnly, capabilities });
  }, [keymap, readOnly, mayReschedule, hasRun]);
}
