// What `c`, `x` and `e` act on in the profiles view: the selected profile, and the create
// form's prefill from the namespace or pod selected last.
import { topScreen } from '../state/navigation.js';
import type { ProfileDraft } from '../tui-actions.js';
import type { UIState } from './contexts.js';
import { listRows } from './list-rows.js';

/** The profile under the cursor ("eks:fp-test" → eks, fp-test). */
export function selectedProfile(s: UIState): { source: string; name: string } | null {
  const top = topScreen(s.nav);
  if (top.kind !== 'profiles') return null;
  const { keys, cursor } = listRows(top, s.view, s.nav, s.selectors);
  const key = keys.keyAt(cursor);
  if (key === undefined) return null;
  const colon = key.indexOf(':');
  return { source: key.slice(0, colon), name: key.slice(colon + 1) };
}

/** Labels that say which app a pod is: the first one the selected pod has prefills `NS:key=value`. */
const APP_LABELS = ['app.kubernetes.io/name', 'app', 'k8s-app', 'name'];

/**
 * The form prefilled: the selected pod's namespace and app label, else the selected (or
 * watched) namespace; the name from the namespace. Everything stays editable.
 */
export function createDraft(s: UIState): ProfileDraft {
  const podKey = s.nav.selection.pods.key;
  const pod = podKey === null ? undefined : s.view.pods.find((p) => p.key === podKey)?.pod;
  if (pod) {
    const label = APP_LABELS.find((k) => pod.labels[k] !== undefined);
    return { name: pod.namespace, selectors: label ? `${pod.namespace}:${label}=${pod.labels[label]}` : pod.namespace };
  }
  const namespace = s.nav.selection.namespaces.key ?? s.nav.home ?? '';
  return { name: namespace, selectors: namespace };
}
