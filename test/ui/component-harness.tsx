// Component tests: one view rendered on its own with ink-testing-library (whose terminal is 100
// columns wide), fed a UIState built from a fixture store, as <AppContainer> would build it.
import './force-color.js';
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { UIStateContext, type UIState } from '../../source/ui/app/contexts.js';
import { activeBindings, KEYMAP, type Capability } from '../../source/ui/keymap.js';
import { initialNavState, type NavState, type Screen } from '../../source/ui/state/navigation.js';
import { createRowSelectors } from '../../source/ui/state/rows.js';
import { themeFor } from '../../source/ui/theme.js';
import { createTextLines } from '../../source/ui/views/detail-lines-for.js';
import type { ClusterStore } from '../../source/store/cluster-store.js';
import { ClusterViewModel } from '../../source/view-model/cluster-view-model.js';
import { sceneStore, NOW } from '../helpers/scene.js';

/** ink-testing-library's terminal width (fixed). */
export const COLUMNS = 100;
/** What the layout keeps for the status bar, the title line and the footer. */
const CHROME_LINES = 5;

export interface StateOptions {
  store?: ClusterStore;
  /** Start like `kubectl fargate -n NAMESPACE` (null = all namespaces). */
  namespace?: string | null;
  nav?: Partial<NavState>;
  columns?: number;
  rows?: number;
  now?: number;
  readOnly?: boolean;
  noColor?: boolean;
  capabilities?: Capability[];
}

/** The UIState <AppContainer> would publish for this store and navigation state. */
export function uiState(options: StateOptions = {}): UIState {
  const store = options.store ?? sceneStore();
  const snapshot = store.flush();
  const columns = options.columns ?? COLUMNS;
  const rows = options.rows ?? 30;
  const readOnly = options.readOnly ?? false;
  return {
    nav: { ...initialNavState({ namespace: options.namespace ?? null }), ...options.nav },
    view: new ClusterViewModel().update(snapshot),
    theme: themeFor(options.noColor ?? false),
    layout: { columns, rows, bodyHeight: rows - CHROME_LINES },
    now: options.now ?? NOW,
    bindings: activeBindings(KEYMAP, { readOnly, capabilities: new Set(options.capabilities ?? []) }),
    selectors: createRowSelectors(),
    readOnly,
    run: null,
    quitting: false,
    reschedule: { offered: false, permissions: new Map() },
    textLines: createTextLines(),
    doc: null,
    reads: new Map(),
    profileChange: null,
  };
}

/** Screens as the back stack holds them, for `nav: { stack: [...] }`. */
export const SCREEN = {
  namespaces: (filter = ''): Screen => ({ kind: 'namespaces', filter }),
  pods: (namespace: string | null = null, filter = ''): Screen => ({ kind: 'pods', namespace, filter }),
  profiles: (filter = ''): Screen => ({ kind: 'profiles', filter }),
  detail: (podKey: string): Screen => ({ kind: 'detail', podKey, scroll: 0 }),
  help: (): Screen => ({ kind: 'help', scroll: 0 }),
} as const;

export interface RenderedView {
  /** The last frame without ANSI codes. */
  frame(): string;
  /** The last frame with ANSI codes (colours, the inverse-video selection). */
  rawFrame(): string;
  /** Render again with another state (what a new snapshot or key press does in <AppContainer>). */
  rerender(state: UIState): void;
  unmount(): void;
}

/** Render `element` (a view reading UIStateContext) with ink-testing-library. */
export function renderView(element: ReactElement, state: UIState): RenderedView {
  const wrap = (s: UIState) => <UIStateContext.Provider value={s}>{element}</UIStateContext.Provider>;
  const instance = render(wrap(state));
  const raw = () => instance.lastFrame() ?? '';
  return {
    frame: () => stripVTControlCharacters(raw()),
    rawFrame: raw,
    rerender: (s) => instance.rerender(wrap(s)),
    unmount: instance.unmount,
  };
}
