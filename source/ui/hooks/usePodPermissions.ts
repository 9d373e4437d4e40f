import { useCallback, useEffect, useState } from 'react';
import type { PodPermissions, TuiActions } from '../tui-actions.js';

/** Permissions are asked again this often while the user stays in one namespace (the host caches them). */
const RECHECK_MS = 60_000;

export interface PermissionsControl {
  /** Answers so far, by namespace ('' = the cluster scope). */
  known: ReadonlyMap<string, PodPermissions>;
  /** Ask now (for the namespaces of a plan). */
  ensure(namespace: string | null): Promise<PodPermissions | null>;
}

export const permissionKey = (namespace: string | null): string => namespace ?? '';

const NONE: ReadonlyMap<string, PodPermissions> = new Map();

/**
 * What the user may do to pods in `scope` (the namespace on screen; null = cluster scope;
 * undefined = do not ask, e.g. --read-only or no actions offered). Answers belong to the
 * kubeconfig context they were asked in: after `:ctx` nothing is assumed.
 */
export function usePodPermissions(actions: TuiActions | null, scope: string | null | undefined, context = ''): PermissionsControl {
  const [known, setKnown] = useState<{ context: string; answers: ReadonlyMap<string, PodPermissions> }>(() => ({ context, answers: NONE }));

  const ensure = useCallback(
    async (namespace: string | null) => {
      if (!actions) return null;
      const answer = await actions.permissions(namespace).catch((error: unknown): PodPermissions => {
        const text = `could not check permissions: ${error instanceof Error ? error.message : String(error)}`;
        return { namespace, canEvict: false, canDelete: false, canCreate: false, missing: [text], error: text };
      });
      const key = permissionKey(namespace);
      setKnown((prev) => {
        const base = prev.context === context ? prev.answers : NONE;
        return base.get(key) === answer ? prev : { context, answers: new Map(base).set(key, answer) };
      });
      return answer;
    },
    [actions, context],
  );

  useEffect(() => {
    if (scope === undefined || !actions) return;
    void ensure(scope);
    const timer = setInterval(() => void ensure(scope), RECHECK_MS);
    return () => clearInterval(timer);
  }, [scope, actions, ensure]);

  return { known: known.context === context ? known.answers : NONE, ensure };
}
