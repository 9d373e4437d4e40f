import { useEffect, useState } from 'react';
import { docKey, loadingDoc, withLines, type PodDoc } from '../state/pod-doc.js';
import { topScreen, type NavState } from '../state/navigation.js';
import { isPodDocScreen } from '../state/screen.js';
import type { TuiReads } from '../tui-actions.js';

const splitKey = (podKey: string): [string, string] => {
  const slash = podKey.indexOf('/');
  return [podKey.slice(0, slash), podKey.slice(slash + 1)];
};

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The YAML, describe or log of the pod on the top screen, read when that screen opens and
 * dropped when it is left (a log stream is stopped then). Null when no such screen is on top.
 */
export function usePodDoc(reads: TuiReads | null, nav: NavState): PodDoc | null {
  const top = topScreen(nav);
  const screen = isPodDocScreen(top) ? top : null;
  const key = screen ? docKey(screen) : null;
  const [doc, setDoc] = useState<PodDoc | null>(null);

  useEffect(() => {
    if (!screen || key === null) return;
    if (!reads) {
      setDoc({ ...loadingDoc(key), status: 'error', error: 'reading pods is not offered here' });
      return;
    }
    const [namespace, name] = splitKey(screen.podKey);
    let live = true;
    const update = (change: (d: PodDoc) => PodDoc) => {
      if (live) setDoc((d) => change(d?.key === key ? d : loadingDoc(key)));
    };
    const fail = (error: unknown) => update((d) => ({ ...d, status: 'error', error: message(error) }));
    setDoc(loadingDoc(key));
    if (screen.kind === 'yaml') {
      reads.yaml(namespace, name).then((yaml) => update((d) => ({ ...d, status: 'ready', yaml })), fail);
      return () => void (live = false);
    }
    if (screen.kind === 'describe') {
      reads.describe(namespace, name).then((description) => update((d) => ({ ...d, status: 'ready', description })), fail);
      return () => void (live = false);
    }
    const stream = reads.logs(namespace, name, screen.container, { follow: true }, {
      containers: (containers, container) => update((d) => ({ ...d, containers, container })),
      lines: (lines) => update((d) => withLines(d, lines)),
      end: (error) => update((d) => (error === null ? { ...d, status: 'ended' } : { ...d, status: 'error', error })),
    });
    return () => {
      live = false;
      stream.stop();
    };
    // The key says everything the reading depends on.
  }, [key, reads]);

  return doc?.key === key ? doc : key === null ? null : loadingDoc(key);
}
