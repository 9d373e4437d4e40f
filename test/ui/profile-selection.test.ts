// What `c` prefills and what `x`/`e` act on, from the UIState alone (no ink).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createDraft } from '../../source/ui/app/profile-selection.js';
import { initialNavState } from '../../source/ui/state/navigation.js';
import { scenePod, sceneStore } from '../helpers/scene.js';
import { uiState } from './component-harness.js';

function storeWith(labels: Record<string, string>) {
  const store = sceneStore();
  store.upsert('pods', scenePod('shop', 'cart-1', { labels }));
  return store;
}

describe('the create form is prefilled from the pod or namespace selected last', () => {
  const selection = (pods: string | null, namespaces: string | null) => ({ ...initialNavState({ namespace: null }).selection, pods: { key: pods, index: 0 }, namespaces: { key: namespaces, index: 0 } });
  const cases: Array<{ rule: string; labels: Record<string, string>; pods: string | null; namespaces: string | null; draft: { name: string; selectors: string } }> = [
    { rule: 'a selected pod with an app label: NS:app=value', labels: { app: 'cart', tier: 'web' }, pods: 'shop/cart-1', namespaces: 'test', draft: { name: 'shop', selectors: 'shop:app=cart' } },
    { rule: 'the well-known app.kubernetes.io/name label comes first', labels: { app: 'cart', 'app.kubernetes.io/name': 'carts' }, pods: 'shop/cart-1', namespaces: null, draft: { name: 'shop', selectors: 'shop:app.kubernetes.io/name=carts' } },
    { rule: 'a pod without an app label: its namespace', labels: { tier: 'web' }, pods: 'shop/cart-1', namespaces: null, draft: { name: 'shop', selectors: 'shop' } },
    { rule: 'a pod gone since: the selected namespace', labels: {}, pods: 'shop/gone', namespaces: 'test', draft: { name: 'test', selectors: 'test' } },
    { rule: 'nothing selected: empty fields', labels: {}, pods: null, namespaces: null, draft: { name: '', selectors: '' } },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const state = uiState({ store: storeWith(c.labels), nav: { selection: selection(c.pods, c.namespaces) } });
      assert.deepEqual(createDraft(state), c.draft);
    });
  }
});
