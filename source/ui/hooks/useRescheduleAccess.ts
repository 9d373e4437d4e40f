import { useMemo } from 'react';
import type { ClusterView } from '../../view-model/cluster-view.js';
import type { RescheduleAccess } from '../app/contexts.js';
import { podsNamespace, type NavState, type Screen } from '../state/navigation.js';
import { mayReschedule, missingPermissions } from '../state/reschedule-plan.js';
import type { TuiActions } from '../tui-actions.js';
import { permissionKey, usePodPermissions, type PermissionsControl } from './usePodPermissions.js';

export interface RescheduleAccessControl {
  /** What the views show: offered at all, and the permission answers so far. */
  access: RescheduleAccess;
  /** The reschedule keys may be bound on the screen shown. */
  allowed: boolean;
  /** Ask for a namespace's permissions now (the namespaces of a plan). */
  ensure: PermissionsControl['ensure'];
}

/** The screen whose pods the reschedule keys act on: help and progress sit on top of it. */
function baseScreen(stack: readonly Screen[]): Screen | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const screen = stack[i]!;
    if (screen.kind !== 'help' && screen.kind !== 'progress') return screen;
  }
  return undefined;
}

const namespaceOfKey = (podKey: string): string => podKey.slice(0, Math.max(0, podKey.indexOf('/')));

/**
 * Whether the user may reschedule here. Permissions are asked for the namespace on screen (a
 * pod's own in its detail); in a detail, the pod's own method decides (a bare pod needs delete
 * and create, others eviction). `tui` null (--read-only, no actions) asks nothing.
 */
export function useRescheduleAccess(tui: TuiActions | null, nav: NavState, view: ClusterView): RescheduleAccessControl {
  const base = baseScreen(nav.stack);
  const scope: string | null | undefined = !tui ? undefined : base?.kind === 'detail' ? namespaceOfKey(base.podKey) : podsNamespace(nav);
  const permissions = usePodPermissions(tui, scope, view.identity.context);
  const scopePermissions = scope === undefined ? undefined : permissions.known.get(permissionKey(scope));
  const detailPod = base?.kind === 'detail' ? view.pods.find((p) => p.key === base.podKey) : undefined;
  let allowed = false;
  if (scopePermissions) {
    allowed = detailPod ? missingPermissions(scopePermissions, detailPod.pod.owner === null ? 'recreate' : 'evict').length === 0 : mayReschedule(scopePermissions);
  }
  const access = useMemo(() => ({ offered: tui !== null, permissions: permissions.known }), [tui, permissions.known]);
  return { access, allowed, ensure: permissions.ensure };
}
