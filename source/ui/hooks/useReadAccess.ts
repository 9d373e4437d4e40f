import { useCallback, useEffect, useRef, useState } from 'react';
import type { PodReadPermissions, TuiReads } from '../tui-actions.js';

export interface ReadAccess {
  /** Answers so far, by namespace. */
  known: ReadonlyMap<string, PodReadPermissions>;
  /** May the user read the focused pod (y, d) and its log (l)? */
  canRead: boolean;
  canLogs: boolean;
}

interface Known {
  context: string;
  answers: ReadonlyMap<string, PodReadPermissions>;
}

/**
 * Whether y, d and l may be bound: the user's read permissions in the namespace of the pod they
 * act on (the selected row's, or the one on screen), asked of the host (which caches them) once
 * per namespace. A new context asks everything again.
 */
export function useReadAccess(reads: TuiReads | null, namespace: string | null, context: string): ReadAccess {
  const [known, setKnown] = useState<Known>(() => ({ context, answers: new Map() }));
  const asked = useRef(new Set<string>());
  if (known.context !== context) {
    // Another cluster: nothing known carries over.
    asked.current = new Set();
    setKnown({ context, answers: new Map() });
  }

  const ask = useCallback(
    (ns: string) => {
      if (!reads || asked.current.has(ns)) return;
      asked.current.add(ns);
      void reads
        .permissions(ns)
        .catch((error: unknown): PodReadPermissions => ({ namespace: ns, canGet: false, canLogs: false, canListEvents: false, error: String(error) }))
        .then((answer) => setKnown((prev) => (prev.context === context ? { context, answers: new Map(prev.answers).set(ns, answer) } : prev)));
    },
    [reads, context],
  );

  useEffect(() => {
    if (namespace !== null) ask(namespace);
  }, [namespace, ask]);

  const answer = namespace === null || known.context !== context ? undefined : known.answers.get(namespace);
  return { known: known.answers, canRead: answer?.canGet === true, canLogs: answer?.canLogs === true };
}
