import { useMemo } from 'react';
import { activeBindings, type Binding, type Capability } from '../keymap.js';

export type Capabilities = Partial<Record<Capability, boolean>>;

/**
 * The keys that exist right now: destructive ones never with --read-only, reschedule keys only
 * where the permissions allow them, `w` once a run exists, y/d/l where the pod may be read.
 * Rebuilt only when one of those changes.
 */
export function useBindings(keymap: readonly Binding[], readOnly: boolean, capabilities: Capabilities): readonly Binding[] {
  const { reschedule = false, run = false, read = false, logs = false, copy = false, 'profile-write': profileWrite = false, export: exportable = false } = capabilities;
  return useMemo(() => {
    const has = new Set<Capability>();
    if (reschedule) has.add('reschedule');
    if (run) has.add('run');
    if (read) has.add('read');
    if (logs) has.add('logs');
    if (copy) has.add('copy');
    if (profileWrite) has.add('profile-write');
    if (exportable) has.add('export');
    return activeBindings(keymap, { readOnly, capabilities: has });
  }, [keymap, readOnly, reschedule, run, read, logs, copy, profileWrite, exportable]);
}
